/// The way back: lets `b` return to every earlier state exactly, bit for bit, for at least the
/// last `minimumReach` steps, with memory that stays small however long training runs.
///
/// It keeps checkpoints, not every state. A checkpoint is a full `TrainingState` (every layer's W and b, step count, lr);
/// the states after it are re-created by re-running the (deterministic) steps from it. A
/// checkpoint is taken every `interval` steps and before anything that is not a plain step
/// (an lr change, an edited weight), so re-running never crosses such a change, and undoing
/// the change is just going back one state like any other.
public struct TrainingHistory: Equatable, Sendable {
    /// Steps between automatic checkpoints: at most this many steps are re-run to go back one.
    public let interval: Int
    /// How many steps back are always reachable (older checkpoints are dropped past this).
    public let minimumReach: Int
    private(set) var checkpoints: [TrainingState] = []
    /// The most checkpoints ever kept.
    static let hardLimit = 20_000

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

    /// Whether `trainer` has moved `interval` steps past the last checkpoint (or there is none).
    public func needsCheckpoint(_ trainer: Trainer) -> Bool {
        guard let last = checkpoints.last else { return true }
        return trainer.stepCount - last.stepCount >= interval
    }

    /// Steps the trainer may take before the next checkpoint is due: the UI runs in chunks of at
    /// most this, so a checkpoint never falls inside a chunk.
    public func stepsUntilCheckpoint(_ trainer: Trainer) -> Int {
        guard let last = checkpoints.last else { return 0 }
        return max(0, interval - (trainer.stepCount - last.stepCount))
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
        guard !checkpoints.isEmpty else {
            body(trainer)
            return
        }
        let start = checkpoints.lastIndex { $0.stepCount <= first } ?? 0
        for (index, checkpoint) in checkpoints.enumerated() where index >= start {
            let end = index + 1 < checkpoints.count ? checkpoints[index + 1].stepCount : trainer.stepCount
            var state = trainer
            state.restore(checkpoint)
            body(state)
            // The last step of a segment is the next checkpoint's step; that checkpoint reports
            // it itself (possibly edited), so a segment stops one short of it.
            let isLast = index + 1 == checkpoints.count
            let count = isLast ? end - checkpoint.stepCount : end - checkpoint.stepCount - 1
            for _ in 0..<max(0, count) {
                state.run(steps: 1)
                body(state)
            }
        }
    }

    private func replay(from checkpoint: TrainingState, steps: Int, on trainer: Trainer) -> Trainer {
        var state = trainer
        state.restore(checkpoint)
        state.run(steps: steps)
        return state
    }

    /// Drops the oldest checkpoints while the rest still reach `minimumReach` steps back.
    private mutating func trim() {
        guard let newest = checkpoints.last?.stepCount else { return }
        var drop = 0
        while checkpoints.count - drop > 2, newest - checkpoints[drop + 1].stepCount >= minimumReach,
            checkpoints.count - drop > 64
        {
            drop += 1
        }
        // However the checkpoints came (lr keys held down at one step), memory stays bounded.
        drop = max(drop, checkpoints.count - TrainingHistory.hardLimit)
        if drop > 0 { checkpoints.removeFirst(drop) }
    }
}
