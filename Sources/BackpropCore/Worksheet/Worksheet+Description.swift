extension Worksheet {
    /// The sheet's heading.
    public func heading(answers: Bool) -> String {
        "Worksheet: one step of gradient descent\(answers ? " (answer key)" : "")"
    }

    /// The settings in sentences, one a line: the network, the step's samples, the loss, the
    /// reduction and lr.
    public var settings: [String] {
        let network = givens.network
        var shape = ["\(counted(network.inputCount, "input"))"]
        for (l, layer) in network.layers.enumerated() {
            let last = l == network.layerCount - 1
            shape.append("\(counted(layer.outputCount, last ? "output" : "neuron")) (\(layer.activation.rawValue))")
        }
        let n = givens.sampleCount
        var samples = "The step's samples: N = \(n)"
        if givens.sampleNumbers != Array(1...givens.dataSampleCount) {
            let numbers = givens.sampleNumbers.map(String.init).joined(separator: ", ")
            samples += ", samples \(numbers) of the \(givens.dataSampleCount) in the data (the first step's)"
        }
        let loss: String
        switch givens.loss {
        case .sse: loss = "Loss sse: C = Σ (ŷ - y)² over every sample and output"
        case .mse: loss = "Loss mse: C = Σ (ŷ - y)²/(N·m) over every sample and output (m outputs)"
        case .bce: loss = "Loss bce: C = -Σ [y·ln(ŷ) + (1 - y)·ln(1 - ŷ)] over every sample and output"
        case .ce: loss = "Loss ce: C = -Σ y·ln(ŷ) over every sample and output"
        }
        let reduction: String
        switch givens.reduction {
        case .sum: reduction = "Reduction sum: each weight and bias moves by -lr times its gradient ∂C/∂θ"
        case .mean: reduction = "Reduction mean: each weight and bias moves by -lr times its gradient over N"
        case .seed:
            reduction =
                "Reduction seed (the article's): each weight moves by -lr·∂C/∂ω, each bias by -lr·∂C/∂b/N"
        }
        var lines = ["The network: \(shape.joined(separator: " → "))"]
        if let features = givens.features {
            let names = features.map(\.rawValue).joined(separator: ", ")
            lines.append(
                "The inputs are the features \(names) of the data, already computed: columns x1, x2, ... below")
        }
        return lines + [
            samples, loss, reduction, "Learning rate: lr = \(WorksheetGivens.text(givens.learningRate))",
        ]
    }

    /// The samples as a table: a row per sample, the inputs x then the targets y.
    public var sampleTable: (rows: [String], columns: [String], cells: [[String]]) {
        let x = givens.inputs
        let y = givens.targets
        let columns = (0..<x.columns).map { "x\($0 + 1)" } + (0..<y.columns).map { "y\($0 + 1)" }
        let cells = (0..<x.rows).map { n in
            (0..<x.columns).map { WorksheetGivens.text(x[n, $0]) }
                + (0..<y.columns).map { WorksheetGivens.text(y[n, $0]) }
        }
        return ((0..<x.rows).map(givens.sampleLabel), columns, cells)
    }

    /// Layer `l`'s W (a row per input, a column per neuron) with b as the last row, and the line
    /// that names it.
    public func layerTable(_ l: Int) -> (title: String, rows: [String], columns: [String], cells: [[String]]) {
        let symbols = WorksheetSymbols(layerCount: givens.network.layerCount)
        let layer = givens.network.layer(l)
        let rows = (0..<layer.inputCount).map { symbols.input(l, String($0 + 1)) } + [symbols.matrix("b", l)]
        let columns = (0..<layer.outputCount).map { symbols.output(l, String($0 + 1)) }
        let cells =
            (0..<layer.inputCount).map { i in (0..<layer.outputCount).map { WorksheetGivens.text(layer.weights[i, $0]) }
            }
            + [layer.bias.map(WorksheetGivens.text)]
        let name = givens.network.layerCount == 1 ? "The layer" : "Layer \(l + 1)"
        let title =
            "\(name) (g = \(layer.activation.rawValue)): \(symbols.matrix("W", l)), a row per input and a column per neuron, then \(symbols.matrix("b", l))"
        return (title, rows, columns, cells)
    }
}
