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

    /// Looks a preset up by name, with a message that lists the names.
    public static func named(_ name: String) throws(ScenarioError) -> Preset {
        guard let preset = Preset(rawValue: name.lowercased()) else {
            throw .unknownName(field: "preset", value: name, allowed: allCases.map(\.rawValue))
        }
        return preset
    }

    /// One line for the status bar and `--help`.
    public var summary: String {
        switch self {
        case .seed: return "the article's example: 3 inputs, 2 outputs, 2 samples"
        case .and: return "logical AND: 2 inputs, 1 output, 4 samples"
        case .or: return "logical OR: 2 inputs, 1 output, 4 samples"
        case .xor: return "XOR, which one layer cannot learn: 2 inputs, 1 output, 4 samples"
        }
    }

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
        }
    }

    private static func gate(_ truth: [Double]) -> Scenario {
        try! Scenario(
            inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: truth.map { [$0] },
            weights: [[0.2], [-0.1]], bias: [0], learningRate: 0.5)
    }
}
