import BackpropCore

/// The chain rule for one parameter with the numbers of the step the current state would take
/// (eqs. 15-27, and their L-layer form): each sample's product of factors, for a hidden layer
/// the error eˡ_j = Σ_k δˡ⁺¹_k ωˡ⁺¹_jk that reached the neuron, their sum (the exact gradient),
/// what the reduction makes of it, the change -lr times that, and the value before and after.
///
/// In the output layer of bce (sigmoid) or ce (softmax) the factors are hᴸ⁻¹_i and δᴸ_j = ŷ_j - y_j
/// alone: there g'(a) cancels against ∂C/∂ŷ, and `cancellation` holds the numbers that show it.
public struct ParameterInspection: Equatable, Sendable {
    /// One sample's share of the gradient.
    public struct SampleTerm: Equatable, Sendable {
        /// The sample (0-based, in the data as loaded): what the screen numbers it by.
        public let sample: Int
        /// Its row in the step's trace (0-based): the step's samples are a batch, or the
        /// training samples of a split, in the order the step used them.
        public let row: Int
        /// hˡ⁻¹_i (x_i in the first layer), gˡ'(aˡ_j), eˡ_j for a weight; gˡ'(aˡ_j), eˡ_j for a bias.
        /// With bce or ce in the output layer: hᴸ⁻¹_i, δᴸ_j for a weight; δᴸ_j for a bias.
        public let factors: [Double]
        /// ŷ_j, with bce or ce in the output layer (where δᴸ_j = ŷ_j - y_j); else nil.
        public let prediction: Double?
        /// y_j, with bce or ce in the output layer; else nil.
        public let target: Double?
        /// The product of the factors, as the step computed it: hˡ⁻¹_i δˡ_j or δˡ_j.
        public let term: Double
        /// For a hidden layer, the terms δˡ⁺¹_k ωˡ⁺¹_jk that sum to eˡ_j; empty for the last
        /// layer, whose e is ∂C/∂ŷ.
        public let errorTerms: [ErrorTerm]
    }

    /// Why δᴸ_j = ŷ_j - y_j for one sample, with its numbers: for bce, g'(a_j) · ∂C/∂ŷ_j, whose
    /// product is ŷ_j - y_j as sigmoid's g' = ŷ(1 - ŷ) cancels bce's (ŷ - y)/(ŷ(1 - ŷ)); for ce,
    /// Σ_k ∂ŷ_k/∂a_j · ∂C/∂ŷ_k = ŷ_j Σ_k y_k - y_j, which is ŷ_j - y_j as y's row sums to 1.
    public struct Cancellation: Equatable, Sendable {
        /// The sample (0-based, in the data as loaded).
        public let sample: Int
        /// g'(a_j) as the step computed it (for softmax the diagonal ŷ_j(1 - ŷ_j)).
        public let derivative: Double
        /// ∂C/∂ŷ_j as the step computed it: infinite where ŷ has rounded to 0 or 1 (δ never is).
        public let error: Double
        /// ŷ_j.
        public let prediction: Double
        /// y_j.
        public let target: Double
        /// Σ_k y_k, 1 for ce's targets.
        public let targetSum: Double
        /// δᴸ_j as the step computed it: ŷ_j - y_j.
        public let delta: Double
    }

    /// The parameter explained.
    public let parameter: ParameterIndex
    /// The samples asked for, in order.
    public let samples: [SampleTerm]
    /// The numbers behind δᴸ = ŷ - y for the sample `cancellation(for:)` was asked for; nil
    /// unless the parameter is in the output layer of bce or ce.
    public let cancellation: Cancellation?
    /// N, how many samples' terms the gradient sums: the step's samples (a mini-batch's).
    public let sampleCount: Int
    /// The exact gradient ∂C/∂θ of the data cost over the step's samples: the sum of every
    /// sample's term, shown or not.
    public let gradient: Double
    /// Whether the reduction divides the sum by N for this parameter.
    public let isAveraged: Bool
    /// The data's share of what lr multiplies: `gradient`, or `gradient / N` when averaged,
    /// computed as the step computed it.
    public let dataStep: Double
    /// The regularisation term in force.
    public let penalty: Penalty
    /// The penalty's share of what lr multiplies: λω (L2) or λ·sign(ω) (L1) at the weight
    /// before the step; 0 for a bias or without a penalty.
    public let penaltyStep: Double
    /// What lr multiplies: `dataStep + penaltyStep`, as the step computed it.
    public let stepAmount: Double
    /// The learning rate of the step.
    public let learningRate: Double
    /// The value now.
    public let before: Double
    /// The value after the step.
    public let after: Double

