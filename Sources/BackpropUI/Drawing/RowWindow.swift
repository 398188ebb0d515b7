/// Which rows of a list fit in a pane: all of them, or all but the last line, which then says
/// how many are hidden ("… 7 more samples"), so no data is dropped silently.
struct RowWindow {
    /// Rows drawn.
    let shown: Int
    /// Rows left out.
    let hidden: Int

    init(count: Int, room: Int) {
        if count <= room {
            shown = count
        } else {
            shown = max(0, room - 1)
        }
        hidden = count - shown
    }

    func drawHidden(noun: String, x: Int, y: Int, on canvas: inout Canvas, clip: Rect, glyphs: Glyphs) {
        guard hidden > 0 else { return }
        canvas.put("\(glyphs.ellipsis) \(hidden) more \(noun)", x: x, y: y, style: Style(dim: true), clip: clip)
    }
}
