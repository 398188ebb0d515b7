import BackpropCore

/// The equations in force, in the article's notation, so the numbers beside them have a meaning:
/// the forward pass with each layer's activation, the cost with this loss, the update with this
/// reduction, and the shape of the run.
struct ModelPane: Pane {
    /// The network's sizes and activations.
    let network: Network
    let loss: Loss
    let reduction: Reduction
    /// The update rule: sgd steps by -lr·g itself; another rule turns g into its own step.
    var optimizer = OptimizerName.sgd
    /// N.
    let samples: Int
    let names: SymbolNames

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        guard area.width > 0 else { return }
        canvas.drawBox(area, title: "Model", glyphs: context.glyphs)
        let inside = area.inset(by: 1)
        for (index, line) in lines(context.glyphs).enumerated() {
            canvas.put(line, x: inside.x + 1, y: inside.y + index, clip: inside)
        }
    }

    func lines(_ g: Glyphs) -> [String] {
        let yHat = g.prediction
        let cost: String
        switch loss {
        case .sse: cost = "C = \(g.sum) (\(yHat) - y)\(g.squared)"
        case .mse: cost = "C = \(g.sum) (\(yHat) - y)\(g.squared) / (N m)"
        case .bce: cost = "C = -\(g.sum) [y log \(yHat) + (1-y) log(1-\(yHat))]"
        case .ce: cost = "C = -\(g.sum) y log \(yHat)"
        }
        let input = network.layerCount == 1 ? "x" : "h"
        let weightStep = reduction.weightStep(input: input, glyphs: g)
        let biasStep = reduction.averagesBias ? "mean \(g.delta)" : "\(g.sum) \(g.delta)"
        var forward: [String]
        if network.layerCount == 1 {
            forward = ["\(yHat) = g(xW + b), g = \(network.activations[0].rawValue)"]
        } else {
            forward = (0..<network.layerCount).map { l in
                let mark = names.mark(l)
                let from = l == 0 ? "x" : "h\(names.mark(l - 1))"
                let to = l == network.layerCount - 1 ? yHat : "h\(mark)"
                return "\(to) = \(network.activations[l].rawValue)(\(from)W\(mark) + b\(mark))"
            }
        }
        let shape = network.sizes.map(String.init).joined(separator: " \(g.arrow) ")
        return forward + [
            "\(cost)   (\(loss.rawValue))",
            optimizer == .sgd
                ? "W -= lr \(weightStep)  b -= lr \(biasStep)"
                : g.spelled("g = \(weightStep), \(biasStep); θ -= lr·\(optimizer.stepFormula) (\(optimizer.rawValue))"),
            "\(shape), \(samples) samples",
        ]
    }
}

extension ModelPane {
    /// Columns the equations need to be worth showing.
    static let minimumWidth = 34

    /// The equations of `frame`'s run.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let trainer = frame.state.trainer
        return ModelPane(
            network: trainer.network, loss: trainer.loss, reduction: trainer.reduction,
            optimizer: trainer.optimizer.name, samples: trainer.scenario.sampleCount, names: frame.names)
    }

    /// Any rows, at least `minimumWidth` columns.
    func needs(_ offer: PaneOffer) -> PaneNeeds { PaneNeeds(minimumWidth: ModelPane.minimumWidth) }
}
