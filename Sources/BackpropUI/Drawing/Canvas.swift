/// A grid of styled cells: what one frame looks like, independent of any terminal.
///
/// Panes draw into a canvas; the curses backend copies it to the screen, `--snapshot` prints it
/// and tests compare it with golden files. Writes outside the grid are clipped, never trapped,
/// so a pane can be drawn into any size down to 1x1.
///
/// Cells are terminal columns, not characters: a wide character (数, 😀) takes its cell and a
/// continuation cell after it. The canvas never holds half of one: writing over either half
/// blanks the other, and a wide character that would not fit before the right edge (of the grid,
/// of a `maxWidth` or of a clip) is drawn as a blank instead.
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
    ///
    /// Setting a cell keeps wide characters whole: a wide character also takes the cell to its
    /// right (a blank instead, at the right edge of the grid); writing over half of one blanks
    /// its other half; a continuation cell is kept only to the right of a wide character (it
    /// restyles it), elsewhere it is a blank.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * size.width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            let index = y * size.width + x
            // Almost every write is a narrow character over a narrow one: nothing to keep together.
            if newValue.columns == 1, !newValue.isContinuation, cells[index].columns == 1,
                !cells[index].isContinuation
            {
                cells[index] = newValue
                return
            }
            if newValue.isContinuation {
                let followsWide = x > 0 && !cells[index - 1].isContinuation && cells[index - 1].columns == 2
                cells[index] = followsWide ? newValue : Cell(" ", style: newValue.style)
                return
            }
            breakWideCharacter(at: index)
            guard newValue.columns == 2 else {
                cells[index] = newValue
                return
            }
            guard x + 1 < size.width else {
                cells[index] = Cell(" ", style: newValue.style)
                return
            }
            breakWideCharacter(at: index + 1)
            cells[index] = newValue
            cells[index + 1] = .continuation(style: newValue.style)
        }
    }

    /// Before the cell at `index` is written: if it is half of a wide character, blanks the other
    /// half, keeping its style, so no half of a wide character is ever left on its own.
    private mutating func breakWideCharacter(at index: Int) {
        let cell = cells[index]
        if cell.isContinuation {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        } else if cell.columns == 2 {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }

    /// Whether (x, y) is on the grid.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Writes `text` from (x, y) to the right, clipped to the grid and to `maxWidth` columns.
    /// Returns the column after the last character written (or that would have been).
    ///
    /// Each character takes its `DisplayWidth` in columns; one that takes none (a lone combining
    /// mark) is left out, since it has no cell of its own. A wide character with only one column
    /// of `maxWidth` left is written as a blank, and nothing after it.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max) -> Int {
        var column = x
        for character in text {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            let room = maxWidth - (column - x)
            if room <= 0 { break }
            if width > room {
                self[column, y] = Cell(" ", style: style, isWide: false)
                column += 1
                break
            }
            self[column, y] = Cell(character, style: style, isWide: width == 2)
            column += width
        }
        return column
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, with cell: Cell = .blank) {
        let left = max(0, x)
        let right = min(size.width, x + max(0, width))
        guard left < right, !cell.isContinuation, cell.columns == 1 else {
            // A wide fill (never drawn today) goes through the subscript, which pairs the halves.
            for row in y..<(y + max(0, height)) {
                for column in x..<(x + max(0, width)) { self[column, row] = cell }
            }
            return
        }
        for row in max(0, y)..<min(size.height, y + max(0, height)) {
            // Only the edges can cut a wide character in two; the cells between are overwritten whole.
            self[left, row] = cell
            self[right - 1, row] = cell
            let start = row * size.width
            for index in (start + left)..<(start + right) { cells[index] = cell }
        }
    }

    /// The characters, one line per row, each exactly `size.width` columns wide on a terminal:
    /// a wide character is printed once, for its two cells.
    public var text: String {
        rows(skippingContinuations: true) { $0.character }
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

    /// One line per row of `symbol` of each cell; of each cell but continuation cells when
    /// `skippingContinuations` (the characters: a wide one already covers its continuation).
    private func rows(skippingContinuations: Bool = false, _ symbol: (Cell) -> Character) -> String {
        var lines: [String] = []
        lines.reserveCapacity(size.height)
        for row in 0..<size.height {
            let start = row * size.width
            let line = cells[start..<(start + size.width)]
            lines.append(
                skippingContinuations
                    ? String(line.lazy.filter { !$0.isContinuation }.map(symbol)) : String(line.map(symbol)))
        }
        return lines.joined(separator: "\n")
    }
}
