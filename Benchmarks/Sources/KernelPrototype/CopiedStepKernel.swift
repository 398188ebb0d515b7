// A verbatim copy of BackpropCore/StepKernel.swift (only renamed), so that the prototype below is
// measured against the same code compiled the same way.
import BackpropCore
import Foundation

/// The one implementation of the maths, over raw pointers into a trainer's storage, so that a
/// single step for the UI and ten million steps for `--headless` run the same instructions and
/// the run path allocates nothing.
///
/// The order of every sum follows the article's numpy code (matmul, then + b; mean as sum / N),
/// which is what lets the golden trace match to the last digits.
struct CopiedStepKernel {
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

    /// Forward pass (eq. 4, 9) of the current W and b: fills a, ŷ and g'(a) and returns C.
    @inline(__always)
    func forward() -> Double {
        var sumOfSquares = 0.0
        for s in 0..<samples {
            let xRow = x + s * inputs
            for j in 0..<outputs {
                var sum = 0.0
                for i in 0..<inputs { sum += xRow[i] * w[i * outputs + j] }
                let a = sum + b[j]
                let g = activation.value(a)
                let k = s * outputs + j
                preActivation[k] = a
                prediction[k] = g
                activationDerivative[k] = activation.derivative(preActivation: a, output: g)
                let error = g - y[k]
                sumOfSquares += error * error
            }
        }
        return loss.cost(sumOfSquares: sumOfSquares, samples: samples, outputs: outputs)
    }

    /// Backward pass (eq. 14, 15-27) from the buffers `forward` filled: ∂C/∂ŷ, δ = g'(a) ⊙ ∂C/∂ŷ,
    /// the exact ∂C/∂W = xᵀδ and ∂C/∂b = Σ δ.
    @inline(__always)
    func backward() {
        for k in 0..<(samples * outputs) {
            let dC = loss.gradient(prediction: prediction[k], target: y[k], samples: samples, outputs: outputs)
            costGradient[k] = dC
            delta[k] = activationDerivative[k] * dC
        }
        for i in 0..<inputs {
            for j in 0..<outputs {
                var sum = 0.0
                for s in 0..<samples { sum += x[s * inputs + i] * delta[s * outputs + j] }
                weightGradient[i * outputs + j] = sum
            }
        }
        for j in 0..<outputs {
            var sum = 0.0
            for s in 0..<samples { sum += delta[s * outputs + j] }
            biasGradient[j] = sum
        }
    }

    /// The gradient-descent update with the reduction's scaling.
    @inline(__always)
    func update(learningRate: Double) {
        let n = Double(samples)
        let averageWeights = reduction.averagesWeights
        for k in 0..<(inputs * outputs) {
            let step = averageWeights ? weightGradient[k] / n : weightGradient[k]
            w[k] -= learningRate * step
        }
        let averageBias = reduction.averagesBias
        for j in 0..<outputs {
            let step = averageBias ? biasGradient[j] / n : biasGradient[j]
            b[j] -= learningRate * step
        }
    }
}
