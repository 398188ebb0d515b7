/// A clock that only moves forward, in nanoseconds from an arbitrary start. The main loop asks
/// it how much time has passed; tests inject a fake one so timing is tested without waiting.
public protocol MonotonicClock {
    /// Nanoseconds since the clock's own start.
    var nanoseconds: UInt64 { get }
}
