import BackpropCore

/// The weight matrix W, labelled like the article: row i is input x_i, column j output ŷ_j, so
/// the entry at (x_i, ŷ_j) is ω_ij. Values the last step changed are bold with their direction.
struct WeightsPane {
    let state: AppState
    let number: NumberFormat
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        canvas.drawBox(area, title: "Weights W (\(glyphs.omega)_ij)", glyphs: glyphs)
        let inside = area.inset(by: 1)
        let weights = state.trainer.layer.weights
        let previous = state.previous?.layer.weights
        let label = Layout.labelWidth(weights.rows)
        let cell = number.width + 2
        // One blank column after the row label, so a number in exponent form never touches it.
        let left = inside.x + 2 + label
        for column in 0..<weights.columns {
            let header = "\(glyphs.prediction)\(column + 1)"
            let x = left + column * cell + number.width - header.count
            canvas.put(header, x: x, y: inside.y, style: Style(bold: true), clip: inside)
        }
        let rows = RowWindow(count: weights.rows, room: inside.height - 1)
        for row in 0..<rows.shown {
            let y = inside.y + 1 + row
            canvas.put("x\(row + 1)", x: inside.x + 1, y: y, style: Style(bold: true), clip: inside)
            for column in 0..<weights.columns {
                let value = weights[row, column]
                let mark = ChangeMark(value: value, previous: previous?[row, column], glyphs: glyphs)
                mark.draw(number.string(value), x: left + column * cell, y: y, on: &canvas, clip: inside)
            }
        }
        rows.drawHidden(
            noun: "inputs", x: inside.x + 1, y: inside.y + 1 + rows.shown, on: &canvas, clip: inside, glyphs: glyphs)
    }
}
