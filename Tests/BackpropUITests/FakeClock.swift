import BackpropUI

/// A clock that moves only when told: the scripted screen moves it while "waiting", and
/// `tickPerRead` makes training at `max` speed take simulated time.
final class FakeClock: MonotonicClock {
    var now: UInt64 = 0
    var tickPerRead: UInt64 = 0

    var nanoseconds: UInt64 {
        defer { now += tickPerRead }
        return now
    }
}
