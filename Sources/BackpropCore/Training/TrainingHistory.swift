/// The way back: lets `b` return to every earlier state exactly, bit for bit, for at least the
/// last `minimumReach` steps (as far as `memoryLimit` allows), with memory that stays small
/// however long training runs.
///
/// It keeps checkpoints, not every state. A checkpoint is a full `TrainingState` (every layer's W and b, step count, lr);
/// the states after it are re-created by re-running the (deterministic) steps from it. A
/// checkpoint is taken every `interval(for:)` steps and before anything that is not a plain step
/// (an lr change, an edited weight), so re-running never crosses such a change, and undoing
/// the change is just going back one state like any other.
///
/// Both costs follow the network's size. Going back one step re-runs up to an interval of steps,
/// so the interval is shorter for a step that does more work (`replayWork`): `b` takes about a
/// frame whatever the network. And the checkpoints kept are as many as fit in `memoryLimit`, so
/// a network of a million parameters keeps a few dozen, and the reach is what they span.
public struct TrainingHistory: Equatable, Sendable {
    /// The most steps between automatic checkpoints: at most this many steps are re-run to go
    /// back one. A step that does much work gets a shorter interval (`interval(for:)`).
    public let interval: Int
    /// How many steps back are always reachable while memory allows (older checkpoints are
    /// dropped past this, or past `memoryLimit`).
    public let minimumReach: Int
    private(set) var checkpoints: [TrainingState] = []
    /// The most checkpoints ever kept.
    static let hardLimit = 20_000
    /// The most memory the checkpoints take: 256 MB, about 32 checkpoints of a network of a
    /// million parameters (11 with Adam, which keeps m and v beside them).
    public static let memoryLimit = 256 << 20
    /// The most work, in samples times parameters (the work of one step is about one of each
    /// for each), that going back one step re-runs: about 40 ms of a release build, measured
    /// at 5 to 10 ns a sample-parameter.
    public static let replayWork = 4_000_000

    /// An empty history; the first `record` starts it.
    public init(interval: Int = 1000, minimumReach: Int = 10_000) {
        precondition(interval > 0 && minimumReach > 0)
        self.interval = interval
        self.minimumReach = minimumReach
    }

    /// Forgets everything (reset, a new scenario).
    public mutating func clear() {
        checkpoints.removeAll(keepingCapacity: true)
    }

    /// Whether there is a state to go back to from `trainer`.
    public func canGoBack(from trainer: Trainer) -> Bool {
        guard let last = checkpoints.last else { return false }
        return trainer.stepCount > last.stepCount || checkpoints.count > 1
    }

    /// Saves `trainer` as a checkpoint. Call it before an lr change or an edit (with the state
    /// as it is before the change) and after it (the changed state), and whenever
    /// `needsCheckpoint` says so. Recording the same state twice in a row keeps one copy.
    public mutating func record(_ trainer: Trainer) {
        if let last = checkpoints.last, last == trainer.state { return }
        checkpoints.append(trainer.state)
        trim()
    }

    /// Steps between automatic checkpoints for `trainer`: `interval`, or fewer when that many
    /// of its steps are more than `replayWork` (one at least, a checkpoint every step).
    public func interval(for trainer: Trainer) -> Int {
        TrainingHistory.interval(
            longest: interval, work: trainer.scenario.sampleCount * trainer.network.parameters.count)
    }

    /// The interval of at most `longest` steps whose replay stays within `replayWork`, for
    /// steps of `work` samples times parameters each.
    public static func interval(longest: Int, work: Int) -> Int {
        max(1, min(longest, replayWork / max(1, work)))
    }

    /// The checkpoints kept now.
    public var checkpointCount: Int { checkpoints.count }

    /// About the bytes the checkpoints take now.
    public var checkpointBytes: Int { checkpoints.reduce(0) { $0 + TrainingHistory.checkpointBytes($1) } }

    /// About the bytes one checkpoint of `state` takes: its parameters and its optimizer's
    /// numbers, 8 bytes each, and the rest of the value.
    public static func checkpointBytes(_ state: TrainingState) -> Int {
        let numbers =
            state.network.parameters.count + state.optimizerState.first.count
            + state.optimizerState.second.count
        return 8 * numbers + 8 * (state.network.sizes.count + state.network.activations.count) + 256
    }

