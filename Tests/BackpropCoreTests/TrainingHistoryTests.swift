import BackpropCore
import Testing

/// Step back must return every earlier state bit for bit, across runs, lr changes and edits.
@Suite("training history")
struct TrainingHistoryTests {
    /// Everything that makes a state: compared by bits, so -0.0 vs 0.0 or a changed last digit fails.
    struct Fingerprint: Equatable, CustomStringConvertible {
        var bits: [UInt64]
        var stepCount: Int
        init(_ trainer: Trainer) {
            bits = (trainer.network.parameters + [trainer.learningRate, trainer.cost]).map(\.bitPattern)
            stepCount = trainer.stepCount
        }
        var description: String { "step \(stepCount)" }
    }

    /// Drives a trainer the way the UI does (checkpoint before and after every change, runs in
    /// chunks that never cross a checkpoint) and keeps every state it passes through.
    struct Driver {
        var trainer: Trainer
        var history = TrainingHistory(interval: 7, minimumReach: 50)
        var visited: [Fingerprint] = []
        /// The parameter `editWeight` changes: ω21 of the seed, a hidden weight of a network.
        let edited: ParameterIndex

        init(_ preset: Preset = .seed) {
            trainer = Trainer(scenario: preset.scenario)
            edited = .weight(layer: 0, row: 1, column: 0)
            history.record(trainer)
            visited.append(Fingerprint(trainer))
        }

        mutating func steps(_ count: Int) {
            for _ in 0..<count {
                trainer.step()
                visited.append(Fingerprint(trainer))
                if history.needsCheckpoint(trainer) { history.record(trainer) }
            }
        }

        mutating func changeLearningRate(_ value: Double) throws {
            history.record(trainer)
            try trainer.setLearningRate(value)
            history.record(trainer)
            visited.append(Fingerprint(trainer))
        }

        mutating func editWeight(_ value: Double) {
            history.record(trainer)
            var edited = trainer.state
            edited.network[self.edited] = value
            trainer.restore(edited)
            history.record(trainer)
            visited.append(Fingerprint(trainer))
        }
    }

    @Test(
        "going back retraces every state exactly, through lr changes and edits, for one layer and for networks",
        arguments: [Preset.seed, .xorHidden])
    func retrace(preset: Preset) throws {
        var driver = Driver(preset)
        driver.steps(12)
        // A new lr (0.5 would be xor-hidden's own: no change, so no state to go back to).
        try driver.changeLearningRate(0.7)
        driver.steps(3)
        driver.editWeight(-0.25)
        driver.steps(20)
        try driver.changeLearningRate(0.05)
        try driver.changeLearningRate(1)
        driver.steps(9)
        var current = driver.trainer
        var retraced = [Fingerprint(current)]
        while let earlier = driver.history.goBack(from: current) {
            current = earlier
            retraced.append(Fingerprint(current))
        }
        #expect(retraced == Array(driver.visited.reversed()))
    }

    @Test("at least minimumReach steps stay reachable, and memory stays bounded")
    func reach() {
        var driver = Driver()
        driver.steps(2_000)
        var current = driver.trainer
        var back = 0
        while let earlier = driver.history.goBack(from: current) {
            current = earlier
            back += 1
            #expect(Fingerprint(current) == driver.visited[driver.visited.count - 1 - back])
        }
        #expect(back >= 50)
        #expect(back < 2_000, "old checkpoints should have been dropped")
    }

    @Test("a long run keeps 10,000 steps back exactly (the default reach)")
    func defaultReach() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        // A short interval only keeps the debug-build replays quick; the reach is the default.
        var history = TrainingHistory(interval: 100)
        var costs: [UInt64] = [trainer.cost.bitPattern]
        history.record(trainer)
        // Run like the UI at top speed: chunks up to the next checkpoint.
        while trainer.stepCount < 25_000 {
            let chunk = min(history.stepsUntilCheckpoint(trainer), 25_000 - trainer.stepCount)
            var recorder = CostList()
            trainer.run(steps: chunk, observer: &recorder)
            costs += recorder.costs.map(\.bitPattern)
            if history.needsCheckpoint(trainer) { history.record(trainer) }
        }
        var current = trainer
        for back in 1...10_000 {
            guard let earlier = history.goBack(from: current) else {
                Issue.record("history ended after \(back - 1) steps")
                return
            }
            current = earlier
            #expect(current.stepCount == 25_000 - back)
            if current.cost.bitPattern != costs[current.stepCount] {
                Issue.record("step \(current.stepCount) differs")
                return
            }
        }
    }

    @Test("nothing to go back to at the start, and clear forgets")
    func start() {
        var history = TrainingHistory()
        var trainer = Trainer(scenario: Preset.seed.scenario)
        #expect(history.goBack(from: trainer) == nil)
        history.record(trainer)
        #expect(!history.canGoBack(from: trainer))
        trainer.step()
        #expect(history.canGoBack(from: trainer))
        history.clear()
        #expect(history.goBack(from: trainer) == nil)
    }

    @Test("replayAll visits the kept states in order")
    func replayAll() throws {
        var driver = Driver()
        driver.steps(10)
        try driver.changeLearningRate(0.3)
        driver.steps(5)
        var replayed: [Fingerprint] = []
        driver.history.replayAll(to: driver.trainer) { replayed.append(Fingerprint($0)) }
        // Every visited state is there, in order; the state before the lr change appears once.
        #expect(replayed == driver.visited)
    }

    struct CostList: CostObserver {
        var costs: [Double] = []
        mutating func record(step: Int, cost: Double) { costs.append(cost) }
    }
}
