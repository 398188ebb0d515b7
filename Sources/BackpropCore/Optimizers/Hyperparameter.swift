/// One of an optimizer's numbers, with the range `torch.optim` allows it (narrowed where a value
/// in PyTorch's range can only break the run: α of 1 or more never lets v grow from 0, or makes
/// it negative).
public enum Hyperparameter: String, CaseIterable, Sendable {
    /// μ of momentum and nesterov.
    case momentum
    /// α of RMSprop.
    case alpha
    /// β1 of Adam.
    case beta1
    /// β2 of Adam.
    case beta2
    /// ε of RMSprop and Adam.
    case epsilon

    /// The symbol the screen uses: μ, α, β1, β2, ε.
    public var symbol: String {
        switch self {
        case .momentum: return "μ"
        case .alpha: return "α"
        case .beta1: return "β1"
        case .beta2: return "β2"
        case .epsilon: return "ε"
        }
    }

    /// PyTorch's default value (`torch.optim`'s).
    public var defaultValue: Double {
        switch self {
        case .momentum: return 0.9
        case .alpha: return 0.99
        case .beta1: return 0.9
        case .beta2: return 0.999
        case .epsilon: return 1e-8
        }
    }

    /// Whether `value` is PyTorch's default.
    public func isDefault(_ value: Double) -> Bool { value == defaultValue }

    /// PyTorch's default, as the messages write it: "0.9", "1e-8".
    public var example: String { TraceWriter.full(defaultValue) }

    /// The range in words, for messages.
    public var rule: String {
        switch self {
        case .momentum, .epsilon: return "it must be a finite number of 0 or more, like \(example)"
        case .alpha, .beta1, .beta2: return "it must be at least 0 and below 1, like \(example)"
        }
    }

    /// Whether `value` is in range.
    public func allows(_ value: Double) -> Bool {
        guard value.isFinite, value >= 0 else { return false }
        switch self {
        case .momentum, .epsilon: return true
        case .alpha, .beta1, .beta2: return value < 1
        }
    }

    /// Throws unless `value` is in range.
    public func check(_ value: Double) throws(ScenarioError) {
        guard allows(value) else { throw .invalidHyperparameter(name: rawValue, value: "\(value)", rule: rule) }
    }
}
