extension PythonScript {
    /// The starting W and b of every layer, each number as the program holds it.
    var networkLines: [String] {
        var lines = ["# " + rule("the network at step 0")]
        let network = scenario.network
        for l in 1...layerCount {
            let layer = network.layer(l - 1)
            let neurons = counted(network.sizes[l], "neuron")
            lines.append(
                "# Layer \(l): \(counted(network.sizes[l - 1], "input")) (\(input(l))) -> \(neurons), \(layer.activation.rawValue); W\(l)[i, j] weighs input i into neuron j."
            )
            lines += PythonLiteral.assignment("W\(l)", layer.weights.rowArrays)
            lines += PythonLiteral.assignment("b\(l)", [layer.bias], asVector: true)
        }
        return lines
    }

    /// lr, the reduction, the optimizer and its numbers, the batches and the penalty: the
    /// program's flags, as constants to edit.
    var settingsLines: [String] {
        let optimizer = scenario.optimizer
        let penalty: String
        switch scenario.penalty {
        case .none: penalty = "None"
        case .l1(let lambda): penalty = "(\"l1\", \(PythonLiteral.number(lambda)))"
        case .l2(let lambda): penalty = "(\"l2\", \(PythonLiteral.number(lambda)))"
        }
        let names = OptimizerName.allCases.map(\.rawValue).joined(separator: ", ")
        var lines = [
            "# " + rule("how it trains"),
            "lr = \(PythonLiteral.number(scenario.learningRate))  # the learning rate",
            "# How a step's summed gradients become the update's directions: \"seed\" (the article's: W by",
            "# the sum, b by the mean over the step's samples), \"sum\" (both by the sum) or \"mean\".",
            "REDUCTION = \"\(scenario.reduction.rawValue)\"",
            "# The update rule, one of \(names) (see update()), and the numbers they read.",
            "OPTIMIZER = \"\(optimizer.name.rawValue)\"",
            "MOMENTUM = \(PythonLiteral.number(optimizer.momentum))  # mu of momentum and nesterov",
            "ALPHA = \(PythonLiteral.number(optimizer.alpha))  # alpha of rmsprop",
            "BETA1 = \(PythonLiteral.number(optimizer.beta1))  # beta1 of adam",
            "BETA2 = \(PythonLiteral.number(optimizer.beta2))  # beta2 of adam",
            "EPSILON = \(PythonLiteral.number(optimizer.epsilon))  # epsilon of rmsprop and adam",
            "# The samples a step takes: None for every training sample, else a mini-batch of that many,",
            "# in an order drawn afresh each epoch from SEED (SHUFFLE), or in the data's order.",
            "BATCH = \(scenario.batchSize.map(String.init) ?? "None")",
            "SHUFFLE = \(scenario.shuffles ? "True" : "False")",
            "SEED = \(scenario.seed)",
            "# A penalty on the weights (never the biases): None, (\"l1\", lambda) or (\"l2\", lambda).",
            "PENALTY = \(penalty)",
        ]
        lines += memoryLines
        return lines
    }

    /// What the optimizer remembers for each parameter array (buf, m, v) and its step count t:
    /// zeros at a fresh start, or the scenario's saved state.
    private var memoryLines: [String] {
        let state = scenario.optimizerState
        let (firstName, secondName) = scenario.optimizer.name.stateNames
        var lines = [
            "",
            "# What the optimizer remembers, per parameter: buf (momentum, nesterov), m and v (adam), v",
            "# (rmsprop); and t, the steps it has taken.",
            "t = \(state.step)",
            "memory = {name: {\"buf\": np.zeros_like(p), \"m\": np.zeros_like(p), \"v\": np.zeros_like(p)}",
            "          for name, p in zip((\"\(parameterNames.joined(separator: "\", \""))\"), (\(parameterNames.joined(separator: ", "))))}",
        ]
        let saved = [(firstName, state.first), (secondName, state.second)].compactMap { name, values in
            name.map { ($0, values) }
        }.filter { !$0.1.isEmpty && $0.1.contains { $0 != 0 || $0.sign == .minus } }
        guard !saved.isEmpty else { return lines }
        lines.append("# The scenario carries on from a saved state: what its optimizer remembered then.")
        let network = scenario.network
        for (name, values) in saved {
            for l in 0..<layerCount {
                let start = network.weightOffset(layer: l)
                let (rows, columns) = (network.sizes[l], network.sizes[l + 1])
                let weights = (0..<rows).map { i in Array(values[(start + i * columns)..<(start + (i + 1) * columns)]) }
                let bias = Array(values[(start + rows * columns)..<(start + (rows + 1) * columns)])
                lines += PythonLiteral.assignment("memory[\"W\(l + 1)\"][\"\(name)\"]", weights)
                lines += PythonLiteral.assignment("memory[\"b\(l + 1)\"][\"\(name)\"]", [bias], asVector: true)
            }
        }
        return lines
    }
}
