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
