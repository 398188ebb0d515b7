extension DataTable {
    /// A scenario on this data with hidden layers of the given sizes between the inputs and the
    /// targets (none: the article's single layer). Every layer's starting weights are drawn
    /// from `SeededGenerator(seed:)`, layer by layer and row by row, uniform in ±1/√fan-in
    /// (small enough that no sigmoid or tanh starts saturated), and every b is 0. The same seed
    /// gives the same numbers on every machine, and is the run's seed (`Scenario.seed`: the
    /// epochs' orders).
    ///
    /// With `features`, the data must have two input columns (x1, x2) and the first layer gets
    /// one row per feature. A `split` column holds out the samples it marks `test`.
    public func scenario(
        seed: UInt64, hidden: [Int] = [], features: [Feature]? = nil, learningRate: Double = 0.1
    ) throws(ScenarioError) -> Scenario {
        if let size = hidden.first(where: { $0 < 1 }) {
            throw .shapeMismatch("a hidden layer needs at least 1 neuron, got \(size)")
        }
        if features != nil && inputNames.count != 2 {
            // Said before the weights are drawn, in the words of the columns the file has.
            throw .invalidSetting(
                "features are computed from two inputs x1 and x2, but the data has \(counted(inputNames.count, "input column")) (\(inputNames.map(TerminalSafe.quoted).joined(separator: ", "))); leave out --features"
            )
        }
        let sizes = [features?.count ?? inputNames.count] + hidden + [targetNames.count]
        try Scenario.checkSize(of: sizes, samples: inputs.count)
        var generator = SeededGenerator(seed: seed)
        let layers = ScenarioLayer.seeded(
            sizes: sizes, activations: Array(repeating: .sigmoid, count: sizes.count - 1), using: &generator)
        var scenario = try Scenario(
            inputs: inputs, targets: targets, layers: layers, learningRate: learningRate,
            form: hidden.isEmpty ? .singleLayer : .layers, features: features)
        scenario.seed = seed
        if let testSamples {
            // The file refused a split with nothing to train on, so this cannot throw.
            scenario.setSplit(try DataSplit(count: inputs.count, test: testSamples))
        }
        return scenario
    }
}
