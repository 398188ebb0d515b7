/// How frames are drawn, chosen once at start-up (from `--ascii`, the locale and the terminal).
public struct RenderOptions: Equatable, Hashable, Sendable {
    /// Only 7-bit ASCII characters: for non-UTF-8 locales and terminals that mangle Unicode.
    public var ascii: Bool
    /// Whether the frame will be shown in colour. Most panes read the same either way (colour
    /// only adds to them); the input plane is painted in colour, and drawn with the characters
    /// of `PlaneRamp` without it (`NO_COLOR`, a terminal without colours, `--snapshot`'s
    /// plain text, and `--ascii`, which implies it for the plane).
    public var color: Bool

    /// Options; the default draws with Unicode box, block and arrow characters, in colour.
    public init(ascii: Bool = false, color: Bool = true) {
        self.ascii = ascii
        self.color = color
    }
}
