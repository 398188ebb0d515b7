/// How a pane shows a number and what the last step did to it: the marker after it (▲ raised,
/// ▼ lowered, blank unchanged, `+`/`-` in ASCII) so monochrome screens read fully, and a style
/// that adds colour for the same meaning (bold when changed, cyan when negative).
struct ChangeMark {
    /// The character after the number.
    let marker: Character
    /// The style of the number.
    let valueStyle: Style
    /// The style of the marker.
    let markerStyle: Style

    init(value: Double, previous: Double?, glyphs: Glyphs) {
        let changed = previous.map { $0 != value && !($0.isNaN && value.isNaN) } ?? false
        var style = Style(bold: changed)
        if value < 0 { style.foreground = .cyan }
        if !value.isFinite { style.foreground = .red }
        valueStyle = style
        if let previous, value > previous {
            marker = glyphs.increased
            markerStyle = Style(foreground: .green)
        } else if let previous, value < previous {
            marker = glyphs.decreased
            markerStyle = Style(foreground: .red)
        } else {
            marker = " "
            markerStyle = .plain
        }
    }

    /// Draws `text` (the formatted value) and the marker right after it; returns the next column.
    @discardableResult
    func draw(_ text: String, x: Int, y: Int, on canvas: inout Canvas, clip: Rect) -> Int {
        let end = canvas.put(text, x: x, y: y, style: valueStyle, clip: clip)
        return canvas.put(String(marker), x: end, y: y, style: markerStyle, clip: clip)
    }
}
