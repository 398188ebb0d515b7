/// One training step of a whole network, driving a `LayerKernel` per layer: forward through
/// layers 1..L, then backward through L..1, each layer sending its error down before its own
/// weights move (eˡ⁻¹ uses Wˡ as it was before the step).
///
/// The kernels live in a buffer the caller owns (on the stack, see `Trainer`), so a step
/// allocates nothing for any L.
struct NetworkKernel {
    let layers: UnsafeMutableBufferPointer<LayerKernel>
    let targets: UnsafeMutablePointer<Double>
    let loss: Loss
    let reduction: Reduction

    /// Forward pass of every layer; returns C. The output layer also forms ∂C/∂ŷ and its δ.
    @inline(__always)
    func forward() -> Double {
        let last = layers.count &- 1
        for l in 0..<last { layers[l].forward() }
        return layers[last].forwardOutput(targets: targets, loss: loss)
    }

    /// The backward pass and the update of every layer by `rule`, from the output layer's δ
    /// that `forward` left. Returns a number that is finite exactly when every parameter and
    /// entry of the optimizer's state the update wrote is (`LayerKernel.descend`).
    @inline(__always)
    func descend(rule: some UpdateRule) -> Double {
        var written = 0.0
        var l = layers.count &- 1
        while l >= 0 {
            let layer = layers[l]
            if l > 0 { layer.sendErrorBack(to: layers[l &- 1]) }
            written += layer.descend(rule: rule, reduction: reduction)
            l &-= 1
        }
        return written
    }
}
