extension ScenarioLayer {
    /// Starting layers for a network of `sizes` (the inputs, then each layer's outputs), drawn
    /// from `generator` layer by layer and row by row, uniform in ±1/√fan-in, with every b 0.
    ///
    /// ±1/√fan-in keeps each pre-activation a = hW + b of order 1 for inputs of order 1, so no
    /// sigmoid or tanh starts saturated (where g'(a) ≈ 0 and nothing learns); drawing at random
    /// makes the neurons of a layer differ, as identical ones would get identical errors and stay
    /// identical. `--data --hidden` and the generated presets share this one rule, so a seed gives
    /// the same starting weights for the same sizes whichever of them draws them.
    static func seeded(
        sizes: [Int], activations: [Activation], using generator: inout SeededGenerator
    ) -> [ScenarioLayer] {
        precondition(activations.count == sizes.count - 1, "one activation per layer")
        return (0..<(sizes.count - 1)).map { l in
            let limit = 1 / Double(sizes[l]).squareRoot()
            let weights = (0..<sizes[l]).map { _ in (0..<sizes[l + 1]).map { _ in generator.symmetric(limit) } }
            return ScenarioLayer(weights: weights, activation: activations[l])
        }
    }
}
