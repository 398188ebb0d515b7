import BackpropCore

/// The chain rule for the selected parameter with live numbers, as the article writes it: one
/// line per sample (x_i · g'(a_j) · ∂C/∂ŷ_j for a weight, δ_j for a bias), then the gradient,
/// then the update and the new value. Too many samples: as many as fit, then "… N more".
struct InspectorPane {
    let state: AppState
    let trace: StepTrace
    let number: NumberFormat
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        guard area.height >= 3 else { return }
        let scenario = state.trainer.scenario
        let activation = scenario.network.activations[0]
        let name = state.selection.name(glyphs)
        let title =
            "Inspector \(name)  g = \(activation.rawValue), g'(a) = \(activation.derivativeFormula)  "
            + "\(glyphs.partial)C/\(glyphs.partial)\(glyphs.prediction) = \(scenario.loss.gradientFormula)"
        canvas.drawBox(area, title: glyphs.spelled(title), glyphs: glyphs)
        let inside = area.inset(by: 1)
        // Two closing lines; the sample lines get the rest, and only those are worked out.
        let rows = RowWindow(count: trace.inputs.rows, room: max(0, inside.height - 2))
        let (samples, totals) = lines(width: inside.width - 1, sampleLimit: rows.shown)
        var y = inside.y
        for line in samples.prefix(rows.shown) {
            canvas.put(line, x: inside.x + 1, y: y, clip: inside)
            y += 1
        }
        rows.drawHidden(noun: "samples", x: inside.x + 1, y: y, on: &canvas, clip: inside, glyphs: glyphs)
        if rows.hidden > 0 { y += 1 }
        for (index, line) in totals.enumerated() {
            canvas.put(line, x: inside.x + 1, y: y + index, style: Style(bold: index == 0), clip: inside)
        }
    }

    /// The lines of the first `sampleLimit` samples and the two closing lines, for a pane `width`
    /// columns wide.
    func lines(width: Int, sampleLimit: Int = .max) -> (samples: [String], totals: [String]) {
        let inspection = ParameterInspection(state.selection, in: trace, sampleLimit: sampleLimit)
        let text = EquationText(number: number, glyphs: glyphs, loss: state.trainer.loss)
        let j = state.selection.output
        let name = state.selection.name(glyphs)
        let symbol: String
        switch state.selection {
        case .weight(let i, _):
            symbol =
                "x\(i + 1) \(glyphs.times) \(text.derivativeSymbol(output: j)) \(glyphs.times) \(text.costGradientSymbol(output: j))"
        case .bias:
            symbol = "\(text.derivativeSymbol(output: j)) \(glyphs.times) \(text.costGradientSymbol(output: j))"
        }
        let products = inspection.factors.map { text.product($0) }
        let results = inspection.terms.map { text.value($0) }
        var samples = EquationText.aligned(
            products.indices.map { "sample \($0 + 1):  \(symbol) = \(products[$0])" }, results)
        if samples.contains(where: { $0.count > width }) {
            // No room for the symbols on every line: numbers only, the symbols in the title.
            samples = EquationText.aligned(products.indices.map { "sample \($0 + 1):  \(products[$0])" }, results)
        }

        let gradient = text.gradientSymbol(name)
        var first: String
        switch state.selection {
        case .weight: first = "\(gradient) = \(text.value(inspection.gradient))"
        case .bias: first = "\(gradient) = \(glyphs.sum) \(glyphs.delta)\(j + 1) = \(text.value(inspection.gradient))"
        }
        if inspection.isAveraged {
            first +=
                "   reduction \(state.trainer.reduction.rawValue): mean = \(text.value(inspection.gradient)) / N = \(text.value(inspection.stepAmount))"
        }
        let amount =
            inspection.isAveraged ? "\(text.factor(inspection.gradient)) / N" : text.factor(inspection.gradient)
        let second =
            "\(glyphs.change)\(name) = -lr \(glyphs.times) \(amount) = \(text.value(inspection.change))      "
            + "\(name): \(text.value(inspection.before)) \(glyphs.arrow) \(text.value(inspection.after))"
        return (samples.map { glyphs.spelled($0) }, [first, second].map { glyphs.spelled($0) })
    }
}
