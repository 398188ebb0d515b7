import BackpropCore

/// The chain rule for one parameter with the numbers of the step the current state would take
/// (eqs. 15-27): each sample's product of factors, their sum (the exact gradient), what the
/// reduction makes of it, the change -lr times that, and the value before and after.
public struct ParameterInspection: Equatable, Sendable {
    /// The parameter explained.
    public let parameter: Parameter
    /// Per sample shown (the first `sampleLimit`), the factors of its share of the gradient: x_i, g'(a_j), ∂C/∂ŷ_j for a weight;
    /// g'(a_j), ∂C/∂ŷ_j (whose product is δ_j) for a bias.
    public let factors: [[Double]]
    /// Per sample shown, the product of its factors, as the step computed it.
    public let terms: [Double]
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
    /// the factors of the first `sampleLimit` samples: a pane asks only for the lines it has room
    /// for, so 100,000 samples cost no more than ten.
    public init(_ parameter: Parameter, in trace: StepTrace, sampleLimit: Int = .max) {
        self.parameter = parameter
        let j = parameter.output
        let samples = min(trace.inputs.rows, max(0, sampleLimit))
        var factors: [[Double]] = []
        var terms: [Double] = []
        for s in 0..<samples {
            let derivative = trace.layers[0].activationDerivative[s, j]
            let costGradient = trace.layers[0].error[s, j]
            switch parameter {
            case .weight(let i, _):
                factors.append([trace.inputs[s, i], derivative, costGradient])
                terms.append(trace.inputs[s, i] * trace.layers[0].delta[s, j])
            case .bias:
                factors.append([derivative, costGradient])
                terms.append(trace.layers[0].delta[s, j])
            }
        }
        self.factors = factors
        self.terms = terms
        learningRate = trace.learningRate
        before = trace.networkBefore[parameter.index]
        after = trace.networkAfter[parameter.index]
        gradient = trace.gradient(of: parameter.index)
        switch parameter {
        case .weight(let i, _):
            stepAmount = trace.layers[0].weightStep[i, j]
            isAveraged = trace.reduction.averagesWeights
        case .bias:
            stepAmount = trace.layers[0].biasStep[j]
            isAveraged = trace.reduction.averagesBias
        }
    }
}
