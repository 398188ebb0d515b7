/// The states a history can re-create, one at a time, re-created by the same deterministic
/// steps training took: work over them can stop between any two states and go on later (the
/// export `e` writes a few rows between frames), and `TrainingHistory.replay(fromStep:to:_:)`
/// is a loop over it.
public struct HistoryReplay: Equatable, Sendable, IteratorProtocol {
    /// How many states the replay reports in all.
    public let count: Int
    /// The step of the first state.
    public let firstStep: Int
    /// How many states it has reported so far.
    public private(set) var reported = 0

    private let checkpoints: [TrainingState]
    /// Where the replay ends (its last state is this trainer's).
    private let end: Trainer
    /// The last state reported, stepped on from there.
    private var current: Trainer
    /// The checkpoint whose segment is being replayed.
    private var segment = 0
    /// Steps left in the segment; `nil` before the segment's checkpoint is reported.
    private var stepsLeft: Int?

    /// A replay of the states `history` can re-create up to `trainer`, from the last checkpoint
    /// at or before step `first` (the oldest if none is; by default the oldest).
    public init(history: TrainingHistory, fromStep first: Int = .min, to trainer: Trainer) {
        checkpoints = history.checkpoints
        end = trainer
        current = trainer
        segment = checkpoints.lastIndex { $0.stepCount <= first } ?? 0
        firstStep = checkpoints.isEmpty ? trainer.stepCount : checkpoints[segment].stepCount
        var total = checkpoints.isEmpty ? 1 : 0
        for index in checkpoints.indices where index >= segment {
            total += 1 + HistoryReplay.steps(after: index, checkpoints, trainer)
        }
        count = total
    }

    /// The next state, or `nil` once the trainer the replay ends at has been reported.
    public mutating func next() -> Trainer? {
        guard reported < count else { return nil }
        reported += 1
        if checkpoints.isEmpty { return end }
        if let left = stepsLeft, left > 0 {
            current.run(steps: 1)
            stepsLeft = left - 1
            return current
        }
        if stepsLeft != nil { segment += 1 }
        current.restore(checkpoints[segment])
        stepsLeft = HistoryReplay.steps(after: segment, checkpoints, end)
        return current
    }

    /// The states segment `index` reports after its checkpoint. The last step of a segment is
    /// the next checkpoint's step; that checkpoint reports it itself (possibly edited), so a
    /// segment stops one short of it. The last segment runs to the trainer.
    private static func steps(after index: Int, _ checkpoints: [TrainingState], _ trainer: Trainer) -> Int {
        let isLast = index + 1 == checkpoints.count
        let start = checkpoints[index].stepCount
        let count = isLast ? trainer.stepCount - start : checkpoints[index + 1].stepCount - start - 1
        return max(0, count)
    }
}
