import Foundation

/// The maths of one dense layer over raw pointers into a trainer's storage, so that a single
/// step for the UI and ten million steps for `--headless` run the same instructions and the run
/// path allocates nothing. `NetworkKernel` drives one of these per layer.
///
/// The order of every sum follows the article's numpy code (matmul, then + b; mean as sum / N),
/// which is what lets the golden trace match to the last digits.
///
/// Index arithmetic wraps (`&*`, `&+`): the sizes were validated and every index is in range,
/// so overflow checks could never fire and only cost time in a 2x3x2 loop.
struct LayerKernel {
    let samples: Int
    let inputs: Int
    let outputs: Int
    let activation: Activation

    /// hˡ⁻¹, N x n (x for the first layer): read, never written.
    let input: UnsafeMutablePointer<Double>
    /// Wˡ, n x m, then bˡ, m: updated by `descend`.
    let w: UnsafeMutablePointer<Double>
    let b: UnsafeMutablePointer<Double>
    /// This layer's slots of the optimizer's state (buf or m, then v), laid out as W then b.
    let firstState: UnsafeMutablePointer<Double>
    let secondState: UnsafeMutablePointer<Double>
    /// aˡ, hˡ, gˡ'(aˡ), eˡ = ∂C/∂hˡ and δˡ = gˡ'(aˡ) ⊙ eˡ (ŷ - y for the cross-entropies'
    /// output layer), each N x m.
    let preActivation: UnsafeMutablePointer<Double>
    let output: UnsafeMutablePointer<Double>
    let activationDerivative: UnsafeMutablePointer<Double>
    let error: UnsafeMutablePointer<Double>
    let delta: UnsafeMutablePointer<Double>
    /// ∂C/∂Wˡ = (hˡ⁻¹)ᵀδˡ, n x m, and ∂C/∂bˡ = Σ δˡ, m: kept for the trace.
    let weightGradient: UnsafeMutablePointer<Double>
    let biasGradient: UnsafeMutablePointer<Double>

    /// Forward pass of a hidden layer: fills aˡ, hˡ and gˡ'(aˡ). (Hidden layers are
    /// element-wise: softmax is only ever the output layer's.)
    @inline(__always)
    func forward() {
        for s in 0..<samples {
            let a = preActivations(ofSample: s)
            for j in 0..<outputs {
                let g = activation.value(a[j])
                let k = s &* outputs &+ j
                output[k] = g
                activationDerivative[k] = activation.derivative(preActivation: a[j], output: g)
            }
        }
    }

    /// Forward pass of the output layer (eq. 4, 9): fills a, ŷ and g'(a), and while they are
    /// still in registers also e = ∂C/∂ŷ (eq. 14) and δ = g'(a) ⊙ ∂C/∂ŷ, the first half of the
    /// backward pass. Returns C.
    @inline(__always)
    func forwardOutput(targets y: UnsafeMutablePointer<Double>, loss: Loss) -> Double {
        forwardOutput(targets: y, loss: loss, extents: RuntimeExtents(inputs: inputs, outputs: outputs))
    }

    /// `forwardOutput` with the layer's sizes from `extents`: constant sizes let the compiler
    /// unroll the short loops of a small layer.
    @inline(__always)
    func forwardOutput(targets y: UnsafeMutablePointer<Double>, loss: Loss, extents: some LayerExtents) -> Double {
        // One branch a call, not one an entry: the squared errors' loop below stays the one the
        // article's run path was measured with.
        if loss.isClassification { return forwardClassification(targets: y, loss: loss) }
        let (inputs, outputs) = (extents.inputs, extents.outputs)
        var sumOfSquares = 0.0
        for s in 0..<samples {
            let row = input + s &* inputs
            for j in 0..<outputs {
                let a = preActivation(of: row, output: j, inputs: inputs, outputs: outputs)
                let g = activation.value(a)
                let k = s &* outputs &+ j
                let derivative = activation.derivative(preActivation: a, output: g)
                let dC = loss.gradient(prediction: g, target: y[k], samples: samples, outputs: outputs)
                preActivation[k] = a
                output[k] = g
                activationDerivative[k] = derivative
                error[k] = dC
                delta[k] = derivative * dC
                let difference = g - y[k]
                sumOfSquares += difference * difference
            }
        }
        return loss.cost(sumOfSquares: sumOfSquares, samples: samples, outputs: outputs)
    }

