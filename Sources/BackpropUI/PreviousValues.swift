import BackpropCore

/// The numbers the screen showed before the last step (or the last run of steps), so each pane
/// can mark what changed and in which direction.
public struct PreviousValues: Equatable, Sendable {
    /// W, b and g before the change.
    public let layer: DenseLayer
    /// ŷ before the change, N x m (a copy, not a pass: each sample's share of C before the
    /// change is worked out from it only for the rows a pane draws).
    public let prediction: Matrix
    /// C before the change.
    public let cost: Double

    /// The values `trainer` shows now.
    public init(of trainer: Trainer) {
        layer = trainer.layer
        prediction = trainer.prediction
        cost = trainer.cost
    }
}
