import BackpropCore
import Testing

@testable import BackpropUI

/// `B`, `L`, `{` and `}`: each change is checkpointed on both sides, so `b` undoes it bit for bit,
/// and the line says what changed.
@Suite struct BatchAndPenaltyKeyTests {
    /// circle at 120x40, a fifth of its points held out unless `split` is false.
    private func circle(split: Bool = true) throws -> AppState {
        var scenario = Preset.circle.scenario
        if split { scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 7)) }
        return AppState(scenario: scenario, scenarioName: "circle", size: Size(width: 120, height: 40))
    }

    @Test func batchSizeKeyDoublesUpToEveryTrainingSampleThenStartsAtOne() throws {
        var state = try circle()
        let training = state.trainer.scenario.trainingCount
        var seen: [Int?] = []
        repeat {
            state.apply(.training(.cycleBatchSize))
            seen.append(state.trainer.miniBatchSize)
        } while state.trainer.miniBatchSize != nil
        state.apply(.training(.cycleBatchSize))
        seen.append(state.trainer.miniBatchSize)
        var expected: [Int?] = []
        var size = 1
        while size < training {
            expected.append(size)
            size *= 2
        }
        expected += [nil, 1]
        #expect(seen == expected)
    }

    @Test func batchSizeKeyChecksPointsBothSidesAndSaysHowLongAnEpochIs() throws {
        let start = try circle()
        let training = start.trainer.scenario.trainingCount
        _ = assertUpdate(start, .training(.cycleBatchSize)) { wanted in
            wanted.history.record(wanted.trainer)
            try wanted.trainer.setBatchSize(1)
            wanted.history.record(wanted.trainer)
            wanted.message = StatusMessage(wordings: [
                "batch size 1: an epoch is \(training) steps over the \(training) training samples; B for the next, b undoes",
                "batch size 1: an epoch is \(training) steps; B for the next, b undoes",
                "batch size 1: an epoch is \(training) steps", "batch 1",
            ])
        }
    }

    @Test func batchSizeChangedWithinAnEpochCountsThisEpochsStepsAsTheStatusBarDoes() throws {
        var state = try circle()
        let training = state.trainer.scenario.trainingCount
        for _ in 0..<3 { state.apply(.training(.cycleBatchSize)) }  // 4
        for _ in 0..<3 { state.apply(.training(.step)) }  // 12 samples into the epoch
        state.apply(.training(.cycleBatchSize))  // 8
        let position = state.trainer.batchPosition
        let whole = (training + 7) / 8
        // 12 samples taken in 2 batches of 8 (as the position counts them), the rest in batches of 8.
        #expect(position.batches == 2 + (training - 12 + 7) / 8)
        #expect(position.batches != whole)
        let text = try #require(state.message?.text)
        #expect(
            text.hasPrefix("batch size 8: this epoch is \(position.batches) steps, then \(whole) each over the "),
            "\(text)")
    }

    @Test func lambdaMovedWithoutAPenaltySaysItWaitsForL() throws {
        var state = try circle()
        state.apply(.training(.penaltyStrengthUp))
        #expect(state.trainer.penalty == Penalty.none)
        #expect(state.message?.text == "λ 0.03, for when L turns a penalty on (none is on)")
    }

    @Test func penaltyKeyCyclesNoneL1L2KeepingTheLambdaChosen() throws {
        var state = try circle()
        state.apply(.training(.cyclePenalty))
        #expect(state.trainer.penalty == .l1(0.01))
        state.apply(.training(.penaltyStrengthUp))
        #expect(state.trainer.penalty == .l1(0.03))
        state.apply(.training(.cyclePenalty))
        #expect(state.trainer.penalty == .l2(0.03))
        #expect(state.message?.text.hasPrefix("penalty L2, λ 0.03") == true)
        state.apply(.training(.cyclePenalty))
        #expect(state.trainer.penalty == Penalty.none)
        state.apply(.training(.penaltyStrengthDown))
        #expect(state.trainer.penalty == Penalty.none, "without a penalty, λ waits for L")
        state.apply(.training(.cyclePenalty))
        #expect(state.trainer.penalty == .l1(0.01))
    }

    @Test func lambdaStopsAtTheLaddersEnds() throws {
        var state = try circle()
        state.apply(.training(.cyclePenalty))
        for _ in 0..<20 { state.apply(.training(.penaltyStrengthUp)) }
        #expect(state.trainer.penalty == .l1(1))
        let top = state
        _ = assertUpdate(top, .training(.penaltyStrengthUp)) { wanted in
            wanted.message = StatusMessage("λ 1 is the ladder's top: } goes no further")
        }
        for _ in 0..<20 { state.apply(.training(.penaltyStrengthDown)) }
        #expect(state.trainer.penalty == .l1(0.0001))
    }

    /// Mini-batch steps, a batch-size change, a penalty change and more steps, undone one by one:
    /// every state on the way back is the very one training passed through.
    @Test func backRestoresAcrossBatchAndPenaltyChangesBitForBit() throws {
        var state = try circle()
        var passed: [TrainingState] = [state.trainer.state]
        func record(_ action: Action) {
            state.apply(action)
            passed.append(state.trainer.state)
        }
        record(.training(.cycleBatchSize))
        record(.training(.cycleBatchSize))
        record(.training(.cycleBatchSize))  // 4
        for _ in 0..<7 { record(.training(.step)) }
        record(.training(.cyclePenalty))
        record(.training(.cyclePenalty))
        record(.training(.penaltyStrengthUp))
        for _ in 0..<5 { record(.training(.step)) }
        record(.training(.cycleBatchSize))  // 8
        record(.training(.advance(steps: 9)))
        let endCurve = state.costCurve
        // `advance` went 9 steps at once: the states between are reached by b one at a time.
        var replayed = state.trainer
        replayed.restore(passed[passed.count - 2])
        var between: [TrainingState] = []
        for _ in 0..<8 {
            replayed.step()
            between.append(replayed.state)
        }
        let wanted = Array(passed.dropLast(2)) + [passed[passed.count - 2]] + between
        #expect(endCurve.lastStep == state.trainer.stepCount)
        for expected in wanted.reversed() {
            state.apply(.history(.stepBack))
            #expect(state.trainer.state == expected, "back to step \(expected.stepCount)")
            #expect(state.costCurve.lastStep == state.trainer.stepCount)
        }
        #expect(state.trainer.miniBatchSize == nil && state.trainer.penalty == Penalty.none)
    }

    @Test func backSaysABatchSizeOrPenaltyChangeWasUndone() throws {
        var state = try circle()
        state.apply(.training(.cycleBatchSize))
        state.apply(.training(.cyclePenalty))
        state.apply(.history(.stepBack))
        #expect(state.message?.text == "penalty change undone: no penalty at step 0")
        state.apply(.history(.stepBack))
        let training = state.trainer.scenario.trainingCount
        #expect(state.message?.text == "batch size change undone: batch size all \(training) samples at step 0")
    }
}
