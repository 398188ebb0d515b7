/// Central finite differences of C with respect to every weight and bias: the independent
/// estimate that the gradient check shows beside backprop's ∂C/∂W and ∂C/∂b.
public struct FiniteDifference: Equatable, Sendable {
    /// Estimated ∂C/∂W, n x m.
    public let weightGradient: Matrix
    /// Estimated ∂C/∂b, m entries.
    public let biasGradient: [Double]

    /// Estimates the gradient at `trainer`'s state with (C(θ + h) - C(θ - h)) / 2h, where h is
    /// `relativeStep` scaled by the parameter's size (so large and small weights both get a
    /// step that is neither lost in rounding nor too coarse).
    public init(at trainer: Trainer, relativeStep: Double = 1e-6) {
        func estimate(_ change: (inout DenseLayer, Double) -> Void, value: Double) -> Double {
            let h = relativeStep * max(1, abs(value))
            var plus = trainer.layer
            var minus = trainer.layer
            change(&plus, h)
            change(&minus, -h)
            return (trainer.cost(of: plus) - trainer.cost(of: minus)) / (2 * h)
        }
        var weights = trainer.layer.weights
        for i in 0..<weights.rows {
            for j in 0..<weights.columns {
                weights[i, j] = estimate({ $0.weights[i, j] += $1 }, value: trainer.layer.weights[i, j])
            }
        }
        weightGradient = weights
        biasGradient = trainer.layer.bias.indices.map { j in
            estimate({ $0.bias[j] += $1 }, value: trainer.layer.bias[j])
        }
    }

    /// |a - b| / max(|a|, |b|), and 0 when both are 0: how far backprop and the estimate differ.
    public static func relativeError(_ a: Double, _ b: Double) -> Double {
        let scale = max(abs(a), abs(b))
        return scale == 0 ? 0 : abs(a - b) / scale
    }
}
