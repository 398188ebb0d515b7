/// How one cell is drawn: optional foreground and background colours and text attributes.
public struct Style: Equatable, Hashable, Sendable {
    /// The foreground colour; `nil` is the terminal's default.
    public var foreground: Color?
    /// The background colour; `nil` is the terminal's default. Only the input plane sets it:
    /// with the upper half block (▀) a cell shows two pixels, the top one in the foreground
    /// colour and the bottom one in the background colour.
    public var background: Color?
    /// Bold (bright) text.
    public var bold: Bool
    /// Dim text, for labels and units.
    public var dim: Bool
    /// Reverse video: selection, the status bar. Readable without colour.
    public var reverse: Bool
    /// Underline.
    public var underline: Bool

    /// A style; the default is the terminal's plain text.
    public init(
        foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false,
        reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// One character that names this style in golden style files: the foreground colour's
    /// code (`.` for the default colour), upper-cased when bold; `#` reverse, `_` underline and
    /// `~` dim win over the colour when set (in that order), so every golden cell reads at a
    /// glance. The background has a grid of its own (`Canvas.backgroundText`).
    public var code: Character {
        if reverse { return "#" }
        if underline { return "_" }
        if dim { return "~" }
        let letter = foreground?.code ?? "."
        if bold { return letter == "." ? "*" : Character(letter.uppercased()) }
        return letter
    }
}
