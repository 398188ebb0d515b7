/// The bottom line: the lr or value prompt while typing one, else the last message, else what
/// the step walk is doing, else the key hint.
struct HintLine {
    let state: AppState
    /// A standing remark about the state when no message answers a key (a dead relu layer).
    var note: String? = nil

    /// The key hint, longest first: the first that fits the width is shown.
    static let hints = [
        " s step  n phases  b back  r run  p pause  x reset  +/- lr  l set lr  ]/[ speed  arrows/Tab select  Enter edit  c check  v lr preview  d preset  e export  w save  ? help  q quit",
        " s step  n phases  b back  r run  x reset  +/- lr  arrows select  Enter edit  c check  v lr preview  ? help  q quit",
        " s step  n phases  b back  r run  arrows select  Enter edit  c check  v lr preview  ? help",
        " s step  n phases  b back  r run  Enter edit  c check  v lr preview  ? help",
        " s step  n phases  b back  r run  ? help  q quit",
    ]

    func draw(on canvas: inout Canvas, in area: Rect) {
        if let entry = state.learningRateEntry {
            let x = canvas.put(" learning rate: ", x: area.x, y: area.y, style: Style(bold: true), clip: area)
            let end = canvas.put(entry, x: x, y: area.y, clip: area)
            canvas.put(" ", x: end, y: area.y, style: Style(reverse: true), clip: area)
            canvas.put("  Enter applies, Esc cancels", x: end + 1, y: area.y, style: Style(dim: true), clip: area)
        } else if let entry = state.parameterEntry {
            let name = state.selectionName
            let x = canvas.put(" new value of \(name): ", x: area.x, y: area.y, style: Style(bold: true), clip: area)
            let end = canvas.put(entry, x: x, y: area.y, clip: area)
            canvas.put(" ", x: end, y: area.y, style: Style(reverse: true), clip: area)
            canvas.put(
                "  Enter applies (b undoes), Esc cancels", x: end + 1, y: area.y, style: Style(dim: true), clip: area)
        } else if let message = state.message {
            let style = message.kind == .error ? Style(foreground: .red, bold: true) : Style(foreground: .green)
            // A long message loses its last words, and says so, rather than stopping mid-word.
            let text = LineFit.words(message.text, width: area.width - 1, ellipsis: Glyphs.forOptions(state.options).ellipsis)
            canvas.put(" " + text, x: area.x, y: area.y, style: style, clip: area)
        } else if let note {
            let text = LineFit.words(note, width: area.width - 1, ellipsis: Glyphs.forOptions(state.options).ellipsis)
            canvas.put(" " + text, x: area.x, y: area.y, style: Style(foreground: .yellow, bold: true), clip: area)
        } else if let phase = state.walkPhase {
            let glyphs = Glyphs.forOptions(state.options)
            canvas.put(
                " " + glyphs.spelled(phase.explanation(loss: state.trainer.loss, names: state.names)), x: area.x, y: area.y,
                style: Style(bold: true), clip: area)
        } else {
            let hint = HintLine.hints.first { $0.count <= area.width } ?? HintLine.hints.last!
            canvas.put(hint, x: area.x, y: area.y, style: Style(dim: true), clip: area)
        }
    }
}
