/// An update rule and its hyperparameters: what turns a parameter's update direction g (the
/// gradient after the reduction) into the step θ takes.
///
/// The rules are PyTorch's `torch.optim` ones with no weight decay and no dampening, written in
/// the order of its single-tensor CPU code, so a run can be checked against it line by line
/// (see `UpdateRule`). Every hyperparameter is kept whichever rule is named, so that `o` can
/// cycle the rule and keep the values the command line gave.
public struct Optimizer: Hashable, Sendable {
    /// The rule.
    public var name: OptimizerName
    /// μ, the momentum of `momentum` and `nesterov`: 0 or more.
    public private(set) var momentum: Double
    /// α, RMSprop's smoothing constant: at least 0 and below 1.
    public private(set) var alpha: Double
    /// β1, Adam's decay of m: at least 0 and below 1.
    public private(set) var beta1: Double
    /// β2, Adam's decay of v: at least 0 and below 1.
    public private(set) var beta2: Double
    /// ε, added to the root of v by RMSprop and Adam: 0 or more.
    public private(set) var epsilon: Double

    /// Plain gradient descent: the article's update, and the default.
    public static let sgd = Optimizer(unchecked: .sgd)

    /// A validated optimizer: each hyperparameter must be a finite number in its range
    /// (`Hyperparameter.check`), whichever rule reads it.
    public init(
        _ name: OptimizerName, momentum: Double = Hyperparameter.momentum.defaultValue,
        alpha: Double = Hyperparameter.alpha.defaultValue, beta1: Double = Hyperparameter.beta1.defaultValue,
        beta2: Double = Hyperparameter.beta2.defaultValue, epsilon: Double = Hyperparameter.epsilon.defaultValue
    ) throws(ScenarioError) {
        for (parameter, value) in [
            (Hyperparameter.momentum, momentum), (.alpha, alpha), (.beta1, beta1), (.beta2, beta2), (.epsilon, epsilon),
        ] {
            try parameter.check(value)
        }
        self.name = name
        self.momentum = momentum
        self.alpha = alpha
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    private init(unchecked name: OptimizerName) {
        self.name = name
        momentum = Hyperparameter.momentum.defaultValue
        alpha = Hyperparameter.alpha.defaultValue
        beta1 = Hyperparameter.beta1.defaultValue
        beta2 = Hyperparameter.beta2.defaultValue
        epsilon = Hyperparameter.epsilon.defaultValue
    }

    /// The same hyperparameters with another rule.
    public func named(_ name: OptimizerName) -> Optimizer {
        var copy = self
        copy.name = name
        return copy
    }

    /// Sets one hyperparameter, checked like the initialiser's.
    public mutating func set(_ parameter: Hyperparameter, to value: Double) throws(ScenarioError) {
        try parameter.check(value)
        switch parameter {
        case .momentum: momentum = value
        case .alpha: alpha = value
        case .beta1: beta1 = value
        case .beta2: beta2 = value
        case .epsilon: epsilon = value
        }
    }

    /// The value of one hyperparameter.
    public subscript(parameter: Hyperparameter) -> Double {
        switch parameter {
        case .momentum: return momentum
        case .alpha: return alpha
        case .beta1: return beta1
        case .beta2: return beta2
        case .epsilon: return epsilon
        }
    }

    /// The hyperparameters the rule reads, in the order the README gives them.
    public var hyperparameters: [Hyperparameter] { name.hyperparameters }

    /// "adam (β1 0.9, β2 0.999, ε 1e-8)", "momentum (μ 0.9)", "sgd": the rule and the values it
    /// reads, for titles and trace headers.
    public var summary: String {
        let values = hyperparameters.map { "\($0.symbol) \(TraceWriter.full(self[$0]))" }
        return values.isEmpty ? name.rawValue : "\(name.rawValue) (\(values.joined(separator: ", ")))"
    }

    /// "adam beta1=0.9 beta2=0.999 epsilon=1e-8": the same in ASCII with no commas, for a CSV cell.
    public var plainSummary: String {
        ([name.rawValue] + hyperparameters.map { "\($0.rawValue)=\(TraceWriter.full(self[$0]))" })
            .joined(separator: " ")
    }
}

extension OptimizerName {
    /// The hyperparameters this rule reads.
    public var hyperparameters: [Hyperparameter] {
        switch self {
        case .sgd: return []
        case .momentum, .nesterov: return [.momentum]
        case .rmsprop: return [.alpha, .epsilon]
        case .adam: return [.beta1, .beta2, .epsilon]
        }
    }
}
