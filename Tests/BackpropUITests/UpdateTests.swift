import BackpropCore
import BackpropUI
import XCTest

final class UpdateTests: XCTestCase {
    func testStepTakesOneStepAndRemembersThePreviousValues() {
        var state = TestScenarios.seed()
        let before = state.trainer.state
        AppState.update(&state, .training(.step))
        XCTAssertEqual(state.trainer.stepCount, 1)
        XCTAssertEqual(state.trainer.cost, 1.4556414717601052, accuracy: 1e-15)
        XCTAssertEqual(state.previous?.state, before)
        XCTAssertEqual(state.costCurve.lastStep, 1)
    }

    func testAdvanceRecordsEveryStepOnTheCurve() {
        var state = TestScenarios.seed()
        state.apply(.training(.advance(steps: 1000)))
        XCTAssertEqual(state.trainer.stepCount, 1000)
        XCTAssertEqual(state.trainer.cost, 0.002784622453015934, accuracy: 1e-15)
        XCTAssertEqual(state.costCurve.lastStep, 1000)
        XCTAssertEqual(state.costCurve.overall?.first ?? .nan, Trainer(scenario: Preset.seed.scenario).cost)
        XCTAssertEqual(state.costCurve.overall?.last ?? .nan, state.trainer.cost)
    }

    func testLearningRateLadderBothWays() {
        XCTAssertEqual(LearningRateLadder.up(from: 0.1), 0.2)
        XCTAssertEqual(LearningRateLadder.up(from: 0.2), 0.5)
        XCTAssertEqual(LearningRateLadder.up(from: 0.5), 1)
        XCTAssertEqual(LearningRateLadder.up(from: 5), 10)
        XCTAssertEqual(LearningRateLadder.down(from: 0.1), 0.05)
        XCTAssertEqual(LearningRateLadder.down(from: 0.05), 0.02)
        XCTAssertEqual(LearningRateLadder.down(from: 0.02), 0.01)
        XCTAssertEqual(LearningRateLadder.down(from: 1), 0.5)
        // Off the ladder: the next rung in that direction.
        XCTAssertEqual(LearningRateLadder.up(from: 0.3), 0.5)
        XCTAssertEqual(LearningRateLadder.down(from: 0.3), 0.2)
        XCTAssertEqual(LearningRateLadder.down(from: 0.15), 0.1)
        XCTAssertEqual(LearningRateLadder.up(from: 0.15), 0.2)
        XCTAssertEqual(LearningRateLadder.up(from: 0.1 + 0.2), 0.5, "0.30000000000000004 is between 0.2 and 0.5")
        XCTAssertEqual(LearningRateLadder.up(from: 0.30000000000000004), 0.5)
        // A value a rounding error off a rung counts as that rung.
        XCTAssertEqual(LearningRateLadder.up(from: 0.1 * 3 / 3), 0.2)
        // The ends hold.
        let top = LearningRateLadder.rungs.last!, bottom = LearningRateLadder.rungs.first!
        XCTAssertEqual(LearningRateLadder.up(from: top), top)
        XCTAssertEqual(LearningRateLadder.down(from: bottom), bottom)
    }

    func testLearningRateKeysChangeTheTrainersRate() {
        var state = TestScenarios.seed()
        state.apply(.training(.learningRateUp))
        XCTAssertEqual(state.trainer.learningRate, 0.2)
        state.apply(.training(.learningRateDown))
        state.apply(.training(.learningRateDown))
        XCTAssertEqual(state.trainer.learningRate, 0.05)
        XCTAssertEqual(state.message?.text, "lr 0.05")
    }

    func testSpeedLadderAndItsEnds() {
        XCTAssertEqual(
            RunSpeed.ladder,
            [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, nil])
        var state = TestScenarios.seed()
        XCTAssertEqual(state.speed.stepsPerSecond, 10)
        state.apply(.training(.speedUp))
        XCTAssertEqual(state.speed.stepsPerSecond, 20)
        for _ in 0..<30 { state.apply(.training(.speedUp)) }
        XCTAssertEqual(state.speed, .max)
        XCTAssertNil(state.speed.stepsPerSecond)
        XCTAssertEqual(state.speed.description, "max")
        for _ in 0..<30 { state.apply(.training(.speedDown)) }
        XCTAssertEqual(state.speed.stepsPerSecond, 1)
        XCTAssertEqual(state.speed.description, "1/s")
    }

    func testDivergencePausesAndOnlyResetAndLearningRateStillWork() {
        var state = TestScenarios.diverging()
        state.apply(.training(.run))
        XCTAssertTrue(state.isRunning)
        state.apply(.training(.advance(steps: 1_000_000)))
        XCTAssertTrue(state.hasDiverged)
        XCTAssertFalse(state.isRunning, "divergence pauses")
        XCTAssertLessThan(state.trainer.stepCount, 1_000_000, "the run stops at the first non-finite cost")
        XCTAssertEqual(state.message?.kind, .error)
        XCTAssertTrue(state.message?.text.contains("paused") ?? false, state.message?.text ?? "no message")
        let stepsAtDivergence = state.trainer.stepCount

        state.apply(.training(.step))
        state.apply(.training(.run))
        XCTAssertEqual(state.trainer.stepCount, stepsAtDivergence, "no steps from a diverged state")
        XCTAssertFalse(state.isRunning)

        state.apply(.training(.learningRateDown))
        XCTAssertEqual(state.trainer.learningRate, 2)
        state.apply(.history(.reset))
        XCTAssertFalse(state.hasDiverged)
        XCTAssertEqual(state.trainer.stepCount, 0)
        XCTAssertEqual(
            state.trainer.learningRate, 2, "after a divergence, reset keeps the lr lowered below the scenario's")
    }

