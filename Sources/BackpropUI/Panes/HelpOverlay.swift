/// The key help `?` opens over the middle of the screen: every key, what it does, and how to
/// read the change markers.
struct HelpOverlay {
    let glyphs: Glyphs

    var lines: [(key: String, meaning: String)] {
        [
            ("s", "one step"),
            ("n", "walk one step: forward, cost, backward, update"),
            ("b", "step back exactly; also undoes lr changes, edits"),
            ("r p Space", "run / pause / run or pause"),
            ("x", "reset to step 0"),
            ("+ = - l", "lr up / down the 1 2 5 ladder; l types one"),
            ("] [", "run speed up / down"),
            ("g", "cost axis linear / log"),
            ("arrows Tab", "select a weight or bias (Shift-Tab: back)"),
            ("Enter", "type a new value for the selection"),
            ("c", "gradient check: backprop vs finite differences"),
            ("v", "lr preview: C after one step for each lr"),
            ("d", "next built-in preset: seed, and, or, xor"),
            ("e", "export the trace kept so far as CSV"),
            ("w", "save the current state as scenario JSON"),
            ("? or Esc", "close this help (Esc also ends a walk)"),
            ("q", "quit (Ctrl-C too)"),
            ("", ""),
            ("\(glyphs.increased) \(glyphs.decreased)", "the last step raised / lowered it"),
        ]
    }

    func draw(on canvas: inout Canvas, in area: Rect) {
        let width = min(area.width, 64)
        let height = min(area.height, lines.count + 2)
        let box = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        canvas.drawBox(box, title: "Keys", glyphs: glyphs)
        let inside = box.inset(by: 1)
        for (index, line) in lines.enumerated() {
            let y = inside.y + index
            let x = canvas.put(" " + line.key, x: inside.x, y: y, style: Style(bold: true), clip: inside)
            canvas.put(
                String(repeating: " ", count: max(1, 12 - (x - inside.x))) + line.meaning, x: x, y: y, clip: inside)
        }
    }
}
