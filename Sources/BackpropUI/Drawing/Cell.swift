/// One character cell of a `Canvas`.
public struct Cell: Equatable, Hashable, Sendable {
    /// The character shown. Every character the panes use is one column wide.
    public var character: Character
    /// How it is drawn.
    public var style: Style

    /// A cell showing `character` in `style`.
    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }

    /// An empty cell in the default style.
    public static let blank = Cell()
}
