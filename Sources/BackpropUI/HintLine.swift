/// The bottom line: the lr prompt while typing one, else the last message, else the key hint.
struct HintLine {
    let state: AppState

    /// The key hint, longest first: the first that fits the width is shown.
    static let hints = [
        " s step  r run  p pause  space run/pause  x reset  +/- lr  l set lr  ]/[ speed  g log  ? help  q quit",
        " s step  r run  p pause  x reset  +/- lr  l set lr  ]/[ speed  ? help  q quit",
        " s step  r run  ? help  q quit",
    ]

    func draw(on canvas: inout Canvas, in area: Rect) {
        if let entry = state.learningRateEntry {
            let x = canvas.put(" learning rate: ", x: area.x, y: area.y, style: Style(bold: true), clip: area)
            let end = canvas.put(entry, x: x, y: area.y, clip: area)
            canvas.put(" ", x: end, y: area.y, style: Style(reverse: true), clip: area)
            canvas.put("  Enter applies, Esc cancels", x: end + 1, y: area.y, style: Style(dim: true), clip: area)
        } else if let message = state.message {
            let style = message.kind == .error ? Style(foreground: .red, bold: true) : Style(foreground: .green)
            canvas.put(" " + message.text, x: area.x, y: area.y, style: style, clip: area)
        } else {
            let hint = HintLine.hints.first { $0.count <= area.width } ?? HintLine.hints.last!
            canvas.put(hint, x: area.x, y: area.y, style: Style(dim: true), clip: area)
        }
    }
}
