/// A grid of styled cells: what one frame looks like, independent of any terminal.
///
/// Panes draw into a canvas; the curses backend copies it to the screen, `--snapshot` prints it
/// and tests compare it with golden files. Writes outside the grid are clipped, never trapped,
/// so a pane can be drawn into any size down to 1x1.
public struct Canvas: Equatable, Sendable {
    /// The size in cells.
    public let size: Size
    /// The cells, row after row.
    public private(set) var cells: [Cell]

    /// A blank canvas.
    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    /// The cell at column `x`, row `y` (0-based); blank outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * size.width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// Whether (x, y) is on the grid.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Writes `text` from (x, y) to the right, clipped to the grid and to `maxWidth` columns.
    /// Returns the column after the last character written (or that would have been).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max) -> Int {
        var column = x
        for character in text {
            if column - x >= maxWidth { break }
            self[column, y] = Cell(character, style: style)
            column += 1
        }
        return column
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, with cell: Cell = .blank) {
        for row in y..<(y + max(0, height)) {
            for column in x..<(x + max(0, width)) { self[column, row] = cell }
        }
    }

    /// The characters, one line per row, each exactly `size.width` wide.
    public var text: String {
        rows { $0.character }
    }

    /// The styles as `Style.code` characters, one line per row: the second grid of a golden file.
    public var styleText: String {
        rows { $0.style.code }
    }

    /// The background colours' codes (`.` for the default), one line per row: a third golden
    /// grid, kept only for frames that set a background (the input plane).
    public var backgroundText: String {
        rows { $0.style.background?.code ?? "." }
    }

    /// Whether any cell sets a background colour.
    public var hasBackground: Bool {
        cells.contains { $0.style.background != nil }
    }

    private func rows(_ symbol: (Cell) -> Character) -> String {
        var lines: [String] = []
        lines.reserveCapacity(size.height)
        for row in 0..<size.height {
            let start = row * size.width
            lines.append(String(cells[start..<(start + size.width)].map(symbol)))
        }
        return lines.joined(separator: "\n")
    }
}
