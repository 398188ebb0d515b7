import BackpropCore
import Testing

/// `ExportedTrace`, what `e` writes, and the reach of the history it is made from, which the
/// README promises.
@Suite("exported trace")
struct ExportedTraceTests {
    /// Steps like the UI at top speed: chunks that end where the history wants a checkpoint.
    private static func run(_ steps: Int, _ trainer: inout Trainer, _ history: inout TrainingHistory) {
        var remaining = steps
        while remaining > 0 {
            if history.needsCheckpoint(trainer) { history.record(trainer) }
            let chunk = min(remaining, history.stepsUntilCheckpoint(trainer))
            trainer.run(steps: chunk)
            remaining -= chunk
        }
    }

    @Test("a run longer than the history keeps starts at its oldest state, marked start, then one step a row")
    func longRun() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        var history = TrainingHistory(interval: 100)
        history.record(trainer)
        Self.run(25_000, &trainer, &history)
        let trace = ExportedTrace(history: history, to: trainer)
        #expect(trace.firstStep > 0 && trace.lastStep - trace.firstStep >= 10_000, "\(trace.firstStep)")
        #expect(trace.lastStep == 25_000)
        let rows = trace.text.split(separator: "\n").dropFirst()
        #expect(rows.count == trace.rowCount)
        #expect(trace.rowCount == trace.lastStep - trace.firstStep + 1)
        #expect(rows.first?.hasPrefix("\(trace.firstStep),") ?? false)
        #expect(rows.first?.hasSuffix(",0.1,sgd,0,start") ?? false)
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(",0.1,sgd,0,step") })
    }

    @Test("the events: a step, an lr change, an edit, an optimizer change, and a NaN left alone is no edit")
    func events() {
        let network = Preset.seed.scenario.network
        let start = TrainingState(network: network, stepCount: 4, learningRate: 0.1)
        var edited = start
        edited.network[.bias(layer: 0, column: 1)] = 0.5
        var faster = start
        faster.learningRate = 0.2
        var stepped = start
        stepped.stepCount = 5
        var diverged = start
        diverged.network.parameters = network.parameters.map { _ in .nan }
        var divergedFaster = diverged
        divergedFaster.learningRate = 0.2
        #expect(TraceEvent(from: nil, to: start) == .start)
        #expect(TraceEvent(from: start, to: stepped) == .step)
        #expect(TraceEvent(from: start, to: edited) == .edit)
        #expect(TraceEvent(from: start, to: faster) == .lr)
        #expect(TraceEvent(from: diverged, to: divergedFaster) == .lr)
        var adam = start
        adam.optimizer = Optimizer.sgd.named(.adam)
        adam.optimizerState = OptimizerState(fresh: .adam, parameterCount: network.parameters.count)
        #expect(TraceEvent(from: start, to: adam) == .optimizer)
        #expect(TraceEvent(from: adam, to: start) == .optimizer)
    }

    /// The README's `b` line: the last 10,000 steps at least, with the lr changes and edits among
    /// them, unless those are more than 9,990 (the history keeps 20,000 checkpoints at most, two
    /// for each change).
    @Test("b reaches 10,000 steps back through 9,990 lr changes among them")
    func reachThroughChanges() throws {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        var history = TrainingHistory()
        history.record(trainer)
        Self.run(2_000, &trainer, &history)
        for change in 0..<10_000 {
            Self.run(1, &trainer, &history)
            guard change < 9_990 else { continue }
            history.record(trainer)
            try trainer.setLearningRate(change % 2 == 0 ? 0.2 : 0.1)
            history.record(trainer)
        }
        let end = trainer.stepCount
        var current = trainer
        while current.stepCount > end - 10_000, let earlier = history.goBack(from: current) { current = earlier }
        #expect(current.stepCount == end - 10_000)
    }
}
