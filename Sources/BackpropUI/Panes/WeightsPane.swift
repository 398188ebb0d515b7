import BackpropCore

/// The weight matrix W, labelled like the article: row i is input x_i, column j output ŷ_j, so
/// the entry at (x_i, ŷ_j) is ω_ij. Beside each weight, its gradient ∂C/∂ω_ij of the current
/// state: what the next step subtracts, times lr. Values the last step changed are bold with
/// their direction; the selected weight is in reverse video.
struct WeightsPane {
    let state: AppState
    /// The step the current state would take: its gradients.
    let trace: StepTrace
    let number: NumberFormat
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        canvas.drawBox(area, title: "Weights W, \(glyphs.partial)C/\(glyphs.partial)W", glyphs: glyphs)
        let inside = area.inset(by: 1)
        let weights = state.trainer.network.layer(0).weights
        let previous = state.previous?.state.network.layer(0).weights
        let label = Layout.labelWidth(weights.rows)
        let cell = 2 * number.width + 4
        let walk = WalkHighlight(phase: state.walkPhase)
        // One blank column after the row label, so a number in exponent form never touches it.
        let left = inside.x + 2 + label
        for column in 0..<weights.columns {
            let header = "\(glyphs.prediction)\(column + 1)"
            let x = left + column * cell + number.width - header.count
            canvas.put(header, x: x, y: inside.y, style: Style(bold: true), clip: inside)
            let gradientHeader = "\(glyphs.partial)C/\(glyphs.partial)\(glyphs.omega)"
            canvas.put(
                gradientHeader, x: left + column * cell + 2 * number.width + 2 - gradientHeader.count, y: inside.y,
                style: Style(dim: true), clip: inside)
        }
        let rows = RowWindow(count: weights.rows, room: inside.height - 1)
        for row in 0..<rows.shown {
            let y = inside.y + 1 + row
            canvas.put("x\(row + 1)", x: inside.x + 1, y: y, style: Style(bold: true), clip: inside)
            for column in 0..<weights.columns {
                let x = left + column * cell
                let value = weights[row, column]
                let mark = ChangeMark(value: value, previous: previous?[row, column], glyphs: glyphs)
                var valueMark = mark
                if state.selection == .weight(input: row, output: column) { valueMark = mark.selected() }
                if walk.parameters { valueMark = valueMark.underlined() }
                let end = valueMark.draw(number.string(value), x: x, y: y, on: &canvas, clip: inside)
                canvas.put(
                    " " + number.string(trace.layers[0].weightGradient[row, column]), x: end, y: y,
                    style: walk.gradientStyle, clip: inside)
            }
        }
        rows.drawHidden(
            noun: "inputs", x: inside.x + 1, y: inside.y + 1 + rows.shown, on: &canvas, clip: inside, glyphs: glyphs)
    }
}
