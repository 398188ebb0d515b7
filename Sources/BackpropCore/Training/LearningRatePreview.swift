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
    ///
    /// With sgd the gradient is computed once; each rate then costs one forward pass over the
    /// data in place (`Trainer.cost(of:)`), not a copy of the trainer. The update is written
    /// exactly as the kernel writes it (θ - lr · step, for every parameter of every layer), so
    /// each cost is the very one `step()` would reach. Another rule's step is its own arithmetic
    /// (buf, m and v, which do not depend on lr, then lr times what they make), so each rate
    /// takes that step on a copy of the trainer: the same cost `step()` would reach, bit for bit.
    public init(at trainer: Trainer, rates: [Double]) {
        self.init(at: trainer, nextStep: trainer.nextStep(), rates: rates)
    }

    /// The same, from `nextStep`, the trace of `trainer.nextStep()` a caller already has (the
    /// UI computes it once per frame for the gradient pane).
    public init(at trainer: Trainer, nextStep trace: StepTrace, rates: [Double]) {
        currentCost = trainer.cost
        let steps = trace.parameterStep
        entries = rates.map { rate in
            // Rates come from the UI's ladder, all finite and > 0; any other is shown as NaN.
            guard (try? Scenario.checkLearningRate(rate)) != nil else {
                return Entry(learningRate: rate, cost: .nan, raisesCost: true)
            }
            guard trainer.optimizer.name == .sgd else {
                var copy = trainer
                try? copy.setLearningRate(rate)
                copy.run(steps: 1)
                return Entry(learningRate: rate, cost: copy.cost, raisesCost: !(copy.cost <= trainer.cost))
            }
            var network = trace.networkBefore
            for (k, step) in zip(network.parameters.indices, steps) {
                network.parameters[k] -= rate * step
            }
            let cost = trainer.cost(of: network)
            return Entry(learningRate: rate, cost: cost, raisesCost: !(cost <= trainer.cost))
        }
    }
}
