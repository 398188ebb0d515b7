/// The colours a cell can ask for, by meaning; the backend turns them into what the terminal
/// has, and drops them all under NO_COLOR, where the text stays complete.
public enum Color: Hashable, Sendable {
    // The eight ANSI colours, which every colour terminal has. Panes pick them for meaning
    // (sign, change).
    case black
    case red
    case green
    case yellow
    case blue
    case magenta
    case cyan
    case white
    /// Level `0..<PlaneRamp.levels` of the diverging ramp the input plane is painted with, from
    /// the low end of the output's range (cool) through a pale middle to the high end (warm).
    case ramp(Int)
    /// A dark colour of the ramp's high or low end, for the samples drawn over the plane: darker
    /// than every level, so a sample shows on every shade.
    case sampleMark(high: Bool)
    /// The colour of lane 1 to 4 of a race on the cost pane (lane 0, the run on screen, keeps the
    /// curve's yellow): four hues apart from yellow and from each other. The lanes' markers
    /// (`o + x *`) say the same without colour.
    case runner(Int)
    /// Level `0..<PixelPicture.levels` of a grey scale from black (no ink) to white (all ink):
    /// how a picture's pixels are drawn, light strokes on the terminal's dark, as a scan shows them.
    case ink(Int)

    /// The eight ANSI colours, in ANSI order (the curses `COLOR_*` numbers).
    public static let named: [Color] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]

    private static let runnerCodes: [Character] = ["o", "p", "x", "s"]
    /// The ink levels' codes, none a letter or digit the other colours use.
    private static let inkCodes: [Character] = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]

    /// One character that names the colour in golden style files: a letter for a named colour
    /// (`k` is black), the level's digit for the ramp, `h` and `l` for the high and low marks,
    /// and for the race's lanes 1 to 4 a letter after their markers `o + x *`: `o`, `p` (plus),
    /// `x`, `s` (star); the ink levels 0 to 9 are `A` to `J`.
    public var code: Character {
        switch self {
        case .black: "k"
        case .red: "r"
        case .green: "g"
        case .yellow: "y"
        case .blue: "b"
        case .magenta: "m"
        case .cyan: "c"
        case .white: "w"
        case .ramp(let level): Character(String(min(max(level, 0), 9)))
        case .sampleMark(let high): high ? "h" : "l"
        case .runner(let lane): Color.runnerCodes[(max(lane, 1) - 1) % Color.runnerCodes.count]
        case .ink(let level): Color.inkCodes[min(max(level, 0), Color.inkCodes.count - 1)]
        }
    }
}
