import BackpropCore

/// One matrix of a formula in matrix form, with the sign that joins it to the term before it:
/// the result, then its operands (`a¹ = x W¹ + b¹` has the terms a¹, x, W¹ and "+" b¹).
struct MatrixTerm: Equatable, Sendable {
    /// What stands before the matrix when the numbers are drawn side by side: "=" after the
    /// result, "" for a matrix product, "+", "-", "⊙".
    let sign: String
    /// The matrix's name as the formula writes it: "a¹", "(h¹)ᵀ", "ŷ".
    let name: String
    /// Its numbers, rows as the formula's shapes say.
    let matrix: Matrix
    /// Whether the numbers are data (inputs, targets), written as the data writes them.
    var isData = false
}
