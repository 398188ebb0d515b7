import BackpropCore
import Foundation
import Testing

/// The history's costs follow the network: going back one step re-runs at most `replayWork` of
/// work (the interval shortens for a heavy step), and its checkpoints stay within `memoryLimit`,
/// while every state it reaches is still exact.
@Suite("history sized by the network")
struct HistorySizeTests {
    /// XOR's four samples with one hidden layer of `hidden` neurons: 4 x (4 hidden + 1) + 1
    /// parameters.
    private static func xor(hidden: Int) throws -> Trainer {
        let table = try DataTable(csv: "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
        return Trainer(scenario: try table.scenario(seed: 1, hidden: [hidden]))
    }

    @Test("the interval is the longest for light steps and shortens so a replay stays within its work")
    func intervalRule() throws {
        #expect(TrainingHistory.interval(longest: 1000, work: 16) == 1000)
        #expect(TrainingHistory.interval(longest: 1000, work: TrainingHistory.replayWork / 10) == 10)
        #expect(TrainingHistory.interval(longest: 1000, work: TrainingHistory.replayWork) == 1)
        #expect(TrainingHistory.interval(longest: 1000, work: 50_000_000) == 1, "one at least")
        #expect(TrainingHistory.interval(longest: 7, work: 1) == 7, "never longer than asked")
        for work in [1, 100, 12_345, 400_004, 1_600_016, 50_000_000] {
            let interval = TrainingHistory.interval(longest: 1000, work: work)
            #expect(interval == 1 || interval * work <= TrainingHistory.replayWork, "work \(work)")
        }
        let history = TrainingHistory()
        #expect(history.interval(for: Trainer(scenario: Preset.seed.scenario)) == 1000, "the article's: as before")
        // 100,000 hidden neurons: 400,001 parameters, 4 samples.
        let wide = try Self.xor(hidden: 100_000)
        #expect(history.interval(for: wide) == TrainingHistory.replayWork / (4 * 400_001))
    }

    @Test("a heavy step gets a checkpoint every few steps, and going back is still exact")
    func heavyStepsGoBackExactly() throws {
        var trainer = try Self.xor(hidden: 50_000)
        var history = TrainingHistory()
        let interval = history.interval(for: trainer)
        #expect(interval > 1 && interval < 1000)
        var costs: [UInt64] = [trainer.cost.bitPattern]
        history.record(trainer)
        for _ in 0..<(2 * interval + 1) {
            // As the UI runs: chunks that stop at every checkpoint.
            let chunk = max(1, history.stepsUntilCheckpoint(trainer))
            #expect(chunk <= interval)
            for _ in 0..<chunk {
                trainer.step()
                costs.append(trainer.cost.bitPattern)
            }
            if history.needsCheckpoint(trainer) { history.record(trainer) }
        }
        var current = trainer
        while let earlier = history.goBack(from: current) {
            current = earlier
            #expect(current.cost.bitPattern == costs[current.stepCount], "step \(current.stepCount)")
        }
        #expect(current.stepCount == 0)
    }

    @Test("the checkpoints of a large network stay within the memory limit; the newest stay exact")
    func memoryBound() throws {
        // 200,001 parameters: 1.6 MB a checkpoint, so about 160 fit in 256 MB.
        var trainer = try Self.xor(hidden: 50_000)
        let bytes = TrainingHistory.checkpointBytes(trainer.state)
        #expect(bytes >= 8 * trainer.network.parameters.count)
        var history = TrainingHistory()
        history.record(trainer)
        let fit = TrainingHistory.memoryLimit / bytes
        // A checkpoint for each lr change (the one before it is the last one's after), as the
        // UI takes them; more than fit.
        for change in 0..<(fit + 40) {
            history.record(trainer)
            try trainer.setLearningRate(change % 2 == 0 ? 0.2 : 0.1)
            history.record(trainer)
            #expect(history.checkpointBytes <= TrainingHistory.memoryLimit)
        }
        #expect(history.checkpointCount == fit)
        // The newest are still there, exact: the lr changes undone one by one.
        var current = trainer
        for _ in 0..<10 {
            let back = history.goBack(from: current)
            let earlier = try #require(back)
            #expect(earlier.learningRate != current.learningRate)
            current = earlier
        }
    }

    @Test("a small network keeps its 20,000 checkpoints: the memory limit is far off")
    func smallNetworksAsBefore() {
        let state = Trainer(scenario: Preset.seed.scenario).state
        #expect(TrainingHistory.checkpointBytes(state) * 20_000 < TrainingHistory.memoryLimit)
    }
}
