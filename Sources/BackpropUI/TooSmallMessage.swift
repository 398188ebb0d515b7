/// What a terminal below the minimum size shows instead of the panes: the size it has, the size
/// it needs, and that q still quits. Clipped, never trapped, down to 1x1.
struct TooSmallMessage {
    let have: Size
    let need: Size

    var lines: [String] {
        ["terminal is \(have);", "backprop-tui needs at least \(need)", "q quits"]
    }

    func draw(on canvas: inout Canvas) {
        let size = canvas.size
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (size.width - line.count) / 2)
            canvas.put(line, x: x, y: top + index, style: index == 0 ? Style(bold: true) : .plain)
        }
    }
}
