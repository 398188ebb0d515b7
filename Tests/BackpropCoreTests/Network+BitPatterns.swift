import BackpropCore

extension Network {
    /// Every parameter's exact bits, in storage order: `==` on `Double` would call 0 and -0
    /// equal, and "exact" in these tests means bit for bit.
    var bitPatterns: [UInt64] {
        parameters.map(\.bitPattern)
    }
}
