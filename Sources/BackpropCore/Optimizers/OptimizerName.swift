/// The update rules `--optimizer` names, in the order `o` cycles through them.
public enum OptimizerName: String, CaseIterable, Sendable, Codable {
    /// Plain gradient descent, the article's: θ -= lr·g.
    case sgd
    /// Heavy ball: buf = μ·buf + g (buf = g on the first step), θ -= lr·buf.
    case momentum
    /// Nesterov's momentum as PyTorch writes it: the same buf, θ -= lr·(g + μ·buf).
    case nesterov
    /// RMSprop: v = α·v + (1-α)·g², θ -= lr·g/(√v + ε).
    case rmsprop
    /// Adam: moving averages m of g and v of g², bias-corrected, θ -= lr·m̂/(√v̂ + ε).
    case adam

    /// The next name in `allCases`, the last wrapping round to the first: what `o` picks.
    public var next: OptimizerName {
        let all = OptimizerName.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The names of the lists the rule keeps, as a scenario file writes them: `buf`, `v`, or
    /// `m` and `v` (in `OptimizerState.first` and `.second`).
    public var stateNames: (first: String?, second: String?) {
        switch self {
        case .sgd: return (nil, nil)
        case .momentum, .nesterov: return ("buf", nil)
        case .rmsprop: return (nil, "v")
        case .adam: return ("m", "v")
        }
    }

    /// "no state", "buf", "v", "m and v": what the rule keeps, in words.
    public var stateDescription: String {
        switch stateNames {
        case (nil, nil): return "no state"
        case (let first?, nil): return first
        case (nil, let second?): return second
        case (let first?, let second?): return "\(first) and \(second)"
        }
    }
}
