/// Steps, running, speed, the learning rate and the optimizer.
public enum TrainingAction: Equatable, Hashable, Sendable {
    /// One step (`s`).
    case step
    /// Start running (`r`).
    case run
    /// Stop running (`p`).
    case pause
    /// Run or pause (Space).
    case toggleRun
    /// Take up to `steps` steps on the fast path: what the main loop does while running.
    case advance(steps: Int)
    /// Run speed one rung up (`]`).
    case speedUp
    /// Run speed one rung down (`[`).
    case speedDown
    /// lr one rung up the 1-2-5 ladder (`+`, `=`); `b` undoes it.
    case learningRateUp
    /// lr one rung down the ladder (`-`); `b` undoes it.
    case learningRateDown
    /// The next update rule, its state afresh (`o`); `b` undoes it.
    case cycleOptimizer
    /// The next batch size, 1 2 4 8 … every training sample, then 1 again (`B`); `b` undoes it.
    case cycleBatchSize
    /// The next penalty: none → L1 → L2 → none (`L`); `b` undoes it.
    case cyclePenalty
    /// λ one rung up the penalty's ladder (`}`); `b` undoes it.
    case penaltyStrengthUp
    /// λ one rung down the penalty's ladder (`{`); `b` undoes it.
    case penaltyStrengthDown
}
