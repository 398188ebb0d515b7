/// How one parameter moves, given its update direction g (the gradient after the reduction).
///
/// The kernels are generic over the rule, so each rule's loop is compiled on its own and plain
/// gradient descent stays the one multiply-subtract it always was. A rule holds only numbers;
/// the kernel hands it the parameter's own slots of the optimizer's state (`OptimizerState`).
protocol UpdateRule {
    /// The rule made ready for step `t` of the optimizer's state (1 for its first step). A new
    /// value rather than a change in place: the loops keep it in a local constant, which the
    /// compiler holds in registers (a mutated one it reloads after every store through the
    /// parameters' pointers, which could alias it).
    func at(step t: Int) -> Self
    /// Moves `parameter` by its direction `g`, reading and writing the parameter's slot of
    /// `first` (buf or m) and `second` (v). A rule that keeps no such list never touches it.
    ///
    /// Returns the numbers it wrote to the optimizer's state that a non-finite value could hide
    /// in, times 0: ±0 when they are finite, NaN when one is not (∞·0 and NaN·0 are NaN). The
    /// kernel adds these up over a step, so that one test a step finds a state that overflowed.
    /// Only v needs it (v = ∞ makes a step of g/∞ = 0 and leaves θ finite): a non-finite buf or
    /// m makes θ non-finite too, and θ is checked by the forward pass (`LayerKernel
    /// .firstSampleCheck`). A rule with nothing to add returns -0, the additive identity, so
    /// its sum compiles to nothing.
    func update(
        _ parameter: inout Double, first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>,
        direction g: Double
    ) -> Double
}
