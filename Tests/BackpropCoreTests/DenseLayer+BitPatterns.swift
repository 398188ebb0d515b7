import BackpropCore

extension DenseLayer {
    /// Every parameter's exact bits, W row-major then b: `==` on `Double` would call 0 and -0
    /// equal, and "exact" in these tests means bit for bit.
    var bitPatterns: [UInt64] {
        (weights.elements + bias).map(\.bitPattern)
    }
}
