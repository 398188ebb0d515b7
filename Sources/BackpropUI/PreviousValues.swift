import BackpropCore

/// The numbers the screen showed before the last step (or the last run of steps), so each pane
/// can mark what changed and in which direction.
public struct PreviousValues: Equatable, Sendable {
    /// W, b and g before the change.
    public let layer: DenseLayer
    /// ŷ before the change, N x m.
    public let prediction: Matrix
    /// Each sample's share of C before the change.
    public let sampleCosts: [Double]
    /// C before the change.
    public let cost: Double

    /// The values `trainer` shows now.
    public init(of trainer: Trainer) {
        layer = trainer.layer
        prediction = trainer.prediction
        sampleCosts = SampleCost.costs(of: trainer)
        cost = trainer.cost
    }
}
