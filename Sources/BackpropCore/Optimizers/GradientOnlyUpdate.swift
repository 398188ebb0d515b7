/// A rule that moves nothing: the backward pass run with it leaves every gradient in the
/// workspace and every parameter and optimizer state as it was. `Trainer.gradientNorms()` uses
/// it to measure the gradient the next step would feed its optimizer, at the cost of one
/// backward pass instead of a whole traced step.
struct GradientOnlyUpdate: UpdateRule {
    @inline(__always)
    func at(step t: Int) -> GradientOnlyUpdate { self }

    @inline(__always)
    func update(
        _ parameter: inout Double, first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>,
        direction g: Double
    ) -> Double {
        -0.0
    }
}
