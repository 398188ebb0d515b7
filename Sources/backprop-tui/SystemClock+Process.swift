import BackpropUI

extension SystemClock {
    /// One monotonic clock for the whole headless run: the step chunks and the output's flushes
    /// and polls measure their intervals on it.
    static let process = SystemClock()
}
