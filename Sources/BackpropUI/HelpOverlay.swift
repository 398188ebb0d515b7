/// The key help `?` opens over the middle of the screen: every key, what it does, and how to
/// read the change markers.
struct HelpOverlay {
    let glyphs: Glyphs

    var lines: [(key: String, meaning: String)] {
        [
            ("s", "one step"),
            ("r", "run"),
            ("p", "pause"),
            ("Space", "run / pause"),
            ("x", "reset to step 0"),
            ("+ or =", "learning rate up   (1 2 5 ladder)"),
            ("-", "learning rate down"),
            ("l", "type a learning rate"),
            ("] / [", "run speed up / down"),
            ("g", "cost axis linear / log"),
            ("? or Esc", "close this help"),
            ("q", "quit (Ctrl-C too)"),
            ("", ""),
            ("\(glyphs.increased) \(glyphs.decreased)", "the last step raised / lowered it"),
        ]
    }

    func draw(on canvas: inout Canvas, in area: Rect) {
        let width = min(area.width, 48)
        let height = min(area.height, lines.count + 2)
        let box = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        canvas.drawBox(box, title: "Keys", glyphs: glyphs)
        let inside = box.inset(by: 1)
        for (index, line) in lines.enumerated() {
            let y = inside.y + index
            let x = canvas.put(" " + line.key, x: inside.x, y: y, style: Style(bold: true), clip: inside)
            canvas.put(
                String(repeating: " ", count: max(1, 11 - (x - inside.x))) + line.meaning, x: x, y: y, clip: inside)
        }
    }
}