    /// The change the step makes: -lr times `stepAmount`.
    public var change: Double { -(learningRate * stepAmount) }

    /// Whether the step adds a penalty's term to this parameter's (a weight, with a penalty).
    public var isPenalized: Bool {
        guard case .weight = parameter else { return false }
        return penalty.isActive
    }

    /// The inspection of `parameter` in `trace`, the step the current state would take, with
    /// the terms of the trace's rows `rows` only: a pane asks for the lines it has room for, so
    /// 100,000 samples cost no more than ten. A row is a sample of the step (of its batch);
    /// `trace.samples` says which sample of the data it is.
    /// `cancelling` names the row whose `cancellation` is wanted (the sample the screen has
    /// chosen); it is only used in the output layer of bce or ce.
    public init(
        _ parameter: ParameterIndex, in trace: StepTrace, rows: some Sequence<Int>, cancelling: Int = 0
    ) {
        self.parameter = parameter
        let l = parameter.layer
        let j = parameter.column
        let layer = trace.layers[l]
        let simple = l == trace.layers.count - 1 && trace.loss.isClassification
        self.samples = rows.map { s in
            let errorTerms = ErrorTerm.terms(layer: l, neuron: j, sample: s, in: trace)
            let delta = layer.delta[s, j]
            // δ itself (ŷ - y) where g'(a) cancels; g'(a) and e otherwise.
            let tail = simple ? [delta] : [layer.activationDerivative[s, j], layer.error[s, j]]
            let prediction = simple ? layer.output[s, j] : nil
            let target = simple ? trace.targets[s, j] : nil
            switch parameter {
            case .weight(_, let i, _):
                return SampleTerm(
                    sample: trace.samples[s], row: s, factors: [layer.input[s, i]] + tail, prediction: prediction,
                    target: target,
                    term: layer.input[s, i] * delta, errorTerms: errorTerms)
            case .bias:
                return SampleTerm(
                    sample: trace.samples[s], row: s, factors: tail, prediction: prediction, target: target,
                    term: delta,
                    errorTerms: errorTerms)
            }
        }
        if simple && cancelling < trace.inputs.rows {
            let s = cancelling
            let targetSum = (0..<trace.targets.columns).reduce(0.0) { $0 + trace.targets[s, $1] }
            cancellation = Cancellation(
                sample: trace.samples[s], derivative: layer.activationDerivative[s, j], error: layer.error[s, j],
                prediction: layer.output[s, j], target: trace.targets[s, j], targetSum: targetSum,
                delta: layer.delta[s, j])
        } else {
            cancellation = nil
        }
        sampleCount = trace.inputs.rows
        learningRate = trace.learningRate
        before = trace.networkBefore[parameter]
        after = trace.networkAfter[parameter]
        gradient = trace.gradient(of: parameter)
        penalty = trace.penalty
        penaltyStep = trace.penaltyStep(of: parameter)
        switch parameter {
        case .weight(_, let i, _):
            stepAmount = layer.weightStep[i, j]
            isAveraged = trace.reduction.averagesWeights
        case .bias:
            stepAmount = layer.biasStep[j]
            isAveraged = trace.reduction.averagesBias
        }
        // The reduction's arithmetic, as the step's: the sum divided by N.
        dataStep = isAveraged ? gradient / Double(sampleCount) : gradient
    }
}
