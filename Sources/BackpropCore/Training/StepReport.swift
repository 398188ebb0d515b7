/// What a run tells a `CostObserver` after each step of a run that uses mini-batches, a test
/// split or a penalty. (A run that uses none of them calls `record(step:cost:)` alone.)
public struct StepReport {
    /// The step's number: the state after it has had this many steps.
    public let step: Int
    /// The epoch the step was part of, from 1.
    public let epoch: Int
    /// The data cost C over every training sample after the step (as `Trainer.cost`).
    public let cost: Double
    /// C over the test samples after the step, or nil without a test split.
    public let testCost: Double?
    /// C over the step's batch before the step (the cost the step descended); for a full
    /// batch, the cost over every training sample before the step.
    public let batchCost: Double
    /// The penalty's value after the step (0 without one).
    public let penalty: Double
    /// The samples the step used, in the order it used them, as positions in
    /// `Scenario.split.training`; nil: every training sample, in the data's order.
    public let batch: ArraySlice<Int>?

    /// A report from its parts; `Trainer.run` is the usual source.
    public init(
        step: Int, epoch: Int, cost: Double, testCost: Double?, batchCost: Double, penalty: Double,
        batch: ArraySlice<Int>?
    ) {
        self.step = step
        self.epoch = epoch
        self.cost = cost
        self.testCost = testCost
        self.batchCost = batchCost
        self.penalty = penalty
        self.batch = batch
    }
}
