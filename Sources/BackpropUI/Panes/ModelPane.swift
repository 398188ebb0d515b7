import BackpropCore

/// The equations in force, in the article's notation, so the numbers beside them have a meaning:
/// the forward pass with this activation, the cost with this loss, the update with this reduction.
struct ModelPane {
    let state: AppState
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        guard area.width > 0 else { return }
        canvas.drawBox(area, title: "Model", glyphs: glyphs)
        let inside = area.inset(by: 1)
        for (index, line) in lines.enumerated() {
            canvas.put(line, x: inside.x + 1, y: inside.y + index, clip: inside)
        }
    }

    var lines: [String] {
        let g = glyphs
        let scenario = state.trainer.scenario
        let yHat = g.prediction
        let cost: String
        switch scenario.loss {
        case .sse: cost = "C = \(g.sum) (\(yHat) - y)\(g.squared)"
        case .mse: cost = "C = \(g.sum) (\(yHat) - y)\(g.squared) / (N m)"
        }
        let weightStep =
            scenario.reduction.averagesWeights ? "x\(g.transpose)\(g.delta)/N" : "x\(g.transpose)\(g.delta)"
        let biasStep = scenario.reduction.averagesBias ? "mean \(g.delta)" : "\(g.sum) \(g.delta)"
        return [
            "\(yHat) = g(xW + b), g = \(scenario.network.activations[0].rawValue)",
            "\(cost)   (\(scenario.loss.rawValue))",
            "W -= lr \(weightStep)  b -= lr \(biasStep)",
            "\(scenario.inputCount) inputs \(g.arrow) \(scenario.outputCount) outputs, \(scenario.sampleCount) samples",
        ]
    }
}
