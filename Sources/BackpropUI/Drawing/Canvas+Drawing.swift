/// Drawing helpers the panes share: clipped text and titled boxes.
extension Canvas {
    /// Writes `text` at (x, y), but only inside `clip`: a pane never draws over its neighbours,
    /// whatever the numbers, the names or the terminal size. Returns the column after the text,
    /// counted in `DisplayWidth` columns.
    ///
    /// A wide character that straddles an edge of `clip` is not half drawn: its half inside the
    /// clip is a blank. A character of no width (a lone combining mark) is left out.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect) -> Int {
        guard clip.containsRow(y) else { return x + DisplayWidth.of(text) }
        var column = x
        for character in text {
            let width = DisplayWidth.of(character)
            if width == 1 {
                if column >= clip.x && column < clip.maxX {
                    self[column, y] = Cell(character, style: style, isWide: false)
                }
            } else if width == 2 {
                if column >= clip.x && column + 2 <= clip.maxX {
                    self[column, y] = Cell(character, style: style, isWide: true)
                } else {
                    for half in column..<(column + 2) where half >= clip.x && half < clip.maxX {
                        self[half, y] = Cell(" ", style: style)
                    }
                }
            }
            column += width
        }
        return column
    }

    /// Draws a box around `rect` with `title` in its top edge, and blanks its inside. A title too
    /// long for the edge loses its last words (and says so with `…`) rather than running into
    /// the corner: a blank and a line of the border always come before it.
    mutating func drawBox(_ rect: Rect, title: String, glyphs: Glyphs, titleStyle: Style = Style(bold: true)) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        let border = Style(dim: true)
        for column in (rect.x + 1)..<(rect.maxX - 1) {
            self[column, rect.y] = Cell(glyphs.horizontal, style: border)
            self[column, rect.maxY - 1] = Cell(glyphs.horizontal, style: border)
        }
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            self[rect.x, row] = Cell(glyphs.vertical, style: border)
            self[rect.maxX - 1, row] = Cell(glyphs.vertical, style: border)
        }
        self[rect.x, rect.y] = Cell(glyphs.topLeft, style: border)
        self[rect.maxX - 1, rect.y] = Cell(glyphs.topRight, style: border)
        self[rect.x, rect.maxY - 1] = Cell(glyphs.bottomLeft, style: border)
        self[rect.maxX - 1, rect.maxY - 1] = Cell(glyphs.bottomRight, style: border)
        let titleClip = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
        // The corners and a blank on each side.
        let fitted = LineFit.words(title, width: rect.width - 4, ellipsis: glyphs.ellipsis)
        guard !fitted.isEmpty else { return }
        put(" \(fitted) ", x: rect.x + 1, y: rect.y, style: titleStyle, clip: titleClip)
    }

    /// Writes the first of `notes` (fullest first) that fits into `rect`'s bottom border as a
    /// title is written into its top one: after the corner and a blank, with a blank and at
    /// least one line before the other corner (`└ … 2 columns hidden ───┘`). Nothing when none
    /// fits. Returns whether one was written.
    @discardableResult
    mutating func drawBottomNote(_ notes: [String], in rect: Rect, style: Style) -> Bool {
        guard rect.width >= 2, rect.height >= 2,
            let note = notes.first(where: { !$0.isEmpty && DisplayWidth.of($0) <= rect.width - 5 })
        else { return false }
        let edge = Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1)
        put(" \(note) ", x: edge.x, y: edge.y, style: style, clip: edge)
        return true
    }
}