    /// Whether `trainer` has moved `interval(for:)` steps past the last checkpoint (or there is
    /// none).
    public func needsCheckpoint(_ trainer: Trainer) -> Bool {
        guard let last = checkpoints.last else { return true }
        return trainer.stepCount - last.stepCount >= interval(for: trainer)
    }

    /// Steps the trainer may take before the next checkpoint is due: the UI runs in chunks of at
    /// most this, so a checkpoint never falls inside a chunk.
    public func stepsUntilCheckpoint(_ trainer: Trainer) -> Int {
        guard let last = checkpoints.last else { return 0 }
        return max(0, interval(for: trainer) - (trainer.stepCount - last.stepCount))
    }

    /// The state just before `trainer`'s, or nil at the start of the history. Exact: the same
    /// bits as when training passed through it.
    public mutating func goBack(from trainer: Trainer) -> Trainer? {
        guard let last = checkpoints.last else { return nil }
        if trainer.stepCount > last.stepCount {
            return replay(from: last, steps: trainer.stepCount - 1 - last.stepCount, on: trainer)
        }
        // The trainer is at the last checkpoint. If that checkpoint was made by an edit or an lr
        // change, the state before it is the unchanged state at the same step; if it only marks
        // a boundary in a run, the state before it is one step earlier.
        guard checkpoints.count > 1 else { return nil }
        let popped = checkpoints.removeLast()
        let previous = checkpoints[checkpoints.count - 1]
        let span = popped.stepCount - previous.stepCount
        let reached = replay(from: previous, steps: span, on: trainer)
        let isBoundary = reached.state == popped
        guard isBoundary else { return reached }
        return span > 0 ? replay(from: previous, steps: span - 1, on: trainer) : goBack(from: reached)
    }

    /// The states from the oldest checkpoint to `trainer`, in order, re-created by replay; the
    /// export of "the trace kept so far". Calls `body` once per state.
    public func replayAll(to trainer: Trainer, _ body: (Trainer) -> Void) {
        replay(fromStep: .min, to: trainer, body)
    }

    /// Like `replayAll`, but starts at the last checkpoint at or before `first` (the oldest if
    /// none is), so re-creating a few recent states replays only from near them: the UI
    /// rebuilds the end of its cost curve with this after `goBack`. States before `first` may
    /// still be reported (those between that checkpoint and `first`).
    public func replay(fromStep first: Int, to trainer: Trainer, _ body: (Trainer) -> Void) {
        var replay = HistoryReplay(history: self, fromStep: first, to: trainer)
        while let state = replay.next() { body(state) }
    }

    private func replay(from checkpoint: TrainingState, steps: Int, on trainer: Trainer) -> Trainer {
        var state = trainer
        state.restore(checkpoint)
        state.run(steps: steps)
        return state
    }

    /// Drops the oldest checkpoints while the rest still reach `minimumReach` steps back, and
    /// those past the memory's `capacity`.
    private mutating func trim() {
        guard let newestState = checkpoints.last else { return }
        let newest = newestState.stepCount
        var drop = 0
        while checkpoints.count - drop > 2, newest - checkpoints[drop + 1].stepCount >= minimumReach,
            checkpoints.count - drop > 64
        {
            drop += 1
        }
        // However the checkpoints came (lr keys held down at one step), memory stays bounded.
        drop = max(drop, checkpoints.count - TrainingHistory.hardLimit)
        // The newest checkpoints that fit in the memory limit (an optimizer change can make
        // them of different sizes), two at least.
        var bytes = 0
        var kept = 0
        for checkpoint in checkpoints.reversed() {
            bytes += TrainingHistory.checkpointBytes(checkpoint)
            if kept >= 2 && bytes > TrainingHistory.memoryLimit { break }
            kept += 1
        }
        drop = max(drop, checkpoints.count - kept)
        if drop > 0 { checkpoints.removeFirst(drop) }
    }
}
