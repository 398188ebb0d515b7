/// One character cell of a `Canvas`: one terminal column.
///
/// A wide character (`DisplayWidth.of` is 2, such as 数) takes two cells: the cell with the
/// character, then a continuation cell in the same style that shows nothing of its own. The
/// canvas keeps the two together (see `Canvas`), so no frame ever holds half of one.
public struct Cell: Equatable, Hashable, Sendable {
    /// The character shown; on a continuation cell, a space that is never drawn.
    public private(set) var character: Character
    /// How it is drawn.
    public var style: Style
    /// Whether this cell is the right half of the wide character in the cell to its left: the
    /// terminal and `Canvas.text` show nothing for it, the wide character already covers it.
    public private(set) var isContinuation = false
    /// Whether the character takes two columns, worked out once when the cell is made: the
    /// canvas asks on every write, and a frame writes thousands of cells.
    private var isWide: Bool

    /// A cell showing `character` in `style`.
    public init(_ character: Character = " ", style: Style = .plain) {
        self.init(character, style: style, isWide: DisplayWidth.of(character) == 2)
    }

    /// A cell showing `character`, whose width the caller has already measured.
    init(_ character: Character, style: Style, isWide: Bool) {
        self.character = character
        self.style = style
        self.isWide = isWide
    }

    /// An empty cell in the default style.
    public static let blank = Cell()

    /// The right half of a wide character drawn in `style`; only the canvas makes these.
    static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style, isWide: false)
        cell.isContinuation = true
        return cell
    }

    /// The columns the character takes: 2 for a wide one, else 1 (a continuation cell too).
    public var columns: Int {
        isWide ? 2 : 1
    }
}
