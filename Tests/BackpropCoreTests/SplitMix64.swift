/// A tiny, fully specified pseudo-random generator (Steele, Lea and Flood's SplitMix64), so the
/// random scenarios of these tests are the same on every machine and every Swift version: the
/// standard library's generators and `random(in:using:)` algorithms promise neither.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
