import Foundation

/// The one implementation of the maths, over raw pointers into a trainer's storage, so that a
/// single step for the UI and ten million steps for `--headless` run the same instructions and
/// the run path allocates nothing.
///
/// The order of every sum follows the article's numpy code (matmul, then + b; mean as sum / N),
/// which is what lets the golden trace match to the last digits.
struct StepKernel {
    let samples: Int
    let inputs: Int
    let outputs: Int
    let activation: Activation
    let loss: Loss
    let reduction: Reduction

    let x: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>
    let w: UnsafeMutablePointer<Double>
    let b: UnsafeMutablePointer<Double>
    let preActivation: UnsafeMutablePointer<Double>
    let prediction: UnsafeMutablePointer<Double>
    let activationDerivative: UnsafeMutablePointer<Double>
    let costGradient: UnsafeMutablePointer<Double>
    let delta: UnsafeMutablePointer<Double>
    let weightGradient: UnsafeMutablePointer<Double>
    let biasGradient: UnsafeMutablePointer<Double>

    /// Forward pass (eq. 4, 9) of the current W and b: fills a, ŷ and g'(a), and while they are
    /// still in registers also ∂C/∂ŷ (eq. 14) and δ = g'(a) ⊙ ∂C/∂ŷ, the first half of the
    /// backward pass. Returns C.
    ///
    /// Index arithmetic wraps (`&*`, `&+`): the sizes were validated and every index is in
    /// range, so overflow checks could never fire and only cost time in a 2x3x2 loop.
    @inline(__always)
    func forward() -> Double {
        var sumOfSquares = 0.0
        for s in 0..<samples {
            let xRow = x + s &* inputs
            for j in 0..<outputs {
                var sum = 0.0
                for i in 0..<inputs { sum += xRow[i] * w[i &* outputs &+ j] }
                let a = sum + b[j]
                let g = activation.value(a)
                let k = s &* outputs &+ j
                let derivative = activation.derivative(preActivation: a, output: g)
                let dC = loss.gradient(prediction: g, target: y[k], samples: samples, outputs: outputs)
                preActivation[k] = a
                prediction[k] = g
                activationDerivative[k] = derivative
                costGradient[k] = dC
                delta[k] = derivative * dC
                let error = g - y[k]
                sumOfSquares += error * error
            }
        }
        return loss.cost(sumOfSquares: sumOfSquares, samples: samples, outputs: outputs)
    }

    /// The rest of the backward pass and the update (eq. 23-27), from the δ that `forward`
    /// left: ∂C/∂W = xᵀδ and ∂C/∂b = Σ δ are kept for the trace, and each parameter takes its
    /// step, scaled by the reduction, as soon as its gradient is summed.
    @inline(__always)
    func descend(learningRate: Double) {
        let n = Double(samples)
        let averageWeights = reduction.averagesWeights
        for i in 0..<inputs {
            for j in 0..<outputs {
                var sum = 0.0
                for s in 0..<samples { sum += x[s &* inputs &+ i] * delta[s &* outputs &+ j] }
                let k = i &* outputs &+ j
                weightGradient[k] = sum
                w[k] -= learningRate * (averageWeights ? sum / n : sum)
            }
        }
        let averageBias = reduction.averagesBias
        for j in 0..<outputs {
            var sum = 0.0
            for s in 0..<samples { sum += delta[s &* outputs &+ j] }
            biasGradient[j] = sum
            b[j] -= learningRate * (averageBias ? sum / n : sum)
        }
    }
}
