/// One gradient-descent step with every intermediate kept, for the panes and the inspector.
///
/// Names follow the article: a = xW + b, ŷ = g(a), δ = g'(a) ⊙ ∂C/∂ŷ, ∂C/∂W = xᵀδ,
/// ∂C/∂b = Σ δ. The gradients are the exact ones; `weightStep` and `biasStep` are what the
/// reduction turns them into, and the update subtracts lr times those.
public struct StepTrace: Equatable, Sendable {
    /// The step this trace describes: the state before it has had `number - 1` steps.
    public let number: Int
    /// lr used for the update.
    public let learningRate: Double
    /// The loss, activation and reduction in force.
    public let loss: Loss
    /// g.
    public let activation: Activation
    /// How δ became the update.
    public let reduction: Reduction
    /// x.
    public let inputs: Matrix
    /// y.
    public let targets: Matrix
    /// W and b before the step.
    public let layerBefore: DenseLayer
    /// W and b after the step.
    public let layerAfter: DenseLayer
    /// a = xW + b, N x m.
    public let preActivation: Matrix
    /// ŷ = g(a), N x m.
    public let prediction: Matrix
    /// g'(a), N x m.
    public let activationDerivative: Matrix
    /// ∂C/∂ŷ, N x m.
    public let costGradient: Matrix
    /// δ = g'(a) ⊙ ∂C/∂ŷ, N x m: one row per sample.
    public let delta: Matrix
    /// ∂C/∂W = xᵀδ, n x m.
    public let weightGradient: Matrix
    /// ∂C/∂b = Σ over samples of δ, m entries.
    public let biasGradient: [Double]
    /// What lr multiplies for W: ∂C/∂W, or ∂C/∂W / N for the `mean` reduction.
    public let weightStep: Matrix
    /// What lr multiplies for b: Σ δ for `sum`, mean of δ otherwise.
    public let biasStep: [Double]
    /// C of the state before the step.
    public let costBefore: Double
    /// C of the state after the step.
    public let costAfter: Double

    /// Creates a trace from its parts; the trainer is the usual source.
    public init(
        number: Int, learningRate: Double, loss: Loss, activation: Activation, reduction: Reduction,
        inputs: Matrix, targets: Matrix, layerBefore: DenseLayer, layerAfter: DenseLayer,
        preActivation: Matrix, prediction: Matrix, activationDerivative: Matrix, costGradient: Matrix,
        delta: Matrix, weightGradient: Matrix, biasGradient: [Double], weightStep: Matrix,
        biasStep: [Double], costBefore: Double, costAfter: Double
    ) {
        self.number = number
        self.learningRate = learningRate
        self.loss = loss
        self.activation = activation
        self.reduction = reduction
        self.inputs = inputs
        self.targets = targets
        self.layerBefore = layerBefore
        self.layerAfter = layerAfter
        self.preActivation = preActivation
        self.prediction = prediction
        self.activationDerivative = activationDerivative
        self.costGradient = costGradient
        self.delta = delta
        self.weightGradient = weightGradient
        self.biasGradient = biasGradient
        self.weightStep = weightStep
        self.biasStep = biasStep
        self.costBefore = costBefore
        self.costAfter = costAfter
    }
}
