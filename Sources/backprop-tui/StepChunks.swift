import BackpropUI

/// How many steps a headless run takes between looks at the world (a signal, the output): as
/// many as take about `target`, learned from the chunks before.
///
/// The run path is fastest in long uninterrupted runs, and a look costs a clock read; but a
/// run of 10¹² steps with `--every 1000000000` must still answer Ctrl-C or a closed pipe within
/// a tenth of a second. Chunks start at one step (a step of the largest network allowed can
/// take a good part of a second), double while they are quick and shrink at once when slow.
struct StepChunks {
    /// The time a chunk should take, in nanoseconds.
    static let target: UInt64 = 20_000_000
    /// The most steps a chunk takes, however fast they are.
    static let largest = 1 << 40

    /// Steps in the next chunk.
    private(set) var size = 1
    private var start = SystemClock.process.nanoseconds

    /// After a chunk of `steps` steps (fewer than `size` when a printed step cut it short),
    /// ending at `now`: the next chunk's size, from the time per step this one took.
    mutating func finished(steps: Int, now: UInt64) {
        let elapsed = max(now &- start, 1)
        start = now
        guard steps > 0 else { return }
        let fitting = Double(steps) * Double(StepChunks.target) / Double(elapsed)
        // Grow by at most twice a chunk (one quick chunk may be luck), shrink at once.
        size = Int(max(1, min(fitting, Double(min(size * 2, StepChunks.largest)))))
    }
}
