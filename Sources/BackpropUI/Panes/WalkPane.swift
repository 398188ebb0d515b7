import BackpropCore

/// One step in slow motion (`n`), in the inspector's place: for the selected parameter's output
/// j, the phase's numbers sample by sample. Forward: a_j and ŷ_j. Cost: each sample's squared
/// errors and C. Backward: δ_j = g'(a_j) · ∂C/∂ŷ_j. Update: the values before and after.
struct WalkPane {
    let state: AppState
    let phase: StepPhase
    /// The step the current state would take (before the update phase), with every intermediate.
    let trace: StepTrace
    let number: NumberFormat
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        guard area.height >= 3 else { return }
        let title =
            "Step \(state.trainer.stepCount + (phase == .update ? 0 : 1)) in phases, \(phase.counter) \(phase.title)  (n next, s whole step, Esc stop)"
        canvas.drawBox(area, title: glyphs.spelled(title), glyphs: glyphs, titleStyle: Style(reverse: true))
        let inside = area.inset(by: 1)
        // The update phase has no sample lines; the others one per sample, of which only those
        // that fit are worked out.
        let sampleCount = phase == .update ? 0 : trace.inputs.rows
        let rows = RowWindow(count: sampleCount, room: max(0, inside.height - totalLineCount))
        let (samples, totals) = lines(width: inside.width - 1, sampleLimit: rows.shown)
        var y = inside.y
        for line in samples.prefix(rows.shown) {
            canvas.put(glyphs.spelled(line), x: inside.x + 1, y: y, clip: inside)
            y += 1
        }
        rows.drawHidden(noun: "samples", x: inside.x + 1, y: y, on: &canvas, clip: inside, glyphs: glyphs)
        if rows.hidden > 0 { y += 1 }
        for (index, line) in totals.enumerated() {
            canvas.put(glyphs.spelled(line), x: inside.x + 1, y: y + index, style: Style(bold: true), clip: inside)
        }
    }

    /// The closing lines of the phase: two for the update, one otherwise.
    var totalLineCount: Int { phase == .update ? 2 : 1 }

    /// The lines of the first `sampleLimit` samples and the closing lines of the phase.
    func lines(width: Int, sampleLimit: Int = .max) -> (samples: [String], totals: [String]) {
        let text = EquationText(number: number, glyphs: glyphs, loss: state.trainer.loss)
        let j = state.selection.output
        let outputs = trace.targets.columns
        let samples = min(trace.inputs.rows, max(0, sampleLimit))
        let yHat = "\(glyphs.prediction)\(j + 1)"
        switch phase {
        case .forward:
            let values = (0..<samples).map { text.value(trace.layers[0].preActivation[$0, j]) }
            let before = trace.networkBefore.layer(0)
            let full = EquationText.aligned(
                (0..<samples).map { s -> String in
                    let terms = (0..<trace.inputs.columns).map {
                        "\(text.dataFactor(trace.inputs[s, $0]))\(glyphs.times)\(text.factor(before.weights[$0, j]))"
                    }
                    let sum = terms.joined(separator: " + ") + " + \(text.factor(before.bias[j]))"
                    return "sample \(s + 1):  a\(j + 1) = \(sum)"
                }, values)
            let compact = EquationText.aligned(
                (0..<samples).map {
                    "sample \($0 + 1):  a\(j + 1) = \(glyphs.sum)i xi\(glyphs.omega)i\(j + 1) + b\(j + 1)"
                }, values)
            let withPrediction = { (lines: [String]) in
                lines.indices.map { s in lines[s] + "  \(yHat) = \(text.value(trace.prediction[s, j]))" }
            }
            let chosen =
                withPrediction(full).allSatisfy { $0.count <= width } ? withPrediction(full) : withPrediction(compact)
            return (
                chosen,
                [
                    "a = xW + b, then \(glyphs.prediction) = g(a) = \(state.trainer.scenario.network.activations[0].rawValue)(a), for every output"
                ]
            )
        case .cost:
            let costs = (0..<samples).map {
                SampleCost.cost(
                    sample: $0, prediction: trace.prediction, targets: trace.targets, loss: state.trainer.loss)
            }
            let lefts = (0..<samples).map { s -> String in
                let squares = (0..<outputs).map {
                    "(\(text.value(trace.prediction[s, $0])) - \(text.value(trace.targets[s, $0])))\(glyphs.squared)"
                }
                return "sample \(s + 1):  " + squares.joined(separator: " + ")
                    + (state.trainer.loss == .mse ? " / (N\(glyphs.times)m)" : "")
            }
            var lines = EquationText.aligned(lefts, costs.map { text.value($0) })
            if lines.contains(where: { $0.count > width }) {
                lines = EquationText.aligned(
                    (0..<samples).map {
                        "sample \($0 + 1):  \(glyphs.sum)j (\(glyphs.prediction)j - yj)\(glyphs.squared)"
                    },
                    costs.map { text.value($0) })
            }
            return (
                lines,
                [
                    "C = the sum over the samples = \(text.value(trace.costBefore))  (loss \(state.trainer.loss.rawValue))"
                ]
            )
        case .backward:
            let symbol =
                "\(glyphs.delta)\(j + 1) = \(text.derivativeSymbol(output: j)) \(glyphs.times) \(text.costGradientSymbol(output: j))"
            let lines = EquationText.aligned(
                (0..<samples).map {
                    "sample \($0 + 1):  \(symbol) = \(text.product([trace.layers[0].activationDerivative[$0, j], trace.layers[0].error[$0, j]]))"
                },
                (0..<samples).map { text.value(trace.layers[0].delta[$0, j]) })
            return (
                lines,
                [
                    "\(glyphs.partial)C/\(glyphs.partial)W = x\(glyphs.transpose)\(glyphs.delta), \(glyphs.partial)C/\(glyphs.partial)b = \(glyphs.sum) \(glyphs.delta): the magenta numbers beside W and b"
                ]
            )
        case .update:
            guard let previous = state.previous else { return ([], []) }
            let name = state.selection.name(glyphs)
            let before = previous.state.network[state.selection.index]
            let after = state.trainer.network[state.selection.index]
            let reduction = state.trainer.reduction
            let weightStep =
                reduction.averagesWeights
                ? "x\(glyphs.transpose)\(glyphs.delta)/N" : "x\(glyphs.transpose)\(glyphs.delta)"
            return (
                [],
                [
                    "W -= lr \(glyphs.times) \(weightStep),  b -= lr \(glyphs.times) \(reduction.biasCombination) \(glyphs.delta)   (reduction \(reduction.rawValue))",
                    "\(name): \(text.value(before)) \(glyphs.arrow) \(text.value(after))    C: \(text.value(previous.cost)) \(glyphs.arrow) \(text.value(state.trainer.cost))",
                ]
            )
        }
    }
}
