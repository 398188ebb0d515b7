/// The CSV `e` exports: every state `b` can still reach in the current run, oldest first, in the
/// columns of `--headless --format csv` followed by `lr` (the rate the next step uses) and
/// `event` (how the row was reached from the one before), so a reader can replay the run row by
/// row: a `step` row is one step from the row before at that row's lr; `lr` and `edit` rows
/// replace the lr or the parameters at the same step.
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
            lines.append(writer.line(for: state) + ",\(state.learningRate.description),\(event.rawValue)")
            before = state.state
            first = first ?? state.stepCount
        }
        text = lines.joined(separator: "\n") + "\n"
        rowCount = lines.count - 1
        firstStep = first ?? trainer.stepCount
        lastStep = trainer.stepCount
    }

    /// `--headless --format csv`'s header with `lr` and `event` after it.
    public static func header(for network: Network) -> String {
        TraceWriter.csvHeader(for: network) + ",lr,event"
    }
}
