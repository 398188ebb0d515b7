import BackpropCore

/// The numbers the screen showed before the last step (or the last run of steps), so each pane
/// can mark what changed and in which direction.
public struct PreviousValues: Equatable, Sendable {
    /// The network, step and lr before the change.
    public let state: TrainingState
    /// ŷ before the change, N x m (a copy, not a pass: each sample's share of C before the
    /// change is worked out from it only for the rows a pane draws).
    public let prediction: Matrix
    /// The output layer's a before the change, from which a cross-entropy's share of C is
    /// worked out (its stable form needs a, not ŷ).
    public let outputPreActivation: Matrix
    /// C before the change.
    public let cost: Double

    /// The values `trainer` shows now.
    public init(of trainer: Trainer) {
        state = trainer.state
        prediction = trainer.prediction
        outputPreActivation = trainer.preActivation(ofLayer: trainer.network.layerCount - 1)
        cost = trainer.cost
    }

    /// Equal when every value has the same bits (a cost of NaN equals itself).
    public static func == (left: PreviousValues, right: PreviousValues) -> Bool {
        left.state == right.state && left.prediction == right.prediction
            && left.outputPreActivation == right.outputPreActivation && left.cost.bitPattern == right.cost.bitPattern
    }
}
