/// Receives the cost of every state a run passes through, without the trainer allocating.
///
/// The UI's cost curve and the headless trace writer conform; `Trainer.run` calls `record` once
/// per step with the step number and the cost of the state after that step.
public protocol CostObserver {
    /// The state after `step` steps has cost `cost`.
    mutating func record(step: Int, cost: Double)
}

/// An observer that ignores everything: the plain fast path.
public struct IgnoringCostObserver: CostObserver {
    /// An observer that ignores every cost.
    public init() {}
    /// Does nothing, and inlines to nothing.
    @inline(__always)
    public mutating func record(step: Int, cost: Double) {}
}