    /// `forwardOutput` for the cross-entropies, whose output layer has the activation paired with
    /// them (sigmoid for bce, softmax for ce). For each sample: a, then ŷ (softmax over the row),
    /// C from a in its stable form, δ = ŷ - y directly (g'(a) ⊙ ∂C/∂ŷ would be 0 · ∞ where ŷ has
    /// rounded to 0 or 1), and, for the screen only, g'(a) (softmax: the diagonal ŷ(1 - ŷ)) and
    /// e = ∂C/∂ŷ, which may be infinite there. δ is therefore not g'(a) ⊙ e for softmax, whose
    /// g' is a matrix.
    @inline(never)
    func forwardClassification(targets y: UnsafeMutablePointer<Double>, loss: Loss) -> Double {
        var cost = 0.0
        for s in 0..<samples {
            let start = s &* outputs
            let a = preActivations(ofSample: s)
            let h = output + start
            if loss == .ce {
                let (shift, logSum) = Activation.softmax(a, into: h, count: outputs)
                cost += Loss.crossEntropy(
                    preActivations: a, targets: y + start, count: outputs, shift: shift, logSum: logSum)
            } else {
                activation.values(of: a, into: h, count: outputs)
                for j in 0..<outputs { cost += Loss.binaryCrossEntropy(preActivation: a[j], target: y[start &+ j]) }
            }
            for j in 0..<outputs {
                let k = start &+ j
                activationDerivative[k] = activation.derivative(preActivation: a[j], output: h[j])
                error[k] = loss.gradient(prediction: h[j], target: y[k], samples: samples, outputs: outputs)
                delta[k] = h[j] - y[k]
            }
        }
        return cost
    }

    /// The first sample's pre-activations times 0, added up: ±0 when they are finite, NaN when
    /// one is not. After the forward pass this checks every parameter of the layer: with finite
    /// inputs, a weight or a bias of ±∞ or NaN makes its aⱼ ±∞ or NaN (0·∞ is NaN, ∞ - ∞ too), so
    /// finite pre-activations in every layer (whose outputs g(a) are then finite too) mean
    /// finite parameters. m numbers read where the update would have had (n + 1)·m. The other
    /// way round does not hold: an aⱼ can overflow with finite parameters, which the trainer
    /// tells apart with a pass over them (`NetworkKernel.holdsOnlyFiniteNumbers`).
    @inline(__always)
    func firstSampleCheck(extents: some LayerExtents) -> Double {
        var sum = -0.0
        for j in 0..<extents.outputs { sum += preActivation[j] * 0 }
        return sum
    }

    /// The outputs whose sums run side by side, lane by lane in one vector (`preActivations`,
    /// `descendWeights`). A lane adds and multiplies exactly as a scalar does (no fused
    /// multiply-add), so each sum keeps its bits.
    typealias OutputBlock = SIMD4<Double>

    /// Fills sample `s`'s row of aˡ, aⱼ = Σᵢ hᵢ·ωᵢⱼ + bⱼ, and returns it. Each aⱼ adds its terms in
    /// the order of i, from 0, then b (numpy's matmul then + b), as one sum at a time would; four
    /// outputs' sums run side by side, in the lanes of a vector held in registers over the whole
    /// sum (the last outputs of a width that is not a multiple of four, and narrower layers, one
    /// at a time).
    @inline(__always)
    private func preActivations(ofSample s: Int) -> UnsafeMutablePointer<Double> {
        let row = input + s &* inputs
        let a = preActivation + s &* outputs
        let width = OutputBlock.scalarCount
        let rowBytes = outputs &* MemoryLayout<Double>.stride
        var j = 0
        while j &+ width <= outputs {
            var sum = OutputBlock(repeating: 0)
            var weights = UnsafeRawPointer(w + j)
            for i in 0..<inputs {
                sum += OutputBlock(repeating: row[i]) * weights.loadUnaligned(as: OutputBlock.self)
                weights += rowBytes
            }
            sum += UnsafeRawPointer(b + j).loadUnaligned(as: OutputBlock.self)
            UnsafeMutableRawPointer(a + j).storeBytes(of: sum, as: OutputBlock.self)
            j &+= width
        }
        while j < outputs {
            a[j] = preActivation(of: row, output: j, inputs: inputs, outputs: outputs)
            j &+= 1
        }
        return a
    }

