/// The CSV `e` exports: every state `b` can still reach in the current run, oldest first, in the
/// columns of `--headless --format csv` followed by `lr` (the rate the next step uses),
/// `optimizer` (the rule the next step uses, with the hyperparameters it reads:
/// `adam beta1=0.9 beta2=0.999 epsilon=1e-8`), `optimizer_step` (the steps that rule has taken,
/// Adam's t) and `event` (how the row was reached from the one before), so a reader can replay
/// the run row by row: a `step` row is one step from the row before with that row's lr and
/// optimizer; `lr` and `edit` rows replace the lr or the parameters at the same step; an
/// `optimizer` row starts another rule afresh. The lists the rule keeps (buf, m, v) are not
/// columns: a replay re-creates them from the row where the rule started (a saved state, `w`,
/// carries them).
public struct ExportedTrace: Sendable {
    /// The whole file: the header and one line per state.
    public private(set) var text: String
    /// Rows below the header.
    public private(set) var rowCount = 0
    /// The step of the first row.
    public private(set) var firstStep = 0
    /// The step of the last row (the current state).
    public private(set) var lastStep = 0

    /// The states from the oldest `history` keeps to `trainer`, re-created by replay.
    public init(history: TrainingHistory, to trainer: Trainer) {
        let writer = TraceWriter(format: .csv)
        var lines = [ExportedTrace.header(for: trainer.network)]
        var before: TrainingState?
        var first: Int?
        history.replayAll(to: trainer) { state in
            let event = TraceEvent(from: before, to: state.state)
            lines.append(
                writer.line(for: state)
                    + ",\(state.learningRate.description),\(state.optimizer.plainSummary),"
                    + "\(state.state.optimizerState.step),\(event.rawValue)")
            before = state.state
            first = first ?? state.stepCount
        }
        text = lines.joined(separator: "\n") + "\n"
        rowCount = lines.count - 1
        firstStep = first ?? trainer.stepCount
        lastStep = trainer.stepCount
    }

    /// `--headless --format csv`'s header with `lr`, `optimizer`, `optimizer_step` and `event`
    /// after it.
    public static func header(for network: Network) -> String {
        TraceWriter.csvHeader(for: network) + ",lr,optimizer,optimizer_step,event"
    }
}
