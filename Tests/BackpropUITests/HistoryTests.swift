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
        state.apply(.training(.step)); record()
        state.apply(.training(.step)); record()
        state.apply(.training(.learningRateUp)); record()
        state.apply(.training(.run))
        state.apply(.training(.advance(steps: 2500))); record()
        state.apply(.training(.advance(steps: 3))); record()
        state.apply(.training(.pause))
        state.apply(.entry(.beginParameter))
        for character in "-0.75" { state.apply(.entry(.type(character))) }
        state.apply(.entry(.commit)); record()
        XCTAssertEqual(state.trainer.network.layer(0).weights[0, 0], -0.75)
        state.apply(.training(.step)); record()

        // Going back visits every state a key produced, newest first; the runs' steps in between.
        var reached = [Snapshot(state)]
        while state.history.canGoBack(from: state.trainer) {
            state.apply(.history(.stepBack))
            reached.append(Snapshot(state))
            XCTAssertLessThanOrEqual(state.costCurve.lastStep, state.trainer.stepCount, "the curve shows a later step")
            XCTAssertEqual(state.costCurve.lastStep, state.trainer.stepCount)
        }
        for snapshot in seen.reversed() {
            XCTAssertTrue(reached.contains(snapshot), "step \(snapshot.step) was not reached exactly")
        }
        XCTAssertEqual(reached.last, seen.first, "back at the start")
        XCTAssertEqual(reached.count, 1 + 1 + 3 + 2500 + 1 + 1 + 1 + 1, "every step, the lr change and the edit")
        state.apply(.history(.stepBack))
        XCTAssertEqual(state.message?.kind, .error, "nothing earlier")
    }

    func testStepBackReachesTenThousandStepsAndTheCurveFollows() {
        var state = TestScenarios.seed()
        state.apply(.training(.advance(steps: 12_345)))
        var reference = Trainer(scenario: Preset.seed.scenario)
        reference.run(steps: 12_345 - 10_000)
        for _ in 0..<10_000 { state.apply(.history(.stepBack)) }
        XCTAssertEqual(state.trainer.stepCount, 2345)
        XCTAssertEqual(state.trainer.network.layer(0), reference.network.layer(0))
        XCTAssertEqual(state.trainer.cost.bitPattern, reference.cost.bitPattern)
        XCTAssertEqual(state.costCurve.lastStep, 2345)
        XCTAssertEqual(state.costCurve.overall?.last ?? .nan, reference.cost)

        // The rebuilt curve equals a curve recorded straight to this step.
        var straight = TestScenarios.seed()
        straight.apply(.training(.advance(steps: 2345)))
        XCTAssertEqual(state.costCurve.summary(steps: 0, 2346), straight.costCurve.summary(steps: 0, 2346))
    }

    func testAdvanceCheckpointsSoARunCanBeUndone() {
        var state = TestScenarios.seed()
        state.apply(.training(.advance(steps: 999)))
        state.apply(.training(.advance(steps: 5)))
        var reference = Trainer(scenario: Preset.seed.scenario)
        reference.run(steps: 1003)
        state.apply(.history(.stepBack))
        XCTAssertEqual(
            state.trainer.network.layer(0), reference.network.layer(0), "step 1003, across the checkpoint at 1000")
    }

    /// Everything `b` must bring back when it undoes `x` or `d`: the scenario and its name, the
    /// state bit for bit, the cost curve, the selection and the sample.
    private struct Run: Equatable {
        let scenario: Scenario
        let scenarioName: String
        let bits: [UInt64]
        let step: Int
        let costCurve: CostCurve
        let selection: ParameterIndex
        let selectedSample: Int

        init(_ state: AppState) {
            let trainer = state.trainer
            scenario = trainer.scenario
            scenarioName = state.scenarioName
            bits = (trainer.network.parameters + [trainer.learningRate, trainer.cost]).map(\.bitPattern)
            step = trainer.stepCount
            costCurve = state.costCurve
            selection = state.selection
            selectedSample = state.selectedSample
        }
    }

    func testStepBackUndoesAResetAndGoesOnIntoTheRunItLeft() {
        var state = TestScenarios.seed()
        state.apply(.training(.advance(steps: 1233)))
        state.apply(.training(.learningRateUp))
        state.apply(.training(.step))
        state.apply(.selection(.cycle(backwards: true)))
        let beforeReset = Run(state)
        var beforeThat = state
        beforeThat.apply(.history(.stepBack))
        let oneEarlier = Run(beforeThat)

        state.apply(.history(.reset))
        XCTAssertEqual(state.trainer.stepCount, 0)
        XCTAssertEqual(state.message?.text, "reset to step 0, lr back to 0.1 (b goes back to step 1234)")
        state.apply(.training(.step))
        state.apply(.history(.stepBack))
        XCTAssertEqual(state.trainer.stepCount, 0, "b first undoes the steps after the reset")
        state.apply(.history(.stepBack))
        XCTAssertEqual(Run(state), beforeReset, "b undoes the reset exactly")
        XCTAssertEqual(state.message?.text, "undid the reset: back to step 1234, lr 0.2")
        XCTAssertTrue(Frame.render(state).text.contains("undid the reset"))
        state.apply(.history(.stepBack))
        XCTAssertEqual(Run(state), oneEarlier, "and goes on back through the run the reset left")
        state.apply(.history(.stepBack))
        XCTAssertEqual(state.trainer.learningRate, 0.1, "through its lr change too")
        XCTAssertEqual(state.trainer.stepCount, 1233)
    }

    func testResetAtTheStartKeepsNothingToGoBackTo() {
        var state = TestScenarios.seed()
        state.apply(.history(.reset))
        XCTAssertEqual(state.message?.text, "reset: already at step 0, as the scenario starts")
        XCTAssertTrue(state.earlierRuns.isEmpty)
        state.apply(.history(.stepBack))
        XCTAssertEqual(state.message?.kind, .error, "nothing earlier")

        // At step 0 with another lr there is something to undo.
        state.apply(.training(.learningRateUp))
        state.apply(.history(.reset))
        XCTAssertEqual(state.message?.text, "reset to step 0, lr back to 0.1 (b undoes it)")
        state.apply(.history(.stepBack))
        XCTAssertEqual(state.trainer.learningRate, 0.2)
    }

    func testStepBackUndoesThePresetKeyWithTheWholeRun() {
        var state = TestScenarios.seed()
        state.apply(.training(.advance(steps: 1500)))
        state.apply(.training(.learningRateUp))
        state.apply(.training(.advance(steps: 7)))
        state.apply(.selection(.move(.down)))
        state.apply(.selection(.chooseSample(backwards: false)))
        let seedRun = Run(state)
        var oneEarlier = state
        oneEarlier.apply(.history(.stepBack))

        state.apply(.history(.nextScenario))
        XCTAssertEqual(state.scenarioName, "and")
        XCTAssertEqual(
            state.message?.text(fitting: 80), "preset and; b goes back to seed at step 1507", "what fits in 80 columns")
        var wide = TestScenarios.seed(size: Size(width: 120, height: 40))
        wide.apply(.history(.nextScenario))
        XCTAssertEqual(
            wide.message?.text, "preset and: logical AND: 2 inputs, 1 output, 4 samples; b goes back to seed at step 0")
        state.apply(.training(.advance(steps: 40)))
        state.apply(.selection(.cycle(backwards: false)))
        let andRun = Run(state)
        state.apply(.history(.nextScenario))
        XCTAssertEqual(state.scenarioName, "or")

        state.apply(.history(.stepBack))
        XCTAssertEqual(Run(state), andRun, "b brings back and at step 40")
        XCTAssertEqual(state.message?.text, "undid d: back to and at step 40, lr 0.5")
        for _ in 0..<40 { state.apply(.history(.stepBack)) }
        XCTAssertEqual(state.trainer.stepCount, 0, "and's own history goes on back")
        XCTAssertEqual(state.scenarioName, "and")
        state.apply(.history(.stepBack))
        XCTAssertEqual(Run(state), seedRun, "then the seed, as it was left")
        XCTAssertTrue(Frame.render(state).text.contains("preset seed"))
        state.apply(.history(.stepBack))
        XCTAssertEqual(Run(state), Run(oneEarlier), "and its history")

        state.apply(.history(.nextScenario))
        XCTAssertEqual(state.scenarioName, "and", "d goes on from where the seed is in the cycle")
    }

    func testOnlyTheLastFewRunsAreKept() {
        var state = TestScenarios.seed()
        for _ in 0..<(EarlierRun.limit + 3) {
            state.apply(.training(.step))
            state.apply(.history(.nextScenario))
        }
        XCTAssertEqual(state.earlierRuns.count, EarlierRun.limit)
        var names: [String] = []
        for _ in 0..<(2 * EarlierRun.limit) {
            state.apply(.history(.stepBack))
            if state.trainer.stepCount == 1 { names.append(state.scenarioName) }
        }
        // The runs left, one per preset in the cycle from the seed on; the last few, newest first.
        let cycle = Preset.allCases.map(\.rawValue)
        let left = (0..<(EarlierRun.limit + 3)).map { cycle[$0 % cycle.count] }
        XCTAssertEqual(names, Array(left.suffix(EarlierRun.limit).reversed()), "newest first")
        state.apply(.history(.stepBack))
        XCTAssertEqual(state.message?.kind, .error, "the oldest runs are forgotten")
    }

    func testEditEntryValidInvalidAndCancel() {
        var state = TestScenarios.seed()
        state.apply(.selection(.move(.down)))
        XCTAssertEqual(KeyMap.action(for: .enter, in: state), .entry(.beginParameter))
        state.apply(.entry(.beginParameter))
        XCTAssertEqual(KeyMap.action(for: .character("q"), in: state), .entry(.type("q")), "q types")
        XCTAssertEqual(KeyMap.action(for: .escape, in: state), .entry(.cancel))
        for character in "2.5x" { state.apply(.entry(.type(character))) }
        state.apply(.entry(.deleteBackward))
        XCTAssertTrue(Frame.render(state).text.contains("new value of ω21: 2.5"))
        state.apply(.entry(.commit))
        XCTAssertNil(state.parameterEntry)
        XCTAssertEqual(state.trainer.network.layer(0).weights[1, 0], 2.5)
        XCTAssertEqual(state.trainer.stepCount, 0)
        XCTAssertEqual(state.trainer.cost, state.trainer.cost(of: state.trainer.network), "the cost follows the edit")
        XCTAssertEqual(state.message?.kind, .info)

        for text in ["abc", "", "nan", "inf", "1e999", "-"] {
            var copy = state
            copy.apply(.entry(.beginParameter))
            for character in text { copy.apply(.entry(.type(character))) }
            copy.apply(.entry(.commit))
            XCTAssertEqual(copy.trainer.network.layer(0), state.trainer.network.layer(0), "\"\(text)\" changed W")
            XCTAssertEqual(copy.message?.kind, .error, "\"\(text)\" gave no error")
            XCTAssertTrue(copy.message?.text.contains("ω21 stays 2.5") ?? false, copy.message?.text ?? "")
        }

        var cancelled = state
        cancelled.apply(.entry(.beginParameter))
        cancelled.apply(.entry(.type("9")))
        cancelled.apply(.entry(.cancel))
        XCTAssertNil(cancelled.parameterEntry)
        XCTAssertEqual(cancelled.trainer.network.layer(0), state.trainer.network.layer(0))

        state.apply(.history(.stepBack))
        XCTAssertEqual(state.trainer.network.layer(0), Preset.seed.scenario.network.layer(0), "b undoes the edit")
        XCTAssertEqual(state.message?.text, "edit undone: ω21 back to 0.3 at step 0", "b says what it undid")
        var changedRate = TestScenarios.seed()
        changedRate.apply(.training(.learningRateUp))
        changedRate.apply(.history(.stepBack))
        XCTAssertEqual(changedRate.message?.text, "lr change undone: lr back to 0.1 at step 0")
        XCTAssertEqual(state.trainer.cost.bitPattern, TestScenarios.seed().trainer.cost.bitPattern)
    }

    func testPresetKeyCyclesThePresetsAndNamesThem() {
        var state = TestScenarios.seed()
        state.apply(.training(.step))
        var names: [String] = []
        for _ in 0..<Preset.allCases.count {
            state.apply(.history(.nextScenario))
            names.append(state.scenarioName)
            XCTAssertEqual(state.trainer.stepCount, 0)
            XCTAssertFalse(state.history.canGoBack(from: state.trainer))
            XCTAssertTrue(Frame.render(state).text.contains("preset \(state.scenarioName)"))
        }
        XCTAssertEqual(
            names,
            [
                "and", "or", "xor", "xor-hidden", "circle", "spiral", "rings", "gauss", "overfit", "deep-sigmoid",
                "digits", "seed",
            ],
            "networks and generated ones too")
        XCTAssertEqual(state.trainer.scenario, Preset.seed.scenario)
        var fromFile = AppState(scenario: Preset.xor.scenario, scenarioName: "mine.json")
        fromFile.apply(.history(.nextScenario))
        XCTAssertEqual(fromFile.scenarioName, "seed", "from a file, d starts at the first preset")
    }

    func testTheUsersOwnScenarioStaysFirstInThePresetCycle() throws {
        // As `--preset xor --lr 0.3` starts: a preset changed by a flag is the user's own.
        var own = Preset.xor.scenario
        try own.setLearningRate(0.3)
        var state = AppState(scenario: own, scenarioName: "xor")
        state.apply(.training(.step))
        var names: [String] = []
        for _ in 0...Preset.allCases.count {
            state.apply(.history(.nextScenario))
            names.append(state.scenarioName)
        }
        XCTAssertEqual(names, Preset.allCases.map(\.rawValue) + ["xor"])
        XCTAssertEqual(state.trainer.scenario, own, "the flags are kept")
        XCTAssertEqual(state.trainer.learningRate, 0.3)
        XCTAssertEqual(state.trainer.stepCount, 0)
        XCTAssertEqual(
            state.message?.text, "xor: your own scenario, as the program started; b goes back to digits at step 0"
        )

        var fromFile = AppState(scenario: Preset.xor.scenario, scenarioName: "mine.json")
        for _ in 0...Preset.allCases.count { fromFile.apply(.history(.nextScenario)) }
        XCTAssertEqual(fromFile.scenarioName, "mine.json", "after the presets, the file again")
        XCTAssertTrue(Frame.render(fromFile, size: Size(width: 120, height: 40)).text.contains("mine.json"))

        var preset = AppState(scenario: Preset.and.scenario, scenarioName: "and")
        names = []
        for _ in 0..<Preset.allCases.count {
            preset.apply(.history(.nextScenario))
            names.append(preset.scenarioName)
        }
        XCTAssertEqual(
            names,
            [
                "or", "xor", "xor-hidden", "circle", "spiral", "rings", "gauss", "overfit", "deep-sigmoid", "digits",
                "seed", "and",
            ],
            "a preset as built in: the presets alone")
    }
}
