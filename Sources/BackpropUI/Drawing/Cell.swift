/// One character cell of a `Canvas`: one terminal column.
///
/// A wide character (`DisplayWidth.of` is 2, such as 数) takes two cells: the cell with the
/// character, then a continuation cell in the same style that shows nothing of its own. The
/// canvas keeps the two together (see `Canvas`), so no frame ever holds half of one.
public struct Cell: Equatable, Hashable, Sendable {
    /// The character shown; on a continuation cell, a space that is never drawn.
    public var character: Character
    /// How it is drawn.
    public var style: Style
    /// Whether this cell is the right half of the wide character in the cell to its left: the
    /// terminal and `Canvas.text` show nothing for it, the wide character already covers it.
    public private(set) var isContinuation = false

    /// A cell showing `character` in `style`.
    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }

    /// An empty cell in the default style.
    public static let blank = Cell()

    /// The right half of a wide character drawn in `style`; only the canvas makes these.
    static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        return cell
    }

    /// The columns the character takes: 2 for a wide one, else 1 (a continuation cell too).
    var columns: Int {
        isContinuation ? 1 : max(1, DisplayWidth.of(character))
    }
}
