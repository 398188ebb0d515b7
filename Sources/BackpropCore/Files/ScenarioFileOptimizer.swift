/// A scenario file's `optimizer`: a name (`"adam"`), or an object with the name, any
/// hyperparameters (the rest keep PyTorch's defaults) and, in a saved state, what the optimizer
/// remembers: `{"name": "adam", "beta1": 0.9, "step": 3, "m": [...], "v": [...]}`.
struct ScenarioFileOptimizer: Decodable {
    /// The keys of the object form, in the order the README documents them.
    static let keys = CodingKeys.allCases.map(\.rawValue)

    var name: OptimizerName
    var momentum: Double?
    var alpha: Double?
    var beta1: Double?
    var beta2: Double?
    var epsilon: Double?
    var step: Int?
    var buf: [Double]?
    var m: [Double]?
    var v: [Double]?

    /// The keys in the order the README documents them; `JSONValueDecoder` refuses any other.
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, momentum, alpha, beta1, beta2, epsilon, step, buf, m, v
    }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            guard let name = OptimizerName(rawValue: text) else {
                throw ScenarioError.unknownName(
                    field: "optimizer", value: TerminalSafe.shortened(text),
                    allowed: OptimizerName.allCases.map(\.rawValue))
            }
            self.name = name
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.name) else {
            throw ScenarioError.wrongType(
                field: "optimizer", expected: "an object with a \"name\", like {\"name\": \"adam\", \"beta1\": 0.9}")
        }
        name = try container.decode(OptimizerName.self, forKey: .name)
        momentum = try container.decodeUnlessAbsent(Double.self, forKey: .momentum)
        alpha = try container.decodeUnlessAbsent(Double.self, forKey: .alpha)
        beta1 = try container.decodeUnlessAbsent(Double.self, forKey: .beta1)
        beta2 = try container.decodeUnlessAbsent(Double.self, forKey: .beta2)
        epsilon = try container.decodeUnlessAbsent(Double.self, forKey: .epsilon)
        // Read as a number and checked here, so that 1.5, -1 and 1e10 get the message that says
        // what a step count is.
        if let number = try container.decodeUnlessAbsent(Double.self, forKey: .step) {
            guard number >= 0, number <= Double(Int32.max), number.rounded() == number else {
                throw ScenarioError.invalidOptimizerStep
            }
            step = Int(number)
        }
        buf = try container.decodeUnlessAbsent([Double].self, forKey: .buf)
        m = try container.decodeUnlessAbsent([Double].self, forKey: .m)
        v = try container.decodeUnlessAbsent([Double].self, forKey: .v)
    }

    /// The validated optimizer (every hyperparameter in range).
    func optimizer() throws(ScenarioError) -> Optimizer {
        try Optimizer(
            name, momentum: momentum ?? Hyperparameter.momentum.defaultValue,
            alpha: alpha ?? Hyperparameter.alpha.defaultValue, beta1: beta1 ?? Hyperparameter.beta1.defaultValue,
            beta2: beta2 ?? Hyperparameter.beta2.defaultValue, epsilon: epsilon ?? Hyperparameter.epsilon.defaultValue)
    }

    /// What the file says the optimizer remembers, or nil (a fresh start) when it gives no
    /// `step` and no lists. `Scenario.setOptimizer` checks it against the rule and the network.
    var state: OptimizerState? {
        guard step != nil || buf != nil || m != nil || v != nil else { return nil }
        return OptimizerState(step: step ?? 0, first: buf ?? m ?? [], second: v ?? [])
    }
}
