/// Receives the cost of every state a run passes through, without the trainer allocating.
///
/// The UI's cost curve and the headless trace writer conform; `Trainer.run` calls `record` once
/// per step: `record(step:cost:)` on the article's path (every sample, no split, no penalty), and
/// `record(_:)` with a `StepReport` when the run uses mini-batches, a test split or a penalty.
public protocol CostObserver {
    /// The state after `step` steps has cost `cost`.
    mutating func record(step: Int, cost: Double)
    /// Everything a step of a run with mini-batches, a split or a penalty reports; by default
    /// only its cost reaches `record(step:cost:)`.
    mutating func record(_ report: StepReport)
    /// Whether the observer wants the report of step `step` (by default every one). A run with
    /// mini-batches skips, for a step whose report nobody wants, the forward passes over every
    /// training and test sample that only the report needs, so a step costs in proportion to its
    /// batch. The last step of a run, and a step it stops at, are always made and reported.
    func wantsReport(afterStep step: Int) -> Bool
    /// Whether the observer keeps the parameters after every step (`record(parameters:afterStep:)`);
    /// by default not, and a run then spends one test a step on it.
    var wantsParameters: Bool { get }
    /// Every parameter after step `step`, in `Network.parameters`' order, valid only during the
    /// call: the path of descent (`ParameterTrail`). Called after every step when
    /// `wantsParameters`, whether or not its report is wanted.
    mutating func record(parameters: UnsafeBufferPointer<Double>, afterStep step: Int)
}

extension CostObserver {
    /// Every step's report.
    public func wantsReport(afterStep step: Int) -> Bool { true }

    /// No parameters are kept.
    public var wantsParameters: Bool { false }

    /// Keeps nothing.
    public mutating func record(parameters: UnsafeBufferPointer<Double>, afterStep step: Int) {}

    /// Passes the step's cost to `record(step:cost:)`.
    public mutating func record(_ report: StepReport) {
        record(step: report.step, cost: report.cost)
    }
}

/// An observer that ignores everything: the plain fast path.
public struct IgnoringCostObserver: CostObserver {
    /// An observer that ignores every cost.
    public init() {}
    /// Does nothing, and inlines to nothing.
    @inline(__always)
    public mutating func record(step: Int, cost: Double) {}
    /// Does nothing.
    @inline(__always)
    public mutating func record(_ report: StepReport) {}
    /// No report is wanted.
    public func wantsReport(afterStep step: Int) -> Bool { false }
}
