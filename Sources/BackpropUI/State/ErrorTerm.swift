import BackpropCore

/// One term of the error a hidden neuron receives, eˡ_j = Σ_k δˡ⁺¹_k ωˡ⁺¹_jk: the next layer's
/// delta δˡ⁺¹_k and the weight ωˡ⁺¹_jk it travels back along.
public struct ErrorTerm: Equatable, Sendable {
    /// δˡ⁺¹_k.
    public let delta: Double
    /// ωˡ⁺¹_jk, before this step's update.
    public let weight: Double

    /// The terms of e for neuron `j` of layer `layer`, sample `sample`, in the step `trace`:
    /// one per neuron k of the layer above; none for the last layer, whose e is ∂C/∂ŷ.
    static func terms(layer: Int, neuron j: Int, sample: Int, in trace: StepTrace) -> [ErrorTerm] {
        guard layer + 1 < trace.layers.count else { return [] }
        let above = trace.layers[layer + 1]
        let weights = trace.networkBefore
        return (0..<above.delta.columns).map { k in
            ErrorTerm(delta: above.delta[sample, k], weight: weights[.weight(layer: layer + 1, row: j, column: k)])
        }
    }
}
