import BackpropUI

/// Which terminal colour number draws each `Color`, for a terminal with a given number of
/// colours: the named colours are the ANSI ones everywhere; the input plane's ramp uses light
/// tints of the 256-colour cube where the terminal has 256 colours, and five of the eight ANSI
/// colours otherwise; a race's lanes take four hues of the cube (sky blue, orange, purple, green,
/// after Okabe and Ito's palette, told apart by most colour-blind eyes) or, with eight colours,
/// cyan, red, magenta and green.
///
/// Pure, so the mapping is tested without a terminal.
public struct ColorPalette: Equatable, Sendable {
    /// Whether the 256-colour cube is there (xterm-256color, tmux-256color, most terminals today).
    public let hasCube: Bool

    /// The palette of a terminal with `colors` colours (curses' `COLORS`).
    public init(colors: Int) {
        hasCube = colors >= 256
    }

    /// The ramp's levels in the 256-colour cube: blue through pale to orange (TensorFlow
    /// Playground's pair), light enough that the darker sample marks show on every level.
    /// Levels 4 and 5, either side of the middle, are nearly white, so "undecided" reads pale.
    static let cubeRamp: [Int32] = [68, 74, 110, 153, 195, 230, 223, 216, 215, 209]
    /// The sample marks in the cube: a navy and a dark red-brown, darker than every level.
    static let cubeMarks: (low: Int32, high: Int32) = (17, 88)
    /// The ramp with eight colours: two levels each of blue, cyan, white, yellow and red.
    static let ansiRamp: [Int32] = [4, 4, 6, 6, 7, 7, 3, 3, 1, 1]

    /// The ink levels in the cube's grey ramp, black to white (232 is the darkest grey, 255 the
    /// lightest).
    static let cubeInk: [Int32] = [232, 235, 238, 241, 244, 247, 249, 251, 253, 255]
    /// The ink with eight colours: black for the faintest half, white for the rest.
    static let ansiInk: [Int32] = [0, 0, 0, 0, 0, 7, 7, 7, 7, 7]

    /// The race's lanes 1 to 4 in the cube: mid tones, readable on dark and light backgrounds.
    static let cubeRunners: [Int32] = [74, 208, 169, 36]
    /// The lanes with eight colours: the nearest ANSI hues, none of them the first lane's yellow.
    static let ansiRunners: [Int32] = [6, 1, 5, 2]

    /// The colour number of `color` drawn as a foreground over `background` (nil: the
    /// terminal's default). With eight colours a sample mark on a shade of its own colour would
    /// vanish, so it is drawn in black there; its shape (● or ○) still says its class.
    public func number(of color: Color, over background: Color? = nil) -> Int32 {
        switch color {
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .ramp(let level):
            let index = min(max(level, 0), Self.cubeRamp.count - 1)
            return hasCube ? Self.cubeRamp[index] : Self.ansiRamp[index]
        case .sampleMark(let high):
            if hasCube { return high ? Self.cubeMarks.high : Self.cubeMarks.low }
            let mark: Int32 = high ? 1 : 4
            return background.map { number(of: $0) } == mark ? 0 : mark
        case .runner(let lane):
            let index = (max(lane, 1) - 1) % Self.cubeRunners.count
            return hasCube ? Self.cubeRunners[index] : Self.ansiRunners[index]
        case .ink(let level):
            let index = min(max(level, 0), Self.cubeInk.count - 1)
            return hasCube ? Self.cubeInk[index] : Self.ansiInk[index]
        }
    }
}
