import BackpropCore

/// The phases `n` walks one step through, so a class can follow it slowly: the forward pass,
/// the cost, the backward pass, and the update that applies the step.
public enum StepPhase: Int, CaseIterable, Equatable, Hashable, Sendable {
    /// a = xW + b and ŷ = g(a) for every sample.
    case forward
    /// C from ŷ and y.
    case cost
    /// δ = g'(a) ⊙ ∂C/∂ŷ, then ∂C/∂W = xᵀδ and ∂C/∂b.
    case backward
    /// W and b move by -lr times the step: the step is taken.
    case update

    /// "1/4" ... "4/4".
    var counter: String { "\(rawValue + 1)/\(StepPhase.allCases.count)" }

    /// The phase's name in the pane title.
    var title: String {
        switch self {
        case .forward: return "forward"
        case .cost: return "cost"
        case .backward: return "backward"
        case .update: return "update"
        }
    }

    /// One line saying what is happening, for the hint line.
    func explanation(loss: Loss) -> String {
        switch self {
        case .forward: return "forward: each sample's a = xW + b, then the prediction ŷ = g(a)"
        case .cost:
            let how = loss == .sse ? "adds up" : "averages"
            return "cost: compare ŷ with y; C \(how) the squared errors ŷ - y"
        case .backward: return "backward: δ = g'(a)·∂C/∂ŷ per sample, then ∂C/∂W = xᵀδ and ∂C/∂b"
        case .update: return "update: W and b moved by -lr times the gradient; the step is taken"
        }
    }
}
