import BackpropCore
import BackpropUI
import CursesBackend

/// `--headless --landscape x,y`: train the steps, then print the cost over the grid the
/// visualiser's Landscape pane would draw for that pair (its window at zoom 0, fitted around the
/// path of the last states and the next step) as CSV: `x,y,cost`, one line per cell centre, x
/// varying fastest, from the lowest y up.
///
/// The steps run in chunks (`StepChunks`) between looks for a signal; the grid's rows are made
/// one at a time between the same looks, so Ctrl-C stops a large grid too.
struct HeadlessLandscape {
    var trainer: Trainer
    let x: ParameterIndex
    let y: ParameterIndex
    let steps: Int
    let columns: Int
    let rows: Int

    /// Why the run ended without its grid, if it did.
    enum Ending: Equatable {
        case completed
        case diverged(step: Int)
        case interrupted(HeadlessInterruption)
    }

    /// Trains, then writes the grid; returns how it ended.
    mutating func run(into output: inout OutputBuffer) -> Ending {
        var trail = ParameterTrail(parameterCount: trainer.network.parameters.count)
        trail.record(trainer.network, step: trainer.stepCount)
        var chunks = StepChunks()
        while trainer.stepCount < steps && !trainer.hasDiverged {
            if let signal = QuitSignals.pending { return .interrupted(.signal(signal)) }
            let taken = trainer.run(steps: min(steps - trainer.stepCount, chunks.size), observer: &trail)
            chunks.finished(steps: taken, now: SystemClock.process.nanoseconds)
        }
        if trainer.hasDiverged { return .diverged(step: trainer.stepCount) }
        let path = DescentPath(of: x, y, to: trainer, along: trail)
        var landscape = Landscape(x: x, y: y, window: path.window(zoom: 0), columns: columns, rows: rows)
        let network = trainer.network
        output.write(Landscape.csvHeader(xName: network.traceName(of: x), yName: network.traceName(of: y)))
        while !landscape.isFinished {
            if let signal = QuitSignals.pending { return .interrupted(.signal(signal)) }
            if let failure = output.failure { return .interrupted(.output(failure)) }
            let row = landscape.rowsMade
            landscape.computeNextRow(with: trainer)
            for column in 0..<columns { output.write(landscape.csvLine(column: column, row: row)) }
        }
        output.flush()
        if let failure = output.failure { return .interrupted(.output(failure)) }
        return .completed
    }
}
