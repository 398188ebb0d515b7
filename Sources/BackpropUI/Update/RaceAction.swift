/// A race of optimizers from the current state.
public enum RaceAction: Equatable, Hashable, Sendable {
    /// Start a race, or end the one going on (`R`).
    case toggle
}
