/// `torch.optim.RMSprop` (not centred, no momentum): v = α·v + (1-α)·g², θ -= lr·g/(√v + ε).
struct RMSpropUpdate: UpdateRule {
    let learningRate: Double
    let alpha: Double
    let epsilon: Double

    @inline(__always)
    func at(step t: Int) -> RMSpropUpdate { self }

    /// v lives in `second`.
    @inline(__always)
    func update(
        _ parameter: inout Double, first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>,
        direction g: Double
    ) -> Double {
        // square_avg.mul_(α).addcmul_(g, g, value=1-α): v·α + (1-α)·g·g, in that order.
        let v = second.pointee * alpha + (1 - alpha) * g * g
        second.pointee = v
        // param.addcdiv_(g, √v + ε, value=-lr): θ + (-lr)·g / (√v + ε).
        parameter += -learningRate * g / (v.squareRoot() + epsilon)
        // v = ∞ leaves θ finite (g/∞ = 0), so it is checked on its own.
        return v * 0
    }
}
