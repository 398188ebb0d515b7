/// Keeps a running program at its speed by the clock, not by counting frames: 1 step per second
/// is one step each second however often the loop wakes. The first step comes at once, so `r`
/// answers immediately even at 1 step per second.
struct RunPacer {
    private var anchor: UInt64 = 0
    private var stepsSinceAnchor = 0

    /// Starts counting again from `now` (on run, pause and speed changes).
    mutating func restart(at now: UInt64) {
        anchor = now
        stepsSinceAnchor = 0
    }

    /// Steps owed at `now` for `stepsPerSecond`, counted as taken. After a long stall (the
    /// program was suspended) it owes at most one second's worth and starts counting afresh,
    /// rather than racing to catch up.
    mutating func takeDueSteps(at now: UInt64, stepsPerSecond: Int) -> Int {
        let elapsed = now >= anchor ? now - anchor : 0
        // Double keeps this exact for months of nanoseconds and cannot overflow.
        let owed = Int((Double(elapsed) * Double(stepsPerSecond) / 1e9).rounded(.down)) + 1
        var due = owed - stepsSinceAnchor
        if due > stepsPerSecond {
            due = stepsPerSecond
            restart(at: now)
            stepsSinceAnchor = 1
            return due
        }
        due = max(0, due)
        stepsSinceAnchor += due
        return due
    }

    /// Milliseconds from `now` until the next step is owed (rounded up).
    func millisecondsToNextStep(at now: UInt64, stepsPerSecond: Int) -> Int {
        let next = anchor + UInt64(stepsSinceAnchor) * 1_000_000_000 / UInt64(stepsPerSecond)
        guard next > now else { return 0 }
        return Int((next - now + 999_999) / 1_000_000)
    }
}
