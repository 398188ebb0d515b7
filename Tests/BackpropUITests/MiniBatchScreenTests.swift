import BackpropCore
import Testing

@testable import BackpropUI

/// What the screen shows of mini-batches, a test split and a penalty: the status bar's epoch,
/// batch, test C and penalty, the cost curve's series, the predictions' marks.
@Suite struct MiniBatchScreenTests {
    private func circle(size: Size) throws -> AppState {
        var scenario = Preset.circle.scenario
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 7))
        var state = AppState(scenario: scenario, scenarioName: "circle", size: size)
        for _ in 0..<3 { state.apply(.training(.cycleBatchSize)) }  // 4
        state.apply(.training(.cyclePenalty))
        state.apply(.training(.cyclePenalty))  // L2
        for _ in 0..<3 { state.apply(.training(.step)) }
        state.apply(.training(.advance(steps: 40)))
        return state
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func statusBarWritesEpochBatchPenaltyAndTestCost(size: Size) throws {
        let state = try circle(size: size)
        let lines = Frame.render(state, size: size).text.split(separator: "\n", omittingEmptySubsequences: false)
        let bar = String(lines[lines.count - 2])
        let position = state.trainer.batchPosition
        #expect(
            bar.contains("step 43 · epoch \(position.epoch) · batch \(position.batch)/\(position.batches)"), "\(bar)")
        #expect(bar.contains(" + L2 "), "\(bar)")
        if size.width >= 120 {
            // Training and test cost per sample, so the two compare.
            let split = state.trainer.scenario.split
            let loss = state.trainer.loss
            let test = try #require(state.trainer.testCost)
            let perSample = (
                loss.costPerSample(state.trainer.cost, samples: split.training.count),
                loss.costPerSample(test, samples: split.test.count)
            )
            let number = Layout.narrowNumber
            #expect(
                bar.contains("C/N train \(number.compact(perSample.0)) test \(number.compact(perSample.1))"), "\(bar)")
        }
    }

    @Test func costCurveKeepsTestAndBatchCostsPerSampleOnBothPaths() throws {
        var stepped = try circle(size: Size(width: 120, height: 40))
        var ran = stepped
        for _ in 0..<10 { stepped.apply(.training(.step)) }
        ran.apply(.training(.advance(steps: 10)))
        #expect(stepped.trainer.state == ran.trainer.state)
        #expect(stepped.costCurve == ran.costCurve, "a step's trace and the run's report record the same costs")
        #expect(ran.costCurve.hasTest && ran.costCurve.hasBatch)
        let last = ran.costCurve.summary(steps: 53, 54, of: .test)
        let scenario = ran.trainer.scenario
        #expect(
            last?.last == scenario.loss.costPerSample(ran.trainer.testCost!, samples: scenario.split.test.count))
        // Back 10 steps rebuilds the curve the run drew up to there.
        var back = ran
        for _ in 0..<10 { back.apply(.history(.stepBack)) }
        var straight = try circle(size: Size(width: 120, height: 40))
        straight.apply(.view(.toggleHelp))
        #expect(back.costCurve == straight.costCurve)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func frameDrawsWithoutCrashingAndTitlesThePerSampleCurve(size: Size) throws {
        let state = try circle(size: size)
        let text = Frame.render(state, size: size).text
        #expect(text.contains("per sample") || text.contains("C/N"), "\(text)")
    }
}
