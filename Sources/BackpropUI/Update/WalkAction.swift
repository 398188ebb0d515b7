/// Walking through one step phase by phase.
public enum WalkAction: Equatable, Hashable, Sendable {
    /// The next phase (`n`): forward through the layers, the cost, backward, the update.
    case next
    /// Stop walking; nothing changes (Esc).
    case end
}
