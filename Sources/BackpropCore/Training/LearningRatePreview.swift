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
    /// The rates to try, in order.
    public let rates: [Double]
    /// One entry per rate tried so far, in the order of `rates`: all of them once complete.
    public private(set) var entries: [Entry]

    /// Tries every rate in `rates` from `trainer`'s state.
    public init(at trainer: Trainer, rates: [Double]) {
        self.init(at: trainer, nextStep: trainer.nextStep(), rates: rates)
    }

    /// The same, from `nextStep`, the trace of `trainer.nextStep()` a caller already has (the
    /// UI computes it once per frame for the gradient pane).
    public init(at trainer: Trainer, nextStep trace: StepTrace, rates: [Double]) {
        self.init(pendingAt: trainer, rates: rates)
        while !isComplete { tryNext(at: trainer, nextStep: trace) }
    }

    /// A preview of `rates` from `trainer`'s state with none tried yet: each
    /// `tryNext(at:nextStep:)` tries one, in order. Each costs a pass over the data (a step with
    /// another rule than sgd), so a screen shows the rates tried and carries on between frames.
    public init(pendingAt trainer: Trainer, rates: [Double]) {
        currentCost = trainer.cost
        self.rates = rates
        entries = []
        entries.reserveCapacity(rates.count)
    }

    /// Whether every rate is tried.
    public var isComplete: Bool { entries.count == rates.count }

    /// Tries the first rate not yet tried, from `trainer` (the trainer this preview was made
    /// for) and `trace`, its `nextStep()`. Does nothing when every rate is tried.
    ///
    /// With sgd the gradient is the trace's; each rate then costs one forward pass over the data
    /// in place (`Trainer.cost(of:)`), not a copy of the trainer. The update is written exactly as
    /// the kernel writes it (θ - lr · step, for every parameter of every layer), so each cost is
    /// the very one `step()` would reach. Another rule's step is its own arithmetic (buf, m and v,
    /// which do not depend on lr, then lr times what they make), so each rate takes that step on
    /// a copy of the trainer: the same cost `step()` would reach, bit for bit.
    public mutating func tryNext(at trainer: Trainer, nextStep trace: StepTrace) {
        guard !isComplete else { return }
        let rate = rates[entries.count]
        entries.append(Self.entry(rate: rate, at: trainer, nextStep: trace))
    }

    private static func entry(rate: Double, at trainer: Trainer, nextStep trace: StepTrace) -> Entry {
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
        var k = 0
        for layer in trace.layers {
            for step in layer.weightStep.elements {
                network.parameters[k] -= rate * step
                k += 1
            }
            for step in layer.biasStep {
                network.parameters[k] -= rate * step
                k += 1
            }
        }
        let cost = trainer.cost(of: network)
        return Entry(learningRate: rate, cost: cost, raisesCost: !(cost <= trainer.cost))
    }
}
