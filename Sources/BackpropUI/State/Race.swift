import BackpropCore

/// Optimizers racing from one state in lockstep (`R`, or `--compare`): the run on screen
/// (lane 0: `AppState.trainer` and its cost curve) and up to four others, each a copy of the
/// state the race started from under its own update rule (same hyperparameters and lr, its state
/// afresh).
///
/// Every step the run on screen takes (`s`, the walk's step, running at any speed), every other
/// runner takes too; they share nothing, so each is exactly its own run. A runner whose cost
/// stops being finite stops there while the others go on. Anything else that changes the run
/// (an lr, an edit, `o`, `b`, `x`, `d`) ends the race: the others could not follow it.
public struct Race: Equatable, Sendable {
    /// The runners after the run on screen, lanes 1 and up.
    public internal(set) var rivals: [RaceRunner]
    /// The step the race started at, where the rivals' curves begin.
    public let startStep: Int

    /// A race of `trainer` against copies of it under each of `names` (the rivals, in lane
    /// order; at most `RaceRunner.limit - 1`).
    init(from trainer: Trainer, against names: [OptimizerName]) {
        precondition(!names.isEmpty && names.count < RaceRunner.limit, "a race has 2 to 5 runners")
        rivals = names.enumerated().map { RaceRunner(from: trainer, named: $0.element, lane: $0.offset + 1) }
        startStep = trainer.stepCount
    }

    /// The rivals of a race run under `current`: the names of `--compare` when the program was
    /// started with it (`compared`), else sgd, momentum and adam, the classic three; without
    /// `current` itself, and no more than the race has room for.
    public static func rivalNames(for current: OptimizerName, compared: [OptimizerName]?) -> [OptimizerName] {
        let names = compared ?? [.sgd, .momentum, .adam]
        return Array(names.filter { $0 != current }.prefix(RaceRunner.limit - 1))
    }

    /// Up to `steps` steps for every rival, as the run on screen just took; returns the lanes
    /// whose cost stopped being finite in these steps (none, nearly always: no allocation).
    mutating func run(steps: Int) -> [Int] {
        var diverged: [Int] = []
        guard steps > 0 else { return diverged }
        for index in rivals.indices where !rivals[index].hasDiverged {
            rivals[index].run(steps: steps)
            if rivals[index].hasDiverged { diverged.append(rivals[index].lane) }
        }
        return diverged
    }
}
