import BackpropCore
import Testing

/// `replay(fromStep:)`: the tail of the kept states, from the checkpoint nearest before a step.
@Suite("training history: replay from a step")
struct TrainingHistoryReplayTests {
    @Test("replaying from a step reports the same states as replayAll from there on, and starts near it")
    func tailMatchesReplayAll() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        var history = TrainingHistory(interval: 100)
        var remaining = 1234
        while remaining > 0 {
            if history.needsCheckpoint(trainer) { history.record(trainer) }
            let chunk = min(remaining, history.stepsUntilCheckpoint(trainer))
            trainer.run(steps: chunk)
            remaining -= chunk
        }
        var all: [(Int, UInt64)] = []
        history.replayAll(to: trainer) { all.append(($0.stepCount, $0.cost.bitPattern)) }
        var tail: [(Int, UInt64)] = []
        history.replay(fromStep: 1150, to: trainer) { tail.append(($0.stepCount, $0.cost.bitPattern)) }
        #expect(tail.first?.0 == 1100, "starts at the checkpoint before step 1150")
        #expect(tail.last?.0 == 1234)
        let expected = all.filter { $0.0 >= 1100 }
        #expect(tail.map(\.0) == expected.map(\.0))
        #expect(tail.map(\.1) == expected.map(\.1), "the same bits as replayAll")
    }
}
