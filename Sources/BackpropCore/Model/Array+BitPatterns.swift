extension Array where Element == Double {
    /// Whether both arrays hold the same numbers bit for bit: NaN equals a NaN of the same bits,
    /// and 0.0 differs from -0.0.
    ///
    /// The values of this program compare this way: a state that diverged to NaN is still the
    /// same state as itself (a checkpoint, a render cache, a test of the whole state after an
    /// action), which `==` on `Double` would deny.
    public func hasSameBits(as other: [Double]) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBufferPointer { left in
            other.withUnsafeBufferPointer { right in
                // Shared storage (a copy not yet written to) is the same numbers.
                if left.baseAddress == right.baseAddress { return true }
                for index in 0..<left.count where left[index].bitPattern != right[index].bitPattern {
                    return false
                }
                return true
            }
        }
    }
}
