import BackpropCore

/// Random test data from the core's own `SeededGenerator` (SplitMix64, fully specified), so the
/// random scenarios of these tests are the same on every machine and every Swift version: the
/// standard library's generators and `random(in:using:)` algorithms promise neither.
extension SeededGenerator {
    /// A number in `range`, from the top 53 bits, so every value is exact and reproducible.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) * 0x1p-53
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }

    /// An integer in `range`; the modulo bias is irrelevant for ranges this small.
    mutating func integer(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A `rows` x `columns` list of rows with entries in `range`.
    mutating func rows(_ rows: Int, _ columns: Int, in range: ClosedRange<Double>) -> [[Double]] {
        (0..<rows).map { _ in (0..<columns).map { _ in uniform(range) } }
    }

    /// Any finite `Double`, subnormals, zeros of both signs and the extremes included: the
    /// values most likely to break a text round trip.
    mutating func anyFiniteDouble() -> Double {
        while true {
            let value = Double(bitPattern: next())
            if value.isFinite { return value }
        }
    }
}
