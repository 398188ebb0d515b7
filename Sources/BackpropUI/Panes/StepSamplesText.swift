import BackpropCore

/// How the screen says which samples a step's sums run over: every sample, the training samples
/// of a split, or one mini-batch ("the 8 samples of batch 3/10"). The inspector, the walk, the
/// gradient check and the quiz say it the same way.
struct StepSamplesText: Equatable, Sendable {
    /// How many samples the step uses.
    let count: Int
    /// The step's epoch and batch.
    let position: BatchPosition
    /// Whether the step uses a mini-batch.
    let isMiniBatch: Bool
    /// Whether some samples are held out for the test and left out of every step.
    let leavesOutTest: Bool

    /// The wording for `trace`'s samples; `hasTest` says whether the scenario holds samples out.
    init(_ trace: StepTrace, hasTest: Bool) {
        count = trace.samples.count
        position = trace.position
        isMiniBatch = trace.isMiniBatch
        leavesOutTest = hasTest
    }

    /// "batch 3/10".
    var batch: String { "batch \(position.batch)/\(position.batches)" }

    /// "the 8 samples of batch 3/10", "the 80 training samples", "the 4 samples".
    var phrase: String {
        if isMiniBatch { return "the \(count) \(count == 1 ? "sample" : "samples") of \(batch)" }
        if leavesOutTest { return "the \(count) training \(count == 1 ? "sample" : "samples")" }
        return "the \(count) \(count == 1 ? "sample" : "samples")"
    }

    /// Whether the step's samples are not simply every sample, so the screen should say which.
    var isPartOfTheData: Bool { isMiniBatch || leavesOutTest }

    /// "batch 3/10", "training samples", or nil for every sample: a short form for titles.
    var short: String? {
        if isMiniBatch { return batch }
        if leavesOutTest { return "training samples" }
        return nil
    }
}
