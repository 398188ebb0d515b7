/// Where a training run is: the network's parameters, how many steps led there, and the
/// learning rate the next step uses.
///
/// One value serves every place that saves or puts back a run: the step-back checkpoints,
/// `Trainer.restore`, reset, and the UI's "previous values" change marks.
public struct TrainingState: Hashable, Sendable {
    /// Every layer's W and b (and g).
    public var network: Network
    /// Steps taken since the scenario's start.
    public var stepCount: Int
    /// lr for the next step.
    public var learningRate: Double

    /// A state from its parts.
    public init(network: Network, stepCount: Int, learningRate: Double) {
        self.network = network
        self.stepCount = stepCount
        self.learningRate = learningRate
    }
}
