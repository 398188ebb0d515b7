/// How a pane shows a number and what the last step did to it: the marker after it (▲ raised,
/// ▼ lowered, blank unchanged, `^`/`v` in ASCII) so monochrome screens read fully, and a style
/// that adds colour for the same meaning (bold when changed, cyan when negative). A change too
/// small for the digits shown is no change on screen: a mark beside digits that did not move
/// would say the number moved when a class can see it did not.
struct ChangeMark {
    /// The character after the number.
    var marker: Character
    /// The style of the number.
    var valueStyle: Style
    /// The style of the marker.
    var markerStyle: Style

    /// The mark of `value`, written by `number`, after the step that changed it from
    /// `previous` (`nil`: nothing to compare with).
    init(value: Double, previous: Double?, number: NumberFormat, glyphs: Glyphs) {
        let previous = previous.flatMap { number.showsChange(from: $0, to: value) ? $0 : nil }
        let changed = previous != nil
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

    /// The same mark on the selected parameter: reverse video, which reads without colour.
    func selected() -> ChangeMark {
        var mark = self
        mark.valueStyle.reverse = true
        return mark
    }

    /// The same mark underlined: what the step walk points at.
    func underlined() -> ChangeMark {
        var mark = self
        mark.valueStyle.underline = true
        return mark
    }

    /// Draws `text` (the formatted value) and the marker right after it; returns the next column.
    @discardableResult
    func draw(_ text: String, x: Int, y: Int, on canvas: inout Canvas, clip: Rect) -> Int {
        let end = canvas.put(text, x: x, y: y, style: valueStyle, clip: clip)
        return canvas.put(String(marker), x: end, y: y, style: markerStyle, clip: clip)
    }
}
