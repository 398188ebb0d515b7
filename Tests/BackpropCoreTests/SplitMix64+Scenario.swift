import BackpropCore

extension SplitMix64 {
    /// A valid scenario of random shape (N, n, m in 1...5) and random data, for property tests.
    mutating func scenario(
        activation: Activation, loss: Loss, reduction: Reduction,
        learningRate: ClosedRange<Double> = 0.01...1, magnitude: Double = 2
    ) throws -> Scenario {
        let samples = integer(1...5)
        let inputs = integer(1...5)
        let outputs = integer(1...5)
        let range = -magnitude...magnitude
        // Only valid data is drawn, so a throw here is a bug in Scenario and fails the test.
        return try Scenario(
            inputs: rows(samples, inputs, in: range), targets: rows(samples, outputs, in: -1...1),
            weights: rows(inputs, outputs, in: range), bias: rows(1, outputs, in: range)[0],
            learningRate: uniform(learningRate), activation: activation, loss: loss, reduction: reduction)
    }
}

extension SplitMix64 {
    /// A valid network scenario of 2 to 4 layers with random sizes (1...4 neurons a layer) and
    /// data, each layer's activation drawn from `activations` (the last one first, so a test can
    /// pin the output layer's).
    mutating func networkScenario(
        activations: [Activation], loss: Loss, reduction: Reduction, layerCount: Int? = nil,
        learningRate: ClosedRange<Double> = 0.01...0.5, magnitude: Double = 1.5
    ) throws -> Scenario {
        let count = layerCount ?? integer(2...4)
        let samples = integer(1...5)
        let sizes = (0...count).map { _ in integer(1...4) }
        let range = -magnitude...magnitude
        let layers = (0..<count).map { l in
            ScenarioLayer(
                weights: rows(sizes[l], sizes[l + 1], in: range), bias: rows(1, sizes[l + 1], in: range)[0],
                activation: activations[integer(0...(activations.count - 1))])
        }
        return try Scenario(
            inputs: rows(samples, sizes[0], in: range), targets: rows(samples, sizes[count], in: -1...1),
            layers: layers, learningRate: uniform(learningRate), loss: loss, reduction: reduction)
    }
}