    /// aⱼ = Σᵢ hᵢ·ωᵢⱼ + bⱼ for one sample's `row` of inputs: the sum first, then b, as numpy's
    /// matmul then + b.
    @inline(__always)
    private func preActivation(of row: UnsafeMutablePointer<Double>, output j: Int, inputs: Int, outputs: Int)
        -> Double
    {
        var sum = 0.0
        for i in 0..<inputs { sum += row[i] * w[i &* outputs &+ j] }
        return sum + b[j]
    }

    /// Sends this layer's δ back to the layer below, before this layer's weights move:
    /// eˡ⁻¹ = δˡ(Wˡ)ᵀ, then δˡ⁻¹ = gˡ⁻¹'(aˡ⁻¹) ⊙ eˡ⁻¹.
    @inline(__always)
    func sendErrorBack(to previous: LayerKernel) {
        for s in 0..<samples {
            let deltaRow = delta + s &* outputs
            for i in 0..<inputs {
                var sum = 0.0
                for j in 0..<outputs { sum += deltaRow[j] * w[i &* outputs &+ j] }
                let k = s &* inputs &+ i
                previous.error[k] = sum
                previous.delta[k] = previous.activationDerivative[k] * sum
            }
        }
    }

    /// The rest of the backward pass and the update (eq. 23-27), from this layer's δ:
    /// ∂C/∂W = (hˡ⁻¹)ᵀδ and ∂C/∂b = Σ δ are kept for the trace, and each parameter takes its
    /// step by `rule`, from its gradient scaled by the reduction, as soon as that is summed.
    ///
    /// Returns the sum of what `rule.update` returned for each parameter: finite exactly when
    /// the entries of the optimizer's state that could hide a non-finite value are finite (the
    /// parameters are `firstSampleCheck`'s).
    ///
    /// A `penalty` adds its gradient at ω (before the step) to what each weight's rule receives,
    /// after the reduction; without one nothing is added, so the article's bits stay.
    @inline(__always)
    func descend(rule: some UpdateRule, reduction: Reduction, penalty: Penalty) -> Double {
        descendWeights(rule: rule, reduction: reduction, penalty: penalty)
            + descendBias(rule: rule, reduction: reduction, inputs: inputs, outputs: outputs)
    }

    /// `descend` for `PlantedBug.noBias`: the weights as always, and ∂C/∂b left at 0, which the
    /// rule is handed as the biases' gradient (so they never move, and the rule's state for them
    /// stays as it would for a zero gradient).
    func descendWithoutBias(rule: some UpdateRule, reduction: Reduction, penalty: Penalty) -> Double {
        var written = descendWeights(rule: rule, reduction: reduction, penalty: penalty)
        let biasOffset = inputs &* outputs
        for j in 0..<outputs {
            biasGradient[j] = 0
            let slot = biasOffset &+ j
            written += rule.update(&b[j], first: firstState + slot, second: secondState + slot, direction: 0)
        }
        return written
    }

    /// Flips the sign of every δ of this layer (`PlantedBug.sign`, twice: once before its
    /// gradients are summed, once after, which gives back the very same bits).
    func negateDelta() {
        for k in 0..<(samples &* outputs) { delta[k] = -delta[k] }
    }

    /// δ = e for every sample (`PlantedBug.noDerivative`): g'(a) left out.
    func forgetDerivative() {
        for k in 0..<(samples &* outputs) { delta[k] = error[k] }
    }

    /// `sendErrorBack` as `PlantedBug.transpose` does it: Wˡ's storage (n x m, row-major) read as
    /// an m x n matrix rather than transposed, eˡ⁻¹ᵢ = Σⱼ δⱼ·w[j·n + i]. Every index stays inside
    /// the storage, so no shape makes it crash.
    func sendErrorBackReshaped(to previous: LayerKernel) {
        for s in 0..<samples {
            let deltaRow = delta + s &* outputs
            for i in 0..<inputs {
                var sum = 0.0
                for j in 0..<outputs { sum += deltaRow[j] * w[j &* inputs &+ i] }
                let k = s &* inputs &+ i
                previous.error[k] = sum
                previous.delta[k] = previous.activationDerivative[k] * sum
            }
        }
    }

