import BackpropCore

/// A run with no terminal: train, and print the trace to stdout.
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
    }

    /// Trains and writes the trace; returns how the run ended.
    mutating func run(into output: inout OutputBuffer) -> Ending {
        let writer = TraceWriter(format: format)
        writer.header(for: trainer, name: name).forEach { output.write($0) }
        output.write(writer.line(for: trainer))
        var ending = Ending.completed
        // A cost already infinite at step 0 (numbers near the largest double) cannot be trained
        // from: the trainer takes no step, and the run must not print step 0 a second time.
        if trainer.hasDiverged {
            ending = .diverged(step: 0)
        } else if let untilCost, trainer.cost <= untilCost {
            ending = .reachedCost(step: 0)
        }
        var observer = IgnoringCostObserver()
        while ending == .completed && trainer.stepCount < steps {
            // Run straight to the next printed step; the fast path needs no per-step callback.
            let nextPrinted = min(steps, (trainer.stepCount / every + 1) * every)
            trainer.run(
                steps: nextPrinted - trainer.stepCount, observer: &observer, stopAtCost: untilCost ?? -.infinity)
            if trainer.hasDiverged {
                ending = .diverged(step: trainer.stepCount)
            } else if let untilCost, trainer.cost <= untilCost {
                ending = .reachedCost(step: trainer.stepCount)
            }
            output.write(writer.line(for: trainer))
        }
        writer.footer(for: trainer).forEach { output.write($0) }
        output.flush()
        return ending
    }
}
