extension DataTable {
    /// A scenario on this data with hidden layers of the given sizes between the inputs and the
    /// targets (none: the article's single layer). Every layer's starting weights are drawn
    /// from `SeededGenerator(seed:)`, layer by layer and row by row, uniform in ±1/√fan-in
    /// (small enough that no sigmoid or tanh starts saturated), and every b is 0. The same seed
    /// gives the same numbers on every machine.
    public func scenario(seed: UInt64, hidden: [Int] = [], learningRate: Double = 0.1) throws(ScenarioError) -> Scenario
    {
        if let size = hidden.first(where: { $0 < 1 }) {
            throw .shapeMismatch("a hidden layer needs at least 1 neuron, got \(size)")
        }
        let sizes = [inputNames.count] + hidden + [targetNames.count]
        try Scenario.checkSize(of: sizes, samples: inputs.count)
        var generator = SeededGenerator(seed: seed)
        let layers = ScenarioLayer.seeded(
            sizes: sizes, activations: Array(repeating: .sigmoid, count: sizes.count - 1), using: &generator)
        return try Scenario(
            inputs: inputs, targets: targets, layers: layers, learningRate: learningRate,
            form: hidden.isEmpty ? .singleLayer : .layers)
    }
}
