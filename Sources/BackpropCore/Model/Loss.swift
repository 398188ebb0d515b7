import Foundation

/// The cost C that compares predictions ŷ with targets y.
///
/// Every C is a sum over the samples (and outputs): mse scales it, and the reduction, not the
/// loss, decides whether the update is averaged. The two cross-entropies come with the output
/// activation that makes them simple (`pairedActivation`): with sigmoid + bce, and with
/// softmax + ce, the output layer's δ = g'(a) ⊙ ∂C/∂ŷ collapses to ŷ - y, because g'(a) cancels
/// the denominator of ∂C/∂ŷ. `Scenario` refuses every other pairing.
public enum Loss: String, CaseIterable, Sendable, Codable {
    /// The article's C = Σ (ŷ - y)² over samples and outputs (eq. 13); ∂C/∂ŷ = 2(ŷ - y) (eq. 14).
    case sse
    /// C = Σ (ŷ - y)² / (N·m); ∂C/∂ŷ = 2(ŷ - y) / (N·m). The same valley, scaled flatter.
    case mse
    /// Binary cross-entropy, C = -Σ [y log ŷ + (1 - y) log(1 - ŷ)] over samples and outputs, with
    /// a sigmoid output layer: each output is the probability of its own yes-or-no class, and
    /// δ = ŷ - y.
    case bce
    /// Cross-entropy, C = -Σ_samples Σ_j y_j log ŷ_j, with a softmax output layer: the outputs
    /// are the probabilities of classes that exclude each other, and δ = ŷ - y.
    case ce

    /// Whether this is a cross-entropy: C compares probabilities, the output layer must have
    /// `pairedActivation`, and its δ is ŷ - y rather than g'(a) ⊙ ∂C/∂ŷ.
    public var isClassification: Bool {
        switch self {
        case .sse, .mse: return false
        case .bce, .ce: return true
        }
    }

    /// The activation the output layer must have with this loss (sigmoid for bce, softmax for
    /// ce), or nil when any element-wise activation will do.
    public var pairedActivation: Activation? {
        switch self {
        case .sse, .mse: return nil
        case .bce: return .sigmoid
        case .ce: return .softmax
        }
    }

    /// C over a set of `samples` samples as a cost per sample, so that sets of different sizes
    /// (training and test) compare: C / N for the losses that add up over samples (sse, bce, ce),
    /// C itself for mse, which is a mean already.
    public func costPerSample(_ cost: Double, samples: Int) -> Double {
        switch self {
        case .mse: return cost
        case .sse, .bce, .ce: return cost / Double(max(samples, 1))
        }
    }

    /// C given the sum of squared errors, for sse and mse. The cross-entropies are not made of
    /// squares (their C comes from the pre-activations: `binaryCrossEntropy`, `crossEntropy`),
    /// so for them this is NaN: a wrong call shows, rather than a plausible wrong number.
    @inline(__always)
    public func cost(sumOfSquares: Double, samples: Int, outputs: Int) -> Double {
        switch self {
        case .sse: return sumOfSquares
        case .mse: return sumOfSquares / Double(samples * outputs)
        case .bce, .ce: return .nan
        }
    }

    /// ∂C/∂ŷ for one entry. For the cross-entropies this is only shown, never multiplied out:
    /// δ = ŷ - y is computed directly, because ∂C/∂ŷ is infinite where ŷ has rounded to 0 or 1
    /// while δ stays exact. A term whose coefficient (y or 1 - y) is 0 is left out, so that
    /// 0 · ∞ never makes a NaN.
    @inline(__always)
    public func gradient(prediction: Double, target: Double, samples: Int, outputs: Int) -> Double {
        switch self {
        case .sse: return 2 * (prediction - target)
        case .mse: return 2 * (prediction - target) / Double(samples * outputs)
        case .bce:
            // -y/ŷ + (1 - y)/(1 - ŷ) = (ŷ - y) / (ŷ(1 - ŷ)).
            let yes = target == 0 ? 0 : target / prediction
            let no = target == 1 ? 0 : (1 - target) / (1 - prediction)
            return no - yes
        case .ce: return target == 0 ? 0 : -target / prediction
        }
    }

    /// One sample's share of C: its squared errors, scaled as the loss scales the whole sum, or
    /// its cross-entropy, from the output layer's pre-activations `a` in the numerically stable
    /// form the trainer uses, so the shares add up to C and stay finite where ŷ has rounded to 0
    /// or 1. Rows of `preActivation`, `prediction` and `targets` are samples.
    ///
    /// `samples` is N of the set the sample belongs to, which mse divides by (by default every
    /// row of `prediction`; with a test split, the training or the test samples).
    public func cost(
        ofSample sample: Int, preActivation: Matrix, prediction: Matrix, targets: Matrix, samples: Int? = nil
    ) -> Double {
        let outputs = prediction.columns
        switch self {
        case .sse, .mse:
            var sumOfSquares = 0.0
            for j in 0..<outputs {
                let error = prediction[sample, j] - targets[sample, j]
                sumOfSquares += error * error
            }
            return cost(sumOfSquares: sumOfSquares, samples: samples ?? prediction.rows, outputs: outputs)
        case .bce:
            var sum = 0.0
            for j in 0..<outputs {
                sum += Loss.binaryCrossEntropy(preActivation: preActivation[sample, j], target: targets[sample, j])
            }
            return sum
        case .ce:
            // The trainer's own two calls, so a share is its term of C bit for bit.
            var scratch = [Double](repeating: 0, count: outputs)
            let start = sample * outputs
            return preActivation.elements.withUnsafeBufferPointer { a in
                targets.elements.withUnsafeBufferPointer { y in
                    scratch.withUnsafeMutableBufferPointer { h in
                        let row = a.baseAddress! + start
                        let (shift, logSum) = Activation.softmax(row, into: h.baseAddress!, count: outputs)
                        return Loss.crossEntropy(
                            preActivations: row, targets: y.baseAddress! + start, count: outputs, shift: shift,
                            logSum: logSum)
                    }
                }
            }
        }
    }

    /// -[y log ŷ + (1 - y) log(1 - ŷ)] for ŷ = sigmoid(a), written in a as
    /// max(a, 0) - y·a + log(1 + e^-|a|): no exp can overflow and no log sees 0, so a saturated
    /// output costs a large finite number rather than ∞.
    @inline(__always)
    public static func binaryCrossEntropy(preActivation a: Double, target y: Double) -> Double {
        max(a, 0) - y * a + log1p(exp(-abs(a)))
    }

    /// -Σ_j y_j log ŷ_j for ŷ = softmax(a) over one sample's `count` pre-activations, as
    /// -Σ_j y_j (a_j - m - log Σ_k e^(a_k - m)), from the `shift` m = max a and the `logSum`
    /// log Σ_k e^(a_k - m) that `Activation.softmax` returns: no exp overflows and no log sees 0.
    /// Classes with y_j = 0 are skipped, so a class whose ŷ underflowed to 0 adds nothing rather
    /// than 0 · (-∞) = NaN.
    @inline(__always)
    public static func crossEntropy(
        preActivations a: UnsafePointer<Double>, targets y: UnsafePointer<Double>, count: Int, shift: Double,
        logSum: Double
    ) -> Double {
        var cost = 0.0
        for j in 0..<count where y[j] != 0 { cost -= y[j] * (a[j] - shift - logSum) }
        return cost
    }
}
