/// Every intermediate of one layer in one step, named as in the article and the README's maths:
/// aˡ = hˡ⁻¹Wˡ + bˡ, hˡ = gˡ(aˡ), eˡ = ∂C/∂hˡ, δˡ = gˡ'(aˡ) ⊙ eˡ, ∂C/∂Wˡ = (hˡ⁻¹)ᵀδˡ,
/// ∂C/∂bˡ = Σ δˡ. Matrices over samples are N x nˡ, one row per sample.
public struct LayerTrace: Equatable, Sendable {
    /// gˡ.
    public let activation: Activation
    /// hˡ⁻¹, what the layer reads: x for the first layer.
    public let input: Matrix
    /// aˡ.
    public let preActivation: Matrix
    /// hˡ = gˡ(aˡ); ŷ for the last layer.
    public let output: Matrix
    /// gˡ'(aˡ).
    public let activationDerivative: Matrix
    /// eˡ = ∂C/∂hˡ, the error sent back to each neuron of this layer: ∂C/∂ŷ for the last layer,
    /// δˡ⁺¹(Wˡ⁺¹)ᵀ (with the weights before the step) for the others.
    public let error: Matrix
    /// δˡ = gˡ'(aˡ) ⊙ eˡ.
    public let delta: Matrix
    /// ∂C/∂Wˡ = (hˡ⁻¹)ᵀδˡ, summed over samples.
    public let weightGradient: Matrix
    /// ∂C/∂bˡ = Σ over samples of δˡ.
    public let biasGradient: [Double]
    /// What lr multiplies for Wˡ: ∂C/∂Wˡ, or ∂C/∂Wˡ / N for the `mean` reduction.
    public let weightStep: Matrix
    /// What lr multiplies for bˡ: Σ δˡ for `sum`, mean of δˡ otherwise.
    public let biasStep: [Double]

    /// A layer's trace from its parts; the trainer is the usual source.
    public init(
        activation: Activation, input: Matrix, preActivation: Matrix, output: Matrix, activationDerivative: Matrix,
        error: Matrix, delta: Matrix, weightGradient: Matrix, biasGradient: [Double], weightStep: Matrix,
        biasStep: [Double]
    ) {
        self.activation = activation
        self.input = input
        self.preActivation = preActivation
        self.output = output
        self.activationDerivative = activationDerivative
        self.error = error
        self.delta = delta
        self.weightGradient = weightGradient
        self.biasGradient = biasGradient
        self.weightStep = weightStep
        self.biasStep = biasStep
    }

    /// Equal when every intermediate is the same, bit for bit (NaN included).
    public static func == (left: LayerTrace, right: LayerTrace) -> Bool {
        left.activation == right.activation && left.input == right.input && left.preActivation == right.preActivation
            && left.output == right.output && left.activationDerivative == right.activationDerivative
            && left.error == right.error && left.delta == right.delta && left.weightGradient == right.weightGradient
            && left.biasGradient.hasSameBits(as: right.biasGradient) && left.weightStep == right.weightStep
            && left.biasStep.hasSameBits(as: right.biasStep)
    }
}
