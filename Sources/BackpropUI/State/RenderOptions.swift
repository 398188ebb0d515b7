/// How frames are drawn, chosen once at start-up (from `--ascii` or the locale).
public struct RenderOptions: Equatable, Hashable, Sendable {
    /// Only 7-bit ASCII characters: for non-UTF-8 locales and terminals that mangle Unicode.
    public var ascii: Bool

    /// Options; the default draws with Unicode box, block and arrow characters.
    public init(ascii: Bool = false) {
        self.ascii = ascii
    }
}
