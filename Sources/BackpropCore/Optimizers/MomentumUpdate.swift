/// momentum and nesterov, as `torch.optim.SGD` with no dampening: buf = μ·buf + g (a clone of g
/// on the first step), then θ -= lr·buf, or with Nesterov θ -= lr·(g + μ·buf).
struct MomentumUpdate: UpdateRule {
    let learningRate: Double
    let momentum: Double
    let nesterov: Bool
    private var isFirstStep = true

    init(learningRate: Double, momentum: Double, nesterov: Bool) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
    }

    @inline(__always)
    func at(step t: Int) -> MomentumUpdate {
        var rule = self
        rule.isFirstStep = t == 1
        return rule
    }

    /// buf lives in `first`.
    @inline(__always)
    func update(
        _ parameter: inout Double, first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>,
        direction g: Double
    ) -> Double {
        // PyTorch has no buffer before the first step and clones g into it (μ·0 + g would
        // differ only in the sign of a zero); then buf.mul_(μ).add_(g).
        let buf = isFirstStep ? g : first.pointee * momentum + g
        first.pointee = buf
        // param.add_(d, alpha=-lr) is θ + (-lr)·d, which is θ - lr·d bit for bit.
        parameter -= learningRate * (nesterov ? g + momentum * buf : buf)
        // A buf of ±∞ or NaN makes θ the same (lr > 0; nesterov's μ·∞ is NaN for μ = 0), which
        // the forward pass sees: nothing to add.
        return -0.0
    }
}
