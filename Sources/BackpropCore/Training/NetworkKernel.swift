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
    /// The regularisation term whose gradient each weight's step adds.
    let penalty: Penalty
    /// The mistake `descend` makes on purpose, if any (a bug hunt).
    var bug: PlantedBug? = nil

    /// Forward pass of every layer; returns C. The output layer also forms ∂C/∂ŷ and its δ.
    @inline(__always)
    func forward() -> Double {
        forward(from: 0)
    }

    /// The forward pass from layer `first` (0-based) up, with the layers below as the last
    /// `forward` left them; returns C. When only parameters of layer `first` and above changed
    /// since, it is `forward()`, bit for bit, for less work (a landscape's row varies one
    /// parameter).
    @inline(__always)
    func forward(from first: Int) -> Double {
        let last = layers.count &- 1
        for l in first..<last { layers[l].forward() }
        return layers[last].forwardOutput(targets: targets, loss: loss)
    }

    /// Whether every parameter and every entry of the optimizer's lists named is finite (`first`:
    /// buf or m, `second`: v; a list the rule does not keep must not be named, its pointer
    /// points at nothing): a pass over all of them, for the rare step whose quick check failed
    /// (`Trainer.run`).
    func holdsOnlyFiniteNumbers(first: Bool, second: Bool) -> Bool {
        for l in 0..<layers.count {
            let layer = layers[l]
            let weights = layer.inputs &* layer.outputs
            let all = weights &+ layer.outputs
            for k in 0..<weights where !layer.w[k].isFinite { return false }
            for j in 0..<layer.outputs where !layer.b[j].isFinite { return false }
            if first { for k in 0..<all where !layer.firstState[k].isFinite { return false } }
            if second { for k in 0..<all where !layer.secondState[k].isFinite { return false } }
        }
        return true
    }

    /// Every layer's `LayerKernel.firstSampleCheck`, added up: after `forward`, finite when
    /// every parameter is.
    @inline(__always)
    func firstSampleCheck() -> Double {
        var sum = -0.0
        for l in 0..<layers.count {
            let layer = layers[l]
            sum += layer.firstSampleCheck(extents: RuntimeExtents(inputs: layer.inputs, outputs: layer.outputs))
        }
        return sum
    }

    /// The backward pass and the update of every layer by `rule`, from the output layer's δ
    /// that `forward` left. Returns a number that is finite exactly when the entries of the
    /// optimizer's state that could hide a non-finite value are (`LayerKernel.descend`).
    @inline(__always)
    func descend(rule: some UpdateRule) -> Double {
        // One test a step, outside every loop: the right backprop stays the loop below.
        if let bug { return descend(rule: rule, planting: bug) }
        var written = -0.0
        var l = layers.count &- 1
        while l >= 0 {
            let layer = layers[l]
            if l > 0 { layer.sendErrorBack(to: layers[l &- 1]) }
            written += layer.descend(rule: rule, reduction: reduction, penalty: penalty)
            l &-= 1
        }
        return written
    }

    /// `descend` with `bug`'s mistake (see `PlantedBug` for what each one does), from the output
    /// layer's δ that `forward` left. Out of line: the right backprop's loop stays small.
    @inline(never)
    private func descend(rule: some UpdateRule, planting bug: PlantedBug) -> Double {
        let last = layers.count &- 1
        // A mean that forgets to divide takes the sums as they are.
        let reduction = bug == .batchSum ? Reduction.sum : reduction
        // The cross-entropies' δ = ŷ - y never had g' in it (see `PlantedBug.noDerivative`).
        if bug == .noDerivative && !loss.isClassification { layers[last].forgetDerivative() }
        var written = -0.0
        var l = last
        while l >= 0 {
            let layer = layers[l]
            if l > 0 && bug != .updatedWeights { sendBack(from: layer, to: layers[l &- 1], bug: bug) }
            switch bug {
            case .sign where l == last:
                // The δ sent down was right; only this layer's gradients change sign.
                layer.negateDelta()
                written += layer.descend(rule: rule, reduction: reduction, penalty: penalty)
                layer.negateDelta()
            case .noBias: written += layer.descendWithoutBias(rule: rule, reduction: reduction, penalty: penalty)
            case .sign, .noDerivative, .transpose, .updatedWeights, .batchSum:
                written += layer.descend(rule: rule, reduction: reduction, penalty: penalty)
            }
            // After the step: through the weights it has just written.
            if l > 0 && bug == .updatedWeights { sendBack(from: layer, to: layers[l &- 1], bug: bug) }
            l &-= 1
        }
        return written
    }

    /// `layer` sends its δ back to `previous` as `bug` has it.
    private func sendBack(from layer: LayerKernel, to previous: LayerKernel, bug: PlantedBug) {
        if bug == .transpose { layer.sendErrorBackReshaped(to: previous) } else { layer.sendErrorBack(to: previous) }
        if bug == .noDerivative { previous.forgetDerivative() }
    }
}
