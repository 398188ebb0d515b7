/// A regularisation term added to the cost: it pulls every weight ω (never a bias) towards 0.
///
/// The term's gradient is added after the reduction, to the gradient the optimizer receives, so
/// `.l2(λ)` with plain gradient descent is PyTorch's `weight_decay=λ` and TensorFlow Playground's
/// L2. The cost C the program reports stays the data cost; the penalty is reported beside it.
public enum Penalty: Hashable, Sendable {
    /// No term: the article's cost.
    case none
    /// λ·Σ|ω|, whose gradient is λ·sign(ω) (0 at ω = 0): it pushes small weights to exactly 0.
    case l1(Double)
    /// (λ/2)·Σω², whose gradient is λω: it shrinks every weight in proportion to its size.
    case l2(Double)

    /// λ, or 0 for `.none`.
    public var strength: Double {
        switch self {
        case .none: return 0
        case .l1(let lambda), .l2(let lambda): return lambda
        }
    }

    /// The same kind of term with strength `lambda` (none stays none).
    public func with(strength lambda: Double) -> Penalty {
        switch self {
        case .none: return .none
        case .l1: return .l1(lambda)
        case .l2: return .l2(lambda)
        }
    }

    /// Whether there is a term to add (`.none` adds nothing, not even a zero, so a run without one
    /// keeps the article's bits).
    public var isActive: Bool { self != .none }

    /// `none`, `l1` or `l2`: the flag's and the file's name of the kind.
    public var name: String {
        switch self {
        case .none: return "none"
        case .l1: return "l1"
        case .l2: return "l2"
        }
    }

    /// The term's share of ∂/∂ω for a weight of value `weight`: λω for L2, λ·sign(ω) for L1.
    @inline(__always)
    public func gradient(weight: Double) -> Double {
        switch self {
        case .none: return 0
        case .l1(let lambda): return weight > 0 ? lambda : (weight < 0 ? -lambda : 0)
        case .l2(let lambda): return lambda * weight
        }
    }

    /// The term's value over every weight of `network` (biases are left out).
    public func value(of network: Network) -> Double {
        guard isActive else { return 0 }
        var sum = 0.0
        for l in 0..<network.layerCount {
            let start = network.weightOffset(layer: l)
            let count = network.sizes[l] * network.sizes[l + 1]
            for k in start..<(start + count) {
                let w = network.parameters[k]
                switch self {
                case .none: break
                case .l1: sum += abs(w)
                case .l2: sum += w * w
                }
            }
        }
        switch self {
        case .none: return 0
        case .l1(let lambda): return lambda * sum
        case .l2(let lambda): return lambda / 2 * sum
        }
    }

    /// This penalty, checked (λ a finite number of at least 0) and with a λ of 0 made `.none`:
    /// what a scenario or a trainer takes.
    public func checked() throws(ScenarioError) -> Penalty {
        try Penalty.check(strength, field: "--\(name)")
        return strength == 0 ? .none : self
    }

    /// Throws unless λ is a finite number of at least 0 (`flag` names where it came from).
    public static func check(_ lambda: Double, field: String) throws(ScenarioError) {
        guard lambda.isFinite, lambda >= 0 else {
            throw .invalidSetting("\(field) \(lambda) is not valid; λ must be a finite number of at least 0, like 0.01")
        }
    }
}
