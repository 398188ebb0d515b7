import BackpropCore

/// `--headless --compare`: one trainer per optimizer, all from the same start and lr, stepped in
/// lockstep, and a CSV of their costs: `step,cost_sgd,cost_momentum,...`.
///
/// The trainers share nothing, so each column is exactly that optimizer's own run (a test checks
/// it against separate `--optimizer` runs). A runner that diverges (its cost, a parameter or its
/// state stops being finite) stops there, as its own run would: a row for that step shows its
/// cost (the other cells empty), and its cells are empty after it.
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

    /// Trains every runner to `steps` and writes the CSV.
    mutating func run(into output: inout OutputBuffer) {
        output.write((["step"] + runners.map { "cost_\($0.optimizer.name.rawValue)" }).joined(separator: ","))
        output.write(row(at: 0))
        var step = 0
        while step < steps && runners.contains(where: { !$0.hasDiverged }) {
            let next = min(steps, (step / every + 1) * every)
            for index in runners.indices { runners[index].run(steps: next - runners[index].stepCount) }
            // A runner that stopped inside the chunk gets the row of its last step, as its own
            // run would print it.
            let stops = Set(runners.map(\.stepCount).filter { $0 > step && $0 < next })
            for stop in stops.sorted() { output.write(row(at: stop)) }
            step = next
            output.write(row(at: step))
        }
        output.flush()
    }

    /// The row of `step`: each runner's cost if it is at that step, else an empty cell.
    private func row(at step: Int) -> String {
        let cells = runners.map { $0.stepCount == step ? $0.cost.description : "" }
        return "\(step)," + cells.joined(separator: ",")
    }
}
