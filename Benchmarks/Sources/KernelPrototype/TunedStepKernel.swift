// The change proposed for BackpropCore/StepKernel.swift, measured here before the lead applies
// it. The maths and the order of every sum are unchanged (the tests check the bits); the work is
// arranged in fewer passes:
//  1. `forward` also computes ∂C/∂ŷ and δ while a, ŷ and g'(a) are still in registers, so the
//     separate backward pass over the N x m block disappears;
//  2. `descend` applies each weight's step as soon as its gradient is summed, instead of a
//     gradient pass followed by an update pass;
//  3. index arithmetic wraps (&*, &+): the sizes are validated and tiny, so the overflow traps on
//     every `s * inputs + i` can never fire.
struct TunedStepKernel {
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
                preActivation[k] = a
                prediction[k] = g
                let derivative = activation.derivative(preActivation: a, output: g)
                activationDerivative[k] = derivative
                let dC = loss.gradient(prediction: g, target: y[k], samples: samples, outputs: outputs)
                costGradient[k] = dC
                delta[k] = derivative * dC
                let error = g - y[k]
                sumOfSquares += error * error
            }
        }
        return loss.cost(sumOfSquares: sumOfSquares, samples: samples, outputs: outputs)
    }

    /// One gradient-descent step from the δ that `forward` left: W -= lr · xᵀδ and b -= lr · Σδ,
    /// each with the reduction's scaling, keeping ∂C/∂W and ∂C/∂b for the trace.
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
