/// The real monotonic clock (`ContinuousClock`): unaffected by changes of the wall-clock time.
public struct SystemClock: MonotonicClock, Sendable {
    private let start = ContinuousClock.now

    /// A clock starting now.
    public init() {}

    /// Nanoseconds since this clock was made.
    public var nanoseconds: UInt64 {
        let elapsed = (ContinuousClock.now - start).components
        return UInt64(max(0, elapsed.seconds)) * 1_000_000_000 + UInt64(max(0, elapsed.attoseconds) / 1_000_000_000)
    }
}
