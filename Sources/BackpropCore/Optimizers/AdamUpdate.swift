import Foundation

/// `torch.optim.Adam` (no amsgrad, no weight decay): m and v are moving averages of g and g²;
/// at step t, m̂ = m / (1 - β1ᵗ), v̂ = v / (1 - β2ᵗ) and θ -= lr·m̂/(√v̂ + ε).
///
/// Written as PyTorch's single-tensor code computes it: m.lerp_(g, 1-β1), v·β2 + (1-β2)·g·g,
/// then θ + (-lr/(1-β1ᵗ))·m / (√v/√(1-β2ᵗ) + ε), so the two agree to the last bits or nearly.
struct AdamUpdate: UpdateRule {
    let learningRate: Double
    let beta1: Double
    let beta2: Double
    let epsilon: Double
    private var stepSize = 0.0
    private var correctionRoot = 1.0

    init(learningRate: Double, beta1: Double, beta2: Double, epsilon: Double) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// The bias corrections of step t: 1 - β1ᵗ scales the step, √(1 - β2ᵗ) the root of v.
    @inline(__always)
    func at(step t: Int) -> AdamUpdate {
        var rule = self
        rule.stepSize = learningRate / (1 - pow(beta1, Double(t)))
        rule.correctionRoot = (1 - pow(beta2, Double(t))).squareRoot()
        return rule
    }

    /// m lives in `first`, v in `second`.
    @inline(__always)
    func update(
        _ parameter: inout Double, first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>,
        direction g: Double
    ) -> Double {
        let m = AdamUpdate.lerp(first.pointee, g, weight: 1 - beta1)
        let v = second.pointee * beta2 + (1 - beta2) * g * g
        first.pointee = m
        second.pointee = v
        parameter += -stepSize * m / (v.squareRoot() / correctionRoot + epsilon)
        // v = ∞ leaves θ finite (m/∞ = 0), so it is checked on its own. A non-finite m makes θ
        // non-finite (±∞ over a finite or zero root is ±∞, over an infinite one NaN), which the
        // forward pass sees.
        return v * 0
    }

    /// start + w·(end - start), computed from the nearer end as PyTorch's `lerp` does.
    @inline(__always)
    static func lerp(_ start: Double, _ end: Double, weight: Double) -> Double {
        abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
    }
}
