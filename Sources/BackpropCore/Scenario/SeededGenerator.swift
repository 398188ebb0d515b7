/// SplitMix64: a tiny, fully specified random generator, so `--seed 1` gives the same starting
/// weights on every machine and every Swift version (the standard library's generator is
/// neither seedable nor specified).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is determined by `seed` alone.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [-limit, limit), computed from the top 53 bits with exact arithmetic so it
    /// is the same everywhere (unlike `Double.random(in:using:)`, whose method may change).
    public mutating func symmetric(_ limit: Double) -> Double {
        let unit = Double(next() >> 11) * 0x1.0p-53
        return (unit * 2 - 1) * limit
    }
}
