import BackpropCore

/// Keeps the parameters of every step of a headless run's last states, for the path
/// `--landscape`'s window is fitted around, as the visualiser keeps them.
struct TrailObserver: CostObserver {
    /// The states kept, oldest first.
    private(set) var trail: ParameterTrail

    /// A trail that starts at `trainer`'s state.
    init(startingAt trainer: Trainer) {
        trail = ParameterTrail(parameterCount: trainer.network.parameters.count)
        trail.record(trainer.network, step: trainer.stepCount)
    }

    /// Costs are not kept.
    mutating func record(step: Int, cost: Double) {}

    /// No report is needed: only the parameters.
    func wantsReport(afterStep step: Int) -> Bool { false }

    /// Every step's parameters are kept.
    var wantsParameters: Bool { true }

    /// Keeps the parameters after `step`.
    mutating func record(parameters: UnsafeBufferPointer<Double>, afterStep step: Int) {
        trail.record(parameters, step: step)
    }
}
