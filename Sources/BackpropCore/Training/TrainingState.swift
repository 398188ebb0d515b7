/// Where a training run is: the network's parameters, how many steps led there, the learning
/// rate the next step uses, and the optimizer with what it remembers.
///
/// One value serves every place that saves or puts back a run: the step-back checkpoints,
/// `Trainer.restore`, reset, and the UI's "previous values" change marks. So going back across
/// a step of Adam puts back its m and v too.
public struct TrainingState: Hashable, Sendable {
    /// Every layer's W and b (and g).
    public var network: Network
    /// Steps taken since the scenario's start.
    public var stepCount: Int
    /// lr for the next step.
    public var learningRate: Double
    /// The update rule the next step uses.
    public var optimizer: Optimizer
    /// What the optimizer remembers (buf, or m and v), one number per parameter.
    public var optimizerState: OptimizerState
    /// The samples the next step uses; nil: every training sample.
    public var batchSize: Int?
    /// The epochs completed: the next step is in epoch `epoch + 1`.
    public var epoch = 0
    /// How many training samples of the current epoch earlier steps used (0 at its start).
    public var samplesIntoEpoch = 0
    /// The regularisation term of the next step.
    public var penalty = Penalty.none

    /// A state from its parts; without an optimizer, plain gradient descent. A state not given
    /// is the optimizer's fresh one.
    public init(
        network: Network, stepCount: Int, learningRate: Double, optimizer: Optimizer = .sgd,
        optimizerState: OptimizerState? = nil, batchSize: Int? = nil, penalty: Penalty = .none
    ) {
        self.batchSize = batchSize
        self.penalty = penalty
        self.network = network
        self.stepCount = stepCount
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.optimizerState =
            optimizerState ?? OptimizerState(fresh: optimizer.name, parameterCount: network.parameters.count)
    }
}
