import BackpropCore
@testable import BackpropUI
import XCTest

/// `b` returns to earlier states bit for bit, after steps, runs, lr changes and edits.
final class HistoryTests: XCTestCase {
    /// W, b, lr, step and cost as bit patterns: "exact" means these are equal.
    private struct Snapshot: Equatable {
        let weights: [UInt64]
        let bias: [UInt64]
        let learningRate: UInt64
        let step: Int
        let cost: UInt64

        init(_ state: AppState) {
            let trainer = state.trainer
            weights = trainer.network.layer(0).weights.elements.map(\.bitPattern)
            bias = trainer.network.layer(0).bias.map(\.bitPattern)
            learningRate = trainer.learningRate.bitPattern
            step = trainer.stepCount
            cost = trainer.cost.bitPattern
        }
    }

    func testStepBackUndoesStepsRunsLearningRateChangesAndEditsExactly() {
        var state = TestScenarios.seed()
        var seen = [Snapshot(state)]
        func record() { seen.append(Snapshot(state)) }
        state.apply(.step); record()
        state.apply(.step); record()
        state.apply(.learningRateUp); record()
        state.apply(.run)
        state.apply(.advance(steps: 2500)); record()
        state.apply(.advance(steps: 3)); record()
        state.apply(.pause)
        state.apply(.beginParameterEntry)
        for character in "-0.75" { state.apply(.typeEntry(character)) }
        state.apply(.commitEntry); record()
        XCTAssertEqual(state.trainer.network.layer(0).weights[0, 0], -0.75)
        state.apply(.step); record()

        // Going back visits every state a key produced, newest first; the runs' steps in between.
        var reached = [Snapshot(state)]
        while state.history.canGoBack(from: state.trainer) {
            state.apply(.stepBack)
            reached.append(Snapshot(state))
            XCTAssertLessThanOrEqual(state.costCurve.lastStep, state.trainer.stepCount, "the curve shows a later step")
            XCTAssertEqual(state.costCurve.lastStep, state.trainer.stepCount)
        }
        for snapshot in seen.reversed() {
            XCTAssertTrue(reached.contains(snapshot), "step \(snapshot.step) was not reached exactly")
        }
        XCTAssertEqual(reached.last, seen.first, "back at the start")
        XCTAssertEqual(reached.count, 1 + 1 + 3 + 2500 + 1 + 1 + 1 + 1, "every step, the lr change and the edit")
        state.apply(.stepBack)
        XCTAssertEqual(state.message?.kind, .error, "nothing earlier")
    }

    func testStepBackReachesTenThousandStepsAndTheCurveFollows() {
        var state = TestScenarios.seed()
        state.apply(.advance(steps: 12_345))
        var reference = Trainer(scenario: Preset.seed.scenario)
        reference.run(steps: 12_345 - 10_000)
        for _ in 0..<10_000 { state.apply(.stepBack) }
        XCTAssertEqual(state.trainer.stepCount, 2345)
        XCTAssertEqual(state.trainer.network.layer(0), reference.network.layer(0))
        XCTAssertEqual(state.trainer.cost.bitPattern, reference.cost.bitPattern)
        XCTAssertEqual(state.costCurve.lastStep, 2345)
        XCTAssertEqual(state.costCurve.overall?.last ?? .nan, reference.cost)

        // The rebuilt curve equals a curve recorded straight to this step.
        var straight = TestScenarios.seed()
        straight.apply(.advance(steps: 2345))
        XCTAssertEqual(state.costCurve.summary(steps: 0, 2346), straight.costCurve.summary(steps: 0, 2346))
    }

    func testAdvanceCheckpointsSoARunCanBeUndone() {
        var state = TestScenarios.seed()
        state.apply(.advance(steps: 999))
        state.apply(.advance(steps: 5))
        var reference = Trainer(scenario: Preset.seed.scenario)
        reference.run(steps: 1003)
        state.apply(.stepBack)
        XCTAssertEqual(
            state.trainer.network.layer(0), reference.network.layer(0), "step 1003, across the checkpoint at 1000")
    }