    /// The weights' part of `descend` for a layer of sizes known only at run time (every layer of a network): each
    /// ∂C/∂ωᵢⱼ is summed over the samples in their order, from 0, as `descend(…extents:)` sums it,
    /// but four outputs' sums run side by side in the lanes of a vector (the last outputs of a
    /// width that is not a multiple of four one at a time), and each parameter takes its step as
    /// soon as its sum is done. The same bits.
    @inline(__always)
    private func descendWeights(rule: some UpdateRule, reduction: Reduction, penalty: Penalty) -> Double {
        let n = Double(samples)
        let averageWeights = reduction.averagesWeights
        let penalized = penalty.isActive
        let width = OutputBlock.scalarCount
        let deltaRowBytes = outputs &* MemoryLayout<Double>.stride
        var written = -0.0
        // One weight's step, from its gradient: as `descend(…extents:)` takes it.
        func step(_ k: Int, gradient: Double) {
            weightGradient[k] = gradient
            var direction = averageWeights ? gradient / n : gradient
            if penalized { direction += penalty.gradient(weight: w[k]) }
            written += rule.update(&w[k], first: firstState + k, second: secondState + k, direction: direction)
        }
        for i in 0..<inputs {
            var j = 0
            while j &+ width <= outputs {
                var sum = OutputBlock(repeating: 0)
                var x = input + i
                var d = UnsafeRawPointer(delta + j)
                for _ in 0..<samples {
                    sum += OutputBlock(repeating: x.pointee) * d.loadUnaligned(as: OutputBlock.self)
                    x += inputs
                    d += deltaRowBytes
                }
                let k = i &* outputs &+ j
                for lane in 0..<width { step(k &+ lane, gradient: sum[lane]) }
                j &+= width
            }
            while j < outputs {
                var sum = 0.0
                for s in 0..<samples { sum += input[s &* inputs &+ i] * delta[s &* outputs &+ j] }
                step(i &* outputs &+ j, gradient: sum)
                j &+= 1
            }
        }
        return written
    }

    /// The biases' part of `descend`: ∂C/∂bⱼ = Σ δⱼ over the samples, in their order, kept for the
    /// trace, and each bias's step (its slots in the optimizer's state after the weights').
    /// Returns the sum of what `rule.update` returned.
    @inline(__always)
    private func descendBias(rule: some UpdateRule, reduction: Reduction, inputs: Int, outputs: Int) -> Double {
        let n = Double(samples)
        let averageBias = reduction.averagesBias
        let biasOffset = inputs &* outputs
        var written = -0.0
        for j in 0..<outputs {
            var sum = 0.0
            for s in 0..<samples { sum += delta[s &* outputs &+ j] }
            biasGradient[j] = sum
            let slot = biasOffset &+ j
            written += rule.update(
                &b[j], first: firstState + slot, second: secondState + slot, direction: averageBias ? sum / n : sum)
        }
        return written
    }

    /// `descend` with the layer's sizes from `extents`.
    @inline(__always)
    func descend(rule: some UpdateRule, reduction: Reduction, penalty: Penalty, extents: some LayerExtents) -> Double {
        let (inputs, outputs) = (extents.inputs, extents.outputs)
        let n = Double(samples)
        let averageWeights = reduction.averagesWeights
        let penalized = penalty.isActive
        // -0, so that a rule returning -0 leaves nothing to add.
        var written = -0.0
        for i in 0..<inputs {
            for j in 0..<outputs {
                var sum = 0.0
                for s in 0..<samples { sum += input[s &* inputs &+ i] * delta[s &* outputs &+ j] }
                let k = i &* outputs &+ j
                weightGradient[k] = sum
                var direction = averageWeights ? sum / n : sum
                if penalized { direction += penalty.gradient(weight: w[k]) }
                written += rule.update(&w[k], first: firstState + k, second: secondState + k, direction: direction)
            }
        }
        return written + descendBias(rule: rule, reduction: reduction, inputs: inputs, outputs: outputs)
    }
}
