/// The parts of a worksheet, in the order of a step: forward, cost, backward, update.
public enum WorksheetPart: Int, CaseIterable, Sendable {
    /// aˡ and hˡ of every layer, first to last.
    case forward
    /// C from ŷ and y.
    case cost
    /// From the last layer back: the error eˡ a hidden layer receives, δˡ, ∂C/∂Wˡ and ∂C/∂bˡ.
    case backward
    /// Every W and b after the step.
    case update

    /// The part's heading.
    public var heading: String {
        switch self {
        case .forward: return "Forward pass"
        case .cost: return "Cost"
        case .backward: return "Backward pass"
        case .update: return "Update"
        }
    }
}
