import BackpropCore
import BackpropUI
import CursesBackend

/// A run with no terminal: train, and print the trace to stdout.
///
/// The steps run in chunks of about 20 ms (`StepChunks`), cut at every printed step; between
/// chunks the run looks for a signal (`QuitSignals`) and at the output (`OutputBuffer.tend`),
/// so Ctrl-C, `kill` or a closed pipe is answered within a chunk however large `--steps` and
/// `--every` are, at no cost per step.
struct HeadlessRun {
    var trainer: Trainer
    let name: String
    let steps: Int
    let every: Int
    let format: TraceFormat
    /// Stop at the first step whose cost is <= this.
    let untilCost: Double?

    /// Why the run ended before `steps`, if it did.
    enum Ending: Equatable {
        case completed
        case reachedCost(step: Int)
        case diverged(step: Int)
        /// A signal or the output stopped it (the trace ends at the step it reached).
        case interrupted(HeadlessInterruption)
    }

    /// Trains and writes the trace; returns how the run ended. A signal ends it with the line
    /// of the step it reached and the footer, all flushed; an output that fails ends it at once.
    ///
    /// With mini-batches, or a split or a penalty, the lines carry `TraceColumns`; only
    /// mini-batches need an observer (for the `batch` column), so every other run keeps the fast
    /// path's observer that inlines to nothing.
    mutating func run(into output: inout OutputBuffer) -> Ending {
        let columns = TraceColumns(trainer: trainer)
        guard let size = trainer.miniBatchSize else {
            var observer = IgnoringCostObserver()
            return run(into: &output, columns: columns, observer: &observer) { _ in [] }
        }
        var observer = LatestBatchObserver(capacity: size)
        let split = trainer.scenario.split
        return run(into: &output, columns: columns, observer: &observer) { $0.indices(in: split) }
    }

    /// `run(into:)` with `observer` watching the steps and `batch` reading from it the samples
    /// of the latest step for the line.
    private mutating func run<Observer: CostObserver>(
        into output: inout OutputBuffer, columns: TraceColumns, observer: inout Observer,
        batch: (Observer) -> [Int]
    ) -> Ending {
        let writer = TraceWriter(format: format, columns: columns)
        writer.header(for: trainer, name: name).forEach { output.write($0) }
        output.write(writer.line(for: trainer))
        // Out at once: an output that cannot be written stops the run before it computes.
        output.flush()
        var ending = Ending.completed
        // A cost already infinite at step 0 (numbers near the largest double) cannot be trained
        // from: the trainer takes no step, and the run must not print step 0 a second time.
        if trainer.hasDiverged {
            ending = .diverged(step: 0)
        } else if let untilCost, trainer.cost <= untilCost {
            ending = .reachedCost(step: 0)
        }
        var printed = trainer.stepCount
        var chunks = StepChunks()
        while ending == .completed && trainer.stepCount < steps {
            if let failure = output.failure {
                ending = .interrupted(.output(failure))
                break
            }
            if let signal = QuitSignals.pending {
                ending = .interrupted(.signal(signal))
                break
            }
            // Run towards the next printed step; the fast path needs no per-step callback.
            let nextPrinted = min(steps, (trainer.stepCount / every + 1) * every)
            let taken = trainer.run(
                steps: min(nextPrinted - trainer.stepCount, chunks.size), observer: &observer,
                stopAtCost: untilCost ?? -.infinity)
            let now = SystemClock.process.nanoseconds
            chunks.finished(steps: taken, now: now)
            if trainer.hasDiverged {
                ending = .diverged(step: trainer.stepCount)
            } else if let untilCost, trainer.cost <= untilCost {
                ending = .reachedCost(step: trainer.stepCount)
            }
            if ending != .completed || trainer.stepCount == nextPrinted {
                output.write(writer.line(for: trainer, batch: batch(observer)))
                printed = trainer.stepCount
            }
            output.tend(now: now)
        }
        if case .interrupted(.output) = ending { return ending }
        // Stopped by a signal between printed steps: the step it reached is the trace's last.
        if printed != trainer.stepCount { output.write(writer.line(for: trainer, batch: batch(observer))) }
        writer.footer(for: trainer).forEach { output.write($0) }
        output.flush()
        if case .interrupted = ending { return ending }
        if let failure = output.failure { return .interrupted(.output(failure)) }
        return ending
    }
}
