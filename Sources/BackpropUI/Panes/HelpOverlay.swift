/// The key help `?` opens over the middle of the screen: every key, what it does, and (in its
/// bottom edge) how to read the change markers. One column when the rows allow, two side by side otherwise, so
/// every line shows down to the smallest screen (80x20).
struct HelpOverlay {
    let glyphs: Glyphs

    /// Each binding of the key table, in its order and words (each fits 26 columns, so that two
    /// columns fit in 80).
    var lines: [(key: String, meaning: String)] {
        KeyTable.bindings.map { (key: $0.names, meaning: $0.help) }
    }

    /// How to read the change markers, which are no key: in the box's bottom edge, so that the
    /// keys have every row of the smallest screen (80x20).
    var legend: String { "\(glyphs.increased) \(glyphs.decreased) last step raised / lowered" }

    /// Columns of the key names.
    private static let keyWidth = 12

    func draw(on canvas: inout Canvas, in area: Rect) {
        let lines = self.lines
        let lineWidth = HelpOverlay.keyWidth + (lines.map(\.meaning.count).max() ?? 0) + 1
        let columns = lines.count + 2 <= area.height ? 1 : 2
        let perColumn = (lines.count + columns - 1) / columns
        let width = min(area.width, columns * lineWidth + 2)
        let height = min(area.height, perColumn + 2)
        let box = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        // A blank column on each side, so the panes' text under it does not run into its border.
        for x in [box.x - 1, box.maxX] where x >= area.x && x < area.maxX {
            canvas.fill(x: x, y: box.y, width: 1, height: box.height)
        }
        canvas.drawBox(box, title: "Keys", glyphs: glyphs)
        canvas.drawBottomNote([legend], in: box, style: .plain)
        let inside = box.inset(by: 1)
        for (index, line) in lines.enumerated() {
            let x0 = inside.x + (index / perColumn) * lineWidth
            let y = inside.y + index % perColumn
            let clip = Rect(x: x0, y: inside.y, width: min(lineWidth, inside.maxX - x0), height: inside.height)
            let x = canvas.put(" " + line.key, x: x0, y: y, style: Style(bold: true), clip: clip)
            canvas.put(
                String(repeating: " ", count: max(1, HelpOverlay.keyWidth - (x - x0))) + line.meaning, x: x, y: y,
                clip: clip)
        }
    }
}
