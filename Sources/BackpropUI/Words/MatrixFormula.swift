/// One line of the matrix form of a step: the formula in matrix symbols, its shapes, the same
/// line in numpy, and the matrices whose numbers can be drawn beneath it.
///
/// `a¹ = x W¹ + b¹` has the shapes `[4×3] = [4×2][2×3] + [1×3]` (N rows a sample, the step's
/// own N), the numpy line `a1 = x @ W1 + b1`, and the terms a¹, x, W¹, b¹.
struct MatrixFormula: Equatable, Sendable {
    /// The formula in the screen's symbols: "a¹ = x W¹ + b¹".
    let math: String
    /// The shapes of its matrices, in the formula's order: "[4×3] = [4×2][2×3] + [1×3]".
    let shapes: String
    /// The same computation in numpy, with the names a script of the step uses: "a1 = x @ W1 + b1".
    let numpy: String
    /// The result first, then the operands, whose numbers can be drawn beneath the line.
    let terms: [MatrixTerm]

    /// The formula and its shapes on one line, `gap` apart.
    func line(gap: String = "   ") -> String { "\(math)\(gap)\(shapes)" }
}
