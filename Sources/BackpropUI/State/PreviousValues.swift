import BackpropCore

/// The numbers the screen showed before the last step (or the last run of steps), so each pane
/// can mark what changed and in which direction.
public struct PreviousValues: Equatable, Sendable {
    /// The network, step and lr before the change.
    public let state: TrainingState
    /// ŷ before the change, N x m (a copy, not a pass: each sample's share of C before the
    /// change is worked out from it only for the rows a pane draws).
    public let prediction: Matrix
    /// C before the change.
    public let cost: Double

    /// The values `trainer` shows now.
    public init(of trainer: Trainer) {
        state = trainer.state
        prediction = trainer.prediction
        cost = trainer.cost
    }
}
