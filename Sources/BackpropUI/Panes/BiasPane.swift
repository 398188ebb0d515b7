import BackpropCore

/// The bias vector b: one entry per output, b_j beside the ŷ_j it shifts, and beside it the
/// exact gradient ∂C/∂b_j (the reduction decides whether the step uses its sum or mean).
struct BiasPane {
    let state: AppState
    let trace: StepTrace
    let number: NumberFormat
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        canvas.drawBox(area, title: "Bias b  \(glyphs.partial)C/\(glyphs.partial)b", glyphs: glyphs)
        let inside = area.inset(by: 1)
        let bias = state.trainer.network.layer(0).bias
        let previous = state.previous?.state.network.layer(0).bias
        let label = Layout.labelWidth(bias.count)
        let walk = WalkHighlight(phase: state.walkPhase)
        let rows = RowWindow(count: bias.count, room: inside.height)
        for index in 0..<rows.shown {
            let y = inside.y + index
            canvas.put("b\(index + 1)", x: inside.x + 1, y: y, style: Style(bold: true), clip: inside)
            var mark = ChangeMark(value: bias[index], previous: previous?[index], glyphs: glyphs)
            if state.selection == .bias(output: index) { mark = mark.selected() }
            if walk.parameters { mark = mark.underlined() }
            let end = mark.draw(number.string(bias[index]), x: inside.x + 2 + label, y: y, on: &canvas, clip: inside)
            canvas.put(
                " " + number.string(trace.layers[0].biasGradient[index]), x: end, y: y, style: walk.gradientStyle,
                clip: inside)
        }
        rows.drawHidden(
            noun: "outputs", x: inside.x + 1, y: inside.y + rows.shown, on: &canvas, clip: inside, glyphs: glyphs)
    }
}