    func testLearningRateEntryValid() {
        var state = TestScenarios.seed()
        state.apply(.entry(.beginLearningRate))
        XCTAssertEqual(state.learningRateEntry, "")
        for character in "0.035x" { state.apply(.entry(.type(character))) }
        state.apply(.entry(.deleteBackward))
        XCTAssertEqual(state.learningRateEntry, "0.035")
        state.apply(.entry(.commit))
        XCTAssertNil(state.learningRateEntry)
        XCTAssertEqual(state.trainer.learningRate, 0.035)
        XCTAssertEqual(state.message?.kind, .info)
    }

    func testLearningRateEntryInvalidLeavesTheRateAndSaysWhy() {
        for text in ["abc", "", "0", "-1", "nan", "inf", "1e999"] {
            var state = TestScenarios.seed()
            state.apply(.entry(.beginLearningRate))
            for character in text { state.apply(.entry(.type(character))) }
            state.apply(.entry(.commit))
            XCTAssertEqual(state.trainer.learningRate, 0.1, "\"\(text)\" changed lr")
            XCTAssertEqual(state.message?.kind, .error, "\"\(text)\" gave no error")
            XCTAssertTrue(state.message?.text.contains("lr stays 0.1") ?? false, state.message?.text ?? "")
            XCTAssertNil(state.learningRateEntry)
        }
    }

    func testLearningRateEntryCancel() {
        var state = TestScenarios.seed()
        state.apply(.entry(.beginLearningRate))
        for character in "0.5" { state.apply(.entry(.type(character))) }
        state.apply(.entry(.cancel))
        XCTAssertNil(state.learningRateEntry)
        XCTAssertEqual(state.trainer.learningRate, 0.1)
        XCTAssertNil(state.message)
    }

    func testLearningRateEntryIsBounded() {
        var state = TestScenarios.seed()
        state.apply(.entry(.beginLearningRate))
        for _ in 0..<100 { state.apply(.entry(.type("1"))) }
        XCTAssertEqual(state.learningRateEntry?.count, TextEntry.limit)
    }

    func testResetReturnsTheExactInitialStateAndClearsTheCurve() {
        let fresh = TestScenarios.seed()
        var state = fresh
        state.apply(.training(.learningRateUp))
        state.apply(.training(.step))
        state.apply(.training(.run))
        state.apply(.training(.advance(steps: 5000)))
        state.apply(.history(.reset))
        XCTAssertEqual(state.trainer.network.layer(0), fresh.trainer.network.layer(0))
        XCTAssertEqual(state.trainer.stepCount, 0)
        XCTAssertEqual(state.trainer.learningRate, fresh.trainer.learningRate)
        XCTAssertEqual(state.trainer.cost.bitPattern, fresh.trainer.cost.bitPattern)
        XCTAssertEqual(state.costCurve, fresh.costCurve)
        XCTAssertEqual(state.costCurve.lastStep, 0, "step 0 is on the curve again")
        XCTAssertNil(state.previous)
        XCTAssertFalse(state.isRunning)
        XCTAssertEqual(state.message?.text, "reset to step 0, lr back to 0.1 (b goes back to step 5001)")
        // The same frame as at the start, but for the line that says so.
        let lines = Frame.render(state).text.split(separator: "\n", omittingEmptySubsequences: false)
        let freshLines = Frame.render(fresh).text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, freshLines.count)
        XCTAssertEqual(lines.dropLast(), freshLines.dropLast())
        XCTAssertTrue(lines.last?.contains("b goes back to step 5001") ?? false)
    }

    func testViewTogglesAndQuit() {
        var state = TestScenarios.seed()
        state.apply(.view(.toggleCostScale))
        XCTAssertEqual(state.costScale, .log)
        state.apply(.view(.toggleCostScale))
        XCTAssertEqual(state.costScale, .linear)
        state.apply(.view(.toggleHelp))
        XCTAssertTrue(state.isHelpShown)
        state.apply(.view(.closeHelp))
        XCTAssertFalse(state.isHelpShown)
        state.apply(.training(.toggleRun))
        XCTAssertTrue(state.isRunning)
        state.apply(.training(.toggleRun))
        XCTAssertFalse(state.isRunning)
        state.apply(.terminal(.resize(Size(width: 100, height: 30))))
        XCTAssertEqual(state.size, Size(width: 100, height: 30))
        XCTAssertFalse(state.shouldQuit)
        state.apply(.terminal(.quit))
        XCTAssertTrue(state.shouldQuit)
    }
}
