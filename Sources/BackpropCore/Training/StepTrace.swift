/// One gradient-descent step with every intermediate kept, for the panes and the inspector.
///
/// The gradients are the exact ones; each layer's `weightStep` and `biasStep` are what the
/// reduction turns them into, and the update subtracts lr times those.
public struct StepTrace: Equatable, Sendable {
    /// The step this trace describes: the state before it has had `number - 1` steps.
    public let number: Int
    /// lr used for the update.
    public let learningRate: Double
    /// The loss in force.
    public let loss: Loss
    /// How δ became the update.
    public let reduction: Reduction
    /// x.
    public let inputs: Matrix
    /// y.
    public let targets: Matrix
    /// Every W and b before the step.
    public let networkBefore: Network
    /// Every W and b after the step.
    public let networkAfter: Network
    /// The update rule of the step.
    public let optimizer: Optimizer
    /// What the optimizer remembered before the step.
    public let optimizerBefore: OptimizerState
    /// What it remembers after the step (the buf, m and v the step used).
    public let optimizerAfter: OptimizerState
    /// One trace per layer, first layer first.
    public let layers: [LayerTrace]
    /// C of the state before the step.
    public let costBefore: Double
    /// C of the state after the step.
    public let costAfter: Double
    /// The samples of the step, one per row of `inputs`, as indices into the data as loaded:
    /// every training sample, or the mini-batch in the order the step used it.
    public let samples: [Int]
    /// The step's epoch and batch.
    public let position: BatchPosition
    /// C over the step's samples before it: the cost this step descended (`costBefore` for a
    /// full batch without a split).
    public let batchCost: Double
    /// The regularisation term whose gradient the weights' steps include.
    public let penalty: Penalty

    /// Creates a trace from its parts; the trainer is the usual source.
    public init(
        number: Int, learningRate: Double, loss: Loss, reduction: Reduction, inputs: Matrix, targets: Matrix,
        before: TrainingState, after: TrainingState, layers: [LayerTrace], costBefore: Double, costAfter: Double,
        samples: [Int]? = nil, position: BatchPosition? = nil, batchCost: Double? = nil
    ) {
        self.samples = samples ?? Array(0..<inputs.rows)
        self.position =
            position
            ?? BatchPosition(
                completedEpochs: before.epoch, samplesIntoEpoch: 0, batchSize: nil, training: inputs.rows)
        self.batchCost = batchCost ?? costBefore
        self.penalty = before.penalty
        self.number = number
        self.learningRate = learningRate
        self.loss = loss
        self.reduction = reduction
        self.inputs = inputs
        self.targets = targets
        self.networkBefore = before.network
        self.networkAfter = after.network
        self.optimizer = before.optimizer
        self.optimizerBefore = before.optimizerState
        self.optimizerAfter = after.optimizerState
        self.layers = layers
        self.costBefore = costBefore
        self.costAfter = costAfter
    }

    /// The last layer's trace: ŷ, ∂C/∂ŷ and the output δ.
    public var outputLayer: LayerTrace { layers[layers.count - 1] }

    /// ŷ of the state before the step, N x nᴸ.
    public var prediction: Matrix { outputLayer.output }

    /// ∂C/∂θ for every parameter, in `ParameterIndex` order (exact, before the reduction).
    public var gradient: [Double] {
        layers.flatMap { $0.weightGradient.elements + $0.biasGradient }
    }

    /// What the update rule receives for every parameter, in `ParameterIndex` order: the
    /// gradient after the reduction, plus the penalty's gradient for a weight. With sgd,
    /// θ after = θ - lr · this.
    public var parameterStep: [Double] {
        layers.flatMap { $0.weightStep.elements + $0.biasStep }
    }

    /// ‖∂C/∂Wˡ‖ of every layer, first layer first: the Frobenius norm of what the update rule
    /// receives for the layer's weights (`LayerTrace.weightStep`: the gradient after the
    /// reduction, with the penalty's gradient λω or λ·sign(ω) added), over the step's samples.
    /// The gradient's size at the state before the step, which the Gradient flow pane and the
    /// traces' `grad_norms` show; `Trainer.gradientNorms()` gives the same bits without a trace.
    public var gradientNorms: [Double] {
        layers.map(\.weightStep.frobeniusNorm)
    }

    /// The penalty's share of what the update rule receives for one parameter: λω or
    /// λ·sign(ω) at the weight before the step, 0 for a bias or without a penalty.
    public func penaltyStep(of index: ParameterIndex) -> Double {
        guard case .weight = index else { return 0 }
        return penalty.gradient(weight: networkBefore[index])
    }

    /// ∂C/∂θ of one parameter.
    public func gradient(of index: ParameterIndex) -> Double {
        switch index {
        case .weight(let layer, let row, let column): return layers[layer].weightGradient[row, column]
        case .bias(let layer, let column): return layers[layer].biasGradient[column]
        }
    }

    /// Equal when every number is the same, bit for bit (a step into NaN equals itself).
    public static func == (left: StepTrace, right: StepTrace) -> Bool {
        left.number == right.number && left.learningRate.bitPattern == right.learningRate.bitPattern
            && left.loss == right.loss && left.reduction == right.reduction && left.inputs == right.inputs
            && left.targets == right.targets && left.networkBefore == right.networkBefore
            && left.networkAfter == right.networkAfter && left.optimizer == right.optimizer
            && left.optimizerBefore == right.optimizerBefore && left.optimizerAfter == right.optimizerAfter
            && left.layers == right.layers && left.costBefore.bitPattern == right.costBefore.bitPattern
            && left.costAfter.bitPattern == right.costAfter.bitPattern && left.samples == right.samples
            && left.position == right.position && left.batchCost.bitPattern == right.batchCost.bitPattern
            && left.penalty == right.penalty
    }
}
