/// What led to a row of an exported trace from the row before it: the `event` column.
///
/// The export is the line of states `b` can still reach, which has no branches (going back
/// drops the states after it once something new is done), so a row is reached from the one
/// before it in one of only these ways. A reset or a new scenario starts a new run, and the
/// export is of one run, so neither appears.
public enum TraceEvent: String, Sendable, CaseIterable {
    /// The first row: the state the replay starts from (step 0, unless the run is longer than
    /// the history keeps).
    case start
    /// One gradient-descent step from the row before, with the row before's lr.
    case step
    /// The same step and parameters as the row before, with another lr (`+`, `-`, `l`).
    case lr
    /// The same step as the row before, with a weight or bias typed in (Enter).
    case edit
    /// The same step and parameters as the row before, with another optimizer (`o`), whose
    /// state starts afresh.
    case optimizer
    /// The same step and parameters as the row before, with another batch size (`B`).
    case batch
    /// The same step and parameters as the row before, with another penalty or λ (`L`, `{`, `}`).
    case penalty

    /// The event that leads from `before` to `after`; `start` when there is no row before.
    /// Parameters are compared bit for bit, so a NaN left as it was is no edit.
    public init(from before: TrainingState?, to after: TrainingState) {
        guard let before else {
            self = .start
            return
        }
        if after.stepCount != before.stepCount {
            self = .step
        } else if after.optimizer != before.optimizer {
            self = .optimizer
        } else if after.batchSize != before.batchSize {
            self = .batch
        } else if after.penalty != before.penalty {
            self = .penalty
        } else if !after.network.parameters.elementsEqual(
            before.network.parameters, by: { $0.bitPattern == $1.bitPattern })
        {
            self = .edit
        } else {
            self = .lr
        }
    }
}
