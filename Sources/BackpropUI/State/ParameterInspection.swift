import BackpropCore

/// The chain rule for one parameter with the numbers of the step the current state would take
/// (eqs. 15-27, and their L-layer form): each sample's product of factors, for a hidden layer
/// the error eˡ_j = Σ_k δˡ⁺¹_k ωˡ⁺¹_jk that reached the neuron, their sum (the exact gradient),
/// what the reduction makes of it, the change -lr times that, and the value before and after.
public struct ParameterInspection: Equatable, Sendable {
    /// One sample's share of the gradient.
    public struct SampleTerm: Equatable, Sendable {
        /// The sample (0-based).
        public let sample: Int
        /// hˡ⁻¹_i (x_i in the first layer), gˡ'(aˡ_j), eˡ_j for a weight; gˡ'(aˡ_j), eˡ_j for a bias.
        public let factors: [Double]
        /// The product of the factors, as the step computed it: hˡ⁻¹_i δˡ_j or δˡ_j.
        public let term: Double
        /// For a hidden layer, the terms δˡ⁺¹_k ωˡ⁺¹_jk that sum to eˡ_j; empty for the last
        /// layer, whose e is ∂C/∂ŷ.
        public let errorTerms: [ErrorTerm]
    }

    /// The parameter explained.
    public let parameter: ParameterIndex
    /// The samples asked for, in order.
    public let samples: [SampleTerm]
    /// N, how many samples' terms the gradient sums.
    public let sampleCount: Int
    /// The exact gradient ∂C/∂θ: the sum of every sample's term, shown or not.
    public let gradient: Double
    /// Whether the reduction divides the sum by N for this parameter.
    public let isAveraged: Bool
    /// What lr multiplies: `gradient`, or `gradient / N` when averaged.
    public let stepAmount: Double
    /// The learning rate of the step.
    public let learningRate: Double
    /// The value now.
    public let before: Double
    /// The value after the step.
    public let after: Double

    /// The change the step makes: -lr times `stepAmount`.
    public var change: Double { -(learningRate * stepAmount) }

    /// The inspection of `parameter` in `trace`, the step the current state would take, with
    /// the terms of `samples` only: a pane asks for the lines it has room for, so 100,000
    /// samples cost no more than ten.
    public init(_ parameter: ParameterIndex, in trace: StepTrace, samples: some Sequence<Int>) {
        self.parameter = parameter
        let l = parameter.layer
        let j = parameter.column
        let layer = trace.layers[l]
        self.samples = samples.map { s in
            let derivative = layer.activationDerivative[s, j]
            let error = layer.error[s, j]
            let errorTerms = ErrorTerm.terms(layer: l, neuron: j, sample: s, in: trace)
            switch parameter {
            case .weight(_, let i, _):
                return SampleTerm(
                    sample: s, factors: [layer.input[s, i], derivative, error],
                    term: layer.input[s, i] * layer.delta[s, j], errorTerms: errorTerms)
            case .bias:
                return SampleTerm(
                    sample: s, factors: [derivative, error], term: layer.delta[s, j], errorTerms: errorTerms)
            }
        }
        sampleCount = trace.inputs.rows
        learningRate = trace.learningRate
        before = trace.networkBefore[parameter]
        after = trace.networkAfter[parameter]
        gradient = trace.gradient(of: parameter)
        switch parameter {
        case .weight(_, let i, _):
            stepAmount = layer.weightStep[i, j]
            isAveraged = trace.reduction.averagesWeights
        case .bias:
            stepAmount = layer.biasStep[j]
            isAveraged = trace.reduction.averagesBias
        }
    }

    /// Every number the inspector shows, for choosing one format for all of them.
    var shownValues: [Double] {
        var values = [gradient, stepAmount, change, before, after]
        for sample in samples {
            values += sample.factors
            values.append(sample.term)
            for pair in sample.errorTerms { values += [pair.delta, pair.weight] }
        }
        return values
    }
}
