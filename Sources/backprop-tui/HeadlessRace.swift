import BackpropCore
import BackpropUI
import CursesBackend

/// `--headless --compare`: one trainer per optimizer, all from the same start and lr, stepped in
/// lockstep, and a CSV of their costs: `step,cost_sgd,cost_momentum,...`.
///
/// The trainers share nothing, so each column is exactly that optimizer's own run (a test checks
/// it against separate `--optimizer` runs). A runner that diverges (its cost, a parameter or its
/// state stops being finite) stops there, as its own run would: a row for that step shows its
/// cost (the other cells empty), and its cells are empty after it.
///
/// Like `HeadlessRun`, the steps run in chunks of about 20 ms, between which a signal or the
/// output can stop the race.
struct HeadlessRace {
    var runners: [Trainer]
    let steps: Int
    let every: Int

    /// Trainers for `names`, each `trainer` with its optimizer renamed (hyperparameters kept).
    init(trainer: Trainer, names: [OptimizerName], steps: Int, every: Int) {
        runners = names.map(trainer.under)
        self.steps = steps
        self.every = every
    }

    /// The runners that diverged, in runner order: each one's trainer, stopped at the step it
    /// diverged at.
    var diverged: [Trainer] { runners.filter(\.hasDiverged) }

    /// Trains every runner to `steps` and writes the CSV; returns what stopped it early, if
    /// anything did (a signal: the row of the step reached is written; the output: at once).
    mutating func run(into output: inout OutputBuffer) -> HeadlessInterruption? {
        output.write((["step"] + runners.map { "cost_\($0.optimizer.name.rawValue)" }).joined(separator: ","))
        output.write(row(at: 0))
        output.flush()
        var step = 0
        var printed = 0
        var interruption: HeadlessInterruption?
        var chunks = StepChunks()
        while step < steps && runners.contains(where: { !$0.hasDiverged }) {
            if let failure = output.failure { return .output(failure) }
            if let signal = QuitSignals.pending {
                interruption = .signal(signal)
                break
            }
            let nextPrinted = min(steps, (step / every + 1) * every)
            let next = min(nextPrinted, step + chunks.size)
            for index in runners.indices { runners[index].run(steps: next - runners[index].stepCount) }
            let now = SystemClock.process.nanoseconds
            chunks.finished(steps: next - step, now: now)
            // A runner that stopped in the chunk gets the row of its last step, as its own run
            // would print it, with only its cell (the others are not at that step, or are at a
            // step `--every` does not print).
            let stops = Set(runners.filter { $0.hasDiverged && $0.stepCount > step }.map(\.stepCount))
            step = next
            for stop in stops.sorted() where stop != nextPrinted {
                output.write(row(at: stop) { $0.hasDiverged })
            }
            if step == nextPrinted {
                output.write(row(at: step))
                printed = step
            }
            output.tend(now: now)
        }
        // Stopped by a signal between printed steps: the runners still going end at this row.
        // (When every runner has diverged, the last row is the last one's: no row of empty
        // cells follows.)
        if interruption != nil && printed != step { output.write(row(at: step) { !$0.hasDiverged }) }
        output.flush()
        if let interruption { return interruption }
        return output.failure.map { .output($0) }
    }

    /// The row of `step`: the cost of each runner at that step that `shows`, else an empty cell.
    private func row(at step: Int, showing shows: (Trainer) -> Bool = { _ in true }) -> String {
        let cells = runners.map { $0.stepCount == step && shows($0) ? $0.cost.description : "" }
        return "\(step)," + cells.joined(separator: ",")
    }
}
