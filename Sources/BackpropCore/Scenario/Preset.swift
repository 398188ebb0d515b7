/// The built-in scenarios.
public enum Preset: String, CaseIterable, Sendable {
    /// The article's example: 2 samples of 3 features, 2 one-hot outputs, lr 0.1.
    case seed
    /// Logical AND of two inputs: linearly separable, so one layer learns it.
    case and
    /// Logical OR of two inputs: linearly separable, so one layer learns it.
    case or
    /// Exclusive OR: no straight line separates it, so one layer cannot learn it. That is the
    /// lesson: the cost stalls near 1 (every prediction drifts to 0.5).
    case xor
    /// XOR again, with a hidden layer of 3 tanh neurons before the sigmoid output (2-3-1): the
    /// hidden neurons bend the input plane so that one line separates it, and the cost falls
    /// below 0.01 in a few hundred steps.
    case xorHidden = "xor-hidden"

    /// The scenario. The logic presets share one fixed, slightly asymmetric start (w = [0.2, -0.1],
    /// b = 0) and lr 0.5, so every machine shows the same run and the gates differ only in y.
    public var scenario: Scenario {
        // The values below are constants that satisfy every check, so `try!` cannot fail.
        switch self {
        case .seed:
            return try! Scenario(
                inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
                weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], bias: [0, 0], learningRate: 0.1)
        case .and: return Preset.gate([0, 0, 0, 1])
        case .or: return Preset.gate([0, 1, 1, 1])
        case .xor: return Preset.gate([0, 1, 1, 0])
        case .xorHidden:
            // A fixed, asymmetric start (no two hidden neurons alike, so they learn different
            // features) that every machine trains the same way.
            return try! Scenario(
                inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]],
                layers: [
                    ScenarioLayer(
                        weights: [[0.5, -0.4, 0.3], [0.2, 0.6, -0.5]], bias: [0.1, -0.1, 0.2], activation: .tanh),
                    ScenarioLayer(weights: [[0.7], [-0.6], [0.5]], bias: [0], activation: .sigmoid),
                ], learningRate: 0.5)
        }
    }

    private static func gate(_ truth: [Double]) -> Scenario {
        try! Scenario(
            inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: truth.map { [$0] },
            weights: [[0.2], [-0.1]], bias: [0], learningRate: 0.5)
    }
}
