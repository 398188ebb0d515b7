import BackpropCore

extension SeededGenerator {
    /// A valid scenario of random shape (N, n, m in 1...5; m ≥ 2 for ce) and random data with
    /// targets `loss` accepts, for property tests. `activation` must suit `loss`
    /// (`Loss.outputActivations`).
    mutating func scenario(
        activation: Activation, loss: Loss, reduction: Reduction,
        learningRate: ClosedRange<Double> = 0.01...1, magnitude: Double = 2
    ) throws -> Scenario {
        let samples = integer(1...5)
        let inputs = integer(1...5)
        let outputs = integer(loss == .ce ? 2...5 : 1...5)
        let range = -magnitude...magnitude
        // Only valid data is drawn, so a throw here is a bug in Scenario and fails the test.
        return try Scenario(
            inputs: rows(samples, inputs, in: range), targets: targets(samples, outputs, for: loss),
            weights: rows(inputs, outputs, in: range), bias: rows(1, outputs, in: range)[0],
            learningRate: uniform(learningRate), activation: activation, loss: loss, reduction: reduction)
    }

    /// Targets `loss` accepts: any in -1...1 for the squared errors; for bce probabilities, a
    /// third of them soft and the rest exactly 0 or 1; for ce rows that sum to 1, half one-hot
    /// and half soft.
    mutating func targets(_ samples: Int, _ outputs: Int, for loss: Loss) -> [[Double]] {
        switch loss {
        case .sse, .mse:
            return rows(samples, outputs, in: -1...1)
        case .bce:
            return (0..<samples).map { _ in
                (0..<outputs).map { _ in integer(0...2) == 0 ? uniform(0...1) : Double(integer(0...1)) }
            }
        case .ce:
            return (0..<samples).map { _ in
                if integer(0...1) == 0 {
                    let hot = integer(0...(outputs - 1))
                    return (0..<outputs).map { $0 == hot ? 1 : 0 }
                }
                let weights = (0..<outputs).map { _ in uniform(0.05...1) }
                let sum = weights.reduce(0, +)
                return weights.map { $0 / sum }
            }
        }
    }
}

extension SeededGenerator {
    /// A valid network scenario of 2 to 4 layers with random sizes (1...4 neurons a layer; 2...4
    /// outputs for ce) and data, each hidden layer's activation drawn from the element-wise
    /// ones of `activations`, and the output layer's too unless `loss` pairs it (sigmoid for
    /// bce, softmax for ce).
    mutating func networkScenario(
        activations: [Activation], loss: Loss, reduction: Reduction, layerCount: Int? = nil,
        learningRate: ClosedRange<Double> = 0.01...0.5, magnitude: Double = 1.5
    ) throws -> Scenario {
        let count = layerCount ?? integer(2...4)
        let samples = integer(1...5)
        var sizes = (0...count).map { _ in integer(1...4) }
        if loss == .ce && sizes[count] < 2 { sizes[count] = 2 + sizes[count] % 3 }
        let range = -magnitude...magnitude
        // Softmax alone (ce's own test case) leaves the hidden layers any element-wise activation.
        let elementwise = activations.filter(\.isElementwise)
        let choices = elementwise.isEmpty ? Activation.allCases.filter(\.isElementwise) : elementwise
        let layers = (0..<count).map { l in
            // Weights, bias, then the activation: the order of the draws before the losses came.
            let weights = rows(sizes[l], sizes[l + 1], in: range)
            let bias = rows(1, sizes[l + 1], in: range)[0]
            let drawn = choices[integer(0...(choices.count - 1))]
            return ScenarioLayer(
                weights: weights, bias: bias, activation: l == count - 1 ? loss.pairedActivation ?? drawn : drawn)
        }
        return try Scenario(
            inputs: rows(samples, sizes[0], in: range), targets: targets(samples, sizes[count], for: loss),
            layers: layers, learningRate: uniform(learningRate), loss: loss, reduction: reduction)
    }
}
