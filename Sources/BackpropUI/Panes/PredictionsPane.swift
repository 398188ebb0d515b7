import BackpropCore

/// One row per sample: its inputs x, then for each output ŷ_j beside its target y_j and the
/// error ŷ_j - y_j, then the sample's share of the cost. The data columns are as narrow as the
/// data; the computed columns share the pane's fixed number width so they line up.
struct PredictionsPane {
    let state: AppState
    let number: NumberFormat
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        canvas.drawBox(area, title: "Predictions \(glyphs.prediction) = g(xW + b)", glyphs: glyphs)
        let inside = area.inset(by: 1)
        let trainer = state.trainer
        let inputs = trainer.scenario.inputs
        let targets = trainer.scenario.targets
        let prediction = trainer.prediction
        let previous = state.previous
        let loss = trainer.loss
        let bold = Style(bold: true)
        let separator = Style(dim: true)
        let numberWidth = number.width
        let walk = WalkHighlight(phase: state.walkPhase)

        // Only the rows that fit are formatted: a frame costs the same for 10 samples or 100,000.
        let rows = RowWindow(count: inputs.rows, room: inside.height - 1)
        let indexWidth = max(1, String(inputs.rows).count)
        let inputWidths = (0..<inputs.columns).map {
            dataWidth(inputs, column: $0, rows: rows.shown, label: "x\($0 + 1)")
        }
        let targetWidths = (0..<targets.columns).map {
            dataWidth(targets, column: $0, rows: rows.shown, label: "y\($0 + 1)")
        }

        // Header.
        var x = inside.x + 1
        let headerY = inside.y
        x = canvas.put(pad("#", indexWidth), x: x, y: headerY, style: bold, clip: inside)
        for (column, width) in inputWidths.enumerated() {
            x = canvas.put(" " + pad("x\(column + 1)", width), x: x, y: headerY, style: bold, clip: inside)
        }
        for (output, width) in targetWidths.enumerated() {
            let j = output + 1
            x = canvas.put(" \(glyphs.vertical)", x: x, y: headerY, style: separator, clip: inside)
            x = canvas.put(
                " " + pad("\(glyphs.prediction)\(j)", numberWidth) + " ", x: x, y: headerY, style: bold, clip: inside)
            x = canvas.put(" " + pad("y\(j)", width), x: x, y: headerY, style: bold, clip: inside)
            x = canvas.put(
                " " + pad("\(glyphs.prediction)\(j)-y\(j)", numberWidth), x: x, y: headerY, style: bold, clip: inside)
        }
        x = canvas.put(" \(glyphs.vertical)", x: x, y: headerY, style: separator, clip: inside)
        canvas.put(" " + pad("cost", numberWidth), x: x, y: headerY, style: bold, clip: inside)

        // One row per sample.
        for sample in 0..<rows.shown {
            let y = inside.y + 1 + sample
            x = inside.x + 1
            x = canvas.put(pad("\(sample + 1)", indexWidth), x: x, y: y, style: bold, clip: inside)
            for (column, width) in inputWidths.enumerated() {
                x = canvas.put(" " + data(inputs[sample, column], width), x: x, y: y, clip: inside)
            }
            for (output, width) in targetWidths.enumerated() {
                x = canvas.put(" \(glyphs.vertical) ", x: x, y: y, style: separator, clip: inside)
                let value = prediction[sample, output]
                var mark = ChangeMark(value: value, previous: previous?.prediction[sample, output], glyphs: glyphs)
                if walk.predictions { mark = mark.underlined() }
                x = mark.draw(number.string(value), x: x, y: y, on: &canvas, clip: inside)
                x = canvas.put(" " + data(targets[sample, output], width), x: x, y: y, clip: inside)
                let error = value - targets[sample, output]
                let errorMark = ChangeMark(value: error, previous: nil, glyphs: glyphs)
                x = canvas.put(" ", x: x, y: y, clip: inside)
                x = canvas.put(number.string(error), x: x, y: y, style: errorMark.valueStyle, clip: inside)
            }
            x = canvas.put(" \(glyphs.vertical) ", x: x, y: y, style: separator, clip: inside)
            let cost = SampleCost.cost(sample: sample, prediction: prediction, targets: targets, loss: loss)
            let previousCost = previous.map {
                SampleCost.cost(sample: sample, prediction: $0.prediction, targets: targets, loss: loss)
            }
            var costMark = ChangeMark(value: cost, previous: previousCost, glyphs: glyphs)
            if walk.cost { costMark = costMark.underlined() }
            costMark.draw(number.string(cost), x: x, y: y, on: &canvas, clip: inside)
        }
        rows.drawHidden(
            noun: "samples", x: inside.x + 1, y: inside.y + 1 + rows.shown, on: &canvas, clip: inside, glyphs: glyphs)
    }

    /// The width of a data column: its label or its widest value among the first `rows` rows
    /// (those drawn), at most the number width.
    private func dataWidth(_ matrix: Matrix, column: Int, rows: Int, label: String) -> Int {
        var widest = label.count
        for row in 0..<rows { widest = max(widest, LearningRateText.string(matrix[row, column]).count) }
        return min(widest, number.width)
    }

    /// A data value in its shortest form ("1", "0.5"), or the pane's number form when too long.
    private func data(_ value: Double, _ width: Int) -> String {
        let text = LearningRateText.string(value)
        if text.count <= width { return pad(text, width) }
        return NumberFormat(width: width, decimals: max(0, width - 3)).string(value)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