    func testResetClearsTheHistory() {
        var state = TestScenarios.seed()
        state.apply(.step)
        state.apply(.step)
        state.apply(.reset)
        XCTAssertFalse(state.history.canGoBack(from: state.trainer))
        state.apply(.stepBack)
        XCTAssertEqual(state.trainer.stepCount, 0)
        XCTAssertEqual(state.message?.kind, .error)
    }

    func testEditEntryValidInvalidAndCancel() {
        var state = TestScenarios.seed()
        state.apply(.moveSelection(.down))
        XCTAssertEqual(KeyMap.action(for: .enter, in: state), .beginParameterEntry)
        state.apply(.beginParameterEntry)
        XCTAssertEqual(KeyMap.action(for: .character("q"), in: state), .typeEntry("q"), "q types")
        XCTAssertEqual(KeyMap.action(for: .escape, in: state), .cancelEntry)
        for character in "2.5x" { state.apply(.typeEntry(character)) }
        state.apply(.deleteEntryCharacter)
        XCTAssertTrue(Frame.render(state).text.contains("new value of ω21: 2.5"))
        state.apply(.commitEntry)
        XCTAssertNil(state.parameterEntry)
        XCTAssertEqual(state.trainer.network.layer(0).weights[1, 0], 2.5)
        XCTAssertEqual(state.trainer.stepCount, 0)
        XCTAssertEqual(state.trainer.cost, state.trainer.cost(of: state.trainer.network), "the cost follows the edit")
        XCTAssertEqual(state.message?.kind, .info)

        for text in ["abc", "", "nan", "inf", "1e999", "-"] {
            var copy = state
            copy.apply(.beginParameterEntry)
            for character in text { copy.apply(.typeEntry(character)) }
            copy.apply(.commitEntry)
            XCTAssertEqual(copy.trainer.network.layer(0), state.trainer.network.layer(0), "\"\(text)\" changed W")
            XCTAssertEqual(copy.message?.kind, .error, "\"\(text)\" gave no error")
            XCTAssertTrue(copy.message?.text.contains("ω21 stays 2.5") ?? false, copy.message?.text ?? "")
        }

        var cancelled = state
        cancelled.apply(.beginParameterEntry)
        cancelled.apply(.typeEntry("9"))
        cancelled.apply(.cancelEntry)
        XCTAssertNil(cancelled.parameterEntry)
        XCTAssertEqual(cancelled.trainer.network.layer(0), state.trainer.network.layer(0))

        state.apply(.stepBack)
        XCTAssertEqual(state.trainer.network.layer(0), Preset.seed.scenario.network.layer(0), "b undoes the edit")
        XCTAssertEqual(state.trainer.cost.bitPattern, TestScenarios.seed().trainer.cost.bitPattern)
    }

    func testPresetKeyCyclesThePresetsAndNamesThem() {
        var state = TestScenarios.seed()
        state.apply(.step)
        var names: [String] = []
        for _ in 0..<5 {
            state.apply(.nextPreset)
            names.append(state.scenarioName)
            XCTAssertEqual(state.trainer.stepCount, 0)
            XCTAssertFalse(state.history.canGoBack(from: state.trainer))
            XCTAssertTrue(Frame.render(state).text.contains("preset \(state.scenarioName)"))
        }
        XCTAssertEqual(names, ["and", "or", "xor", "xor-hidden", "seed"], "networks too")
        XCTAssertEqual(state.trainer.scenario, Preset.seed.scenario)
        var fromFile = AppState(scenario: Preset.xor.scenario, scenarioName: "mine.json")
        fromFile.apply(.nextPreset)
        XCTAssertEqual(fromFile.scenarioName, "seed", "from a file, d starts at the first preset")
    }
}
