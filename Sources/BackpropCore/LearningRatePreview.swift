/// What one step would do to the cost for each of several learning rates, from the current
/// state, without taking it: shows a class where a learning rate starts to overshoot.
public struct LearningRatePreview: Equatable, Sendable {
    /// One candidate learning rate and the cost after one step with it.
    public struct Entry: Equatable, Sendable {
        /// The learning rate tried.
        public let learningRate: Double
        /// C after one step with it.
        public let cost: Double
        /// Whether that step would raise the cost above the current one (or make it non-finite).
        public let raisesCost: Bool
    }

    /// The current cost, for comparison.
    public let currentCost: Double
    /// One entry per learning rate, in the order given.
    public let entries: [Entry]

    /// Tries every rate in `rates` from `trainer`'s state.
    public init(at trainer: Trainer, rates: [Double]) {
        currentCost = trainer.cost
        entries = rates.map { rate in
            var copy = trainer
            // Rates come from the UI's ladder, all finite and > 0; any other is skipped as NaN.
            guard (try? copy.setLearningRate(rate)) != nil else {
                return Entry(learningRate: rate, cost: .nan, raisesCost: true)
            }
            copy.step()
            return Entry(learningRate: rate, cost: copy.cost, raisesCost: !(copy.cost <= trainer.cost))
        }
    }
}
