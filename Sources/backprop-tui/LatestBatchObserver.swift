import BackpropCore

/// Keeps the samples of a run's latest step, for the trace's `batch` column: a headless run
/// prints only every `--every`-th step, and the trainer after a step no longer says which
/// samples it used.
///
/// Each step copies its batch's positions into room reserved once, so a run allocates nothing
/// per step for it (a batch is a few samples, and the step itself visits each of them).
struct LatestBatchObserver: CostObserver {
    /// The latest step's samples, as positions in `Scenario.split.training`, in the order used;
    /// empty before the first step.
    private(set) var positions: [Int] = []

    /// An observer with room for batches of up to `capacity` samples.
    init(capacity: Int) {
        positions.reserveCapacity(capacity)
    }

    /// A full-batch step of the article's path: nothing to keep (a run with mini-batches never
    /// takes it).
    mutating func record(step: Int, cost: Double) {}

    /// Keeps the step's batch in place of the one before.
    mutating func record(_ report: StepReport) {
        positions.removeAll(keepingCapacity: true)
        if let batch = report.batch { positions.append(contentsOf: batch) }
    }

    /// No step's report until the run's last, which every run reports: the headless run ends a
    /// run at every step it prints, so the steps between skip the passes over every sample.
    func wantsReport(afterStep step: Int) -> Bool { false }

    /// The latest step's samples as indices into the data as loaded.
    func indices(in split: DataSplit) -> [Int] {
        positions.map { split.training[$0] }
    }
}
