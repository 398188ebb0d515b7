import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// The visualiser treats a weight, a bias or an optimizer's number that stops being finite as
/// divergence, like a cost that does, though the cost still reads finite: running pauses and
/// says which number, a race counts that runner out, and `w` will not save what `--scenario`
/// could not load.
@Suite("a number that is not finite behind a finite cost")
struct HiddenDivergenceTests {
    /// The seed under momentum with μ = 1e308: every weight becomes -inf at step 3, and the
    /// sigmoid keeps the cost at 2.0.
    static func hugeMomentum(_ name: OptimizerName = .momentum) -> AppState {
        var scenario = Preset.seed.scenario
        try! scenario.setOptimizer(Optimizer(name, momentum: 1e308))
        return AppState(scenario: scenario, scenarioName: "seed --momentum 1e308", size: Size(width: 120, height: 40))
    }

    @Test("running stops at the step that made a weight -inf, paused, naming the weight")
    func runningPausesAtAnInfiniteWeight() throws {
        var start = Self.hugeMomentum()
        start.apply(.training(.run))
        let after = assertUpdate(start, .training(.advance(steps: 100))) {
            $0.previous = PreviousValues(of: start.trainer)
            var keeper = LandscapeStateTests.TrailKeeper(curve: $0.costCurve, trail: $0.trail)
            $0.trainer.run(steps: 100, observer: &keeper)
            ($0.costCurve, $0.trail) = (keeper.curve, keeper.trail)
            $0.gradientFlow.record(step: 3, norms: $0.trainer.gradientNorms())
            $0.isRunning = false
            $0.message = StatusMessage(
                wordings: [
                    "ω11 became -inf at step 3: paused; - lowers lr, then x resets",
                    "ω11 became -inf at step 3: - lowers lr, then x resets",
                ], kind: .error)
        }
        #expect(after.trainer.stepCount == 3)
        #expect(after.trainer.cost == 2.0, "the cost alone says nothing is wrong")
        #expect(after.hasDiverged)
    }

    @Test("s takes the step that diverges, then refuses the next one, naming the weight")
    func steppingRefusesAfterAnInfiniteWeight() {
        var state = Self.hugeMomentum()
        for _ in 0..<3 { state.apply(.training(.step)) }
        #expect(state.message?.text == "ω11 became -inf at step 3: paused; - lowers lr, then x resets")
        assertUpdate(state, .training(.step)) {
            $0.message = StatusMessage(
                wordings: [
                    "training diverged (ω11 is -inf): - lowers lr, then x resets",
                    "training diverged: - lowers lr, then x resets",
                ], kind: .error)
        }
    }

    @Test("an optimizer's v that overflows is named with its parameter")
    func anOverflowingVIsNamed() throws {
        var scenario = try Scenario(
            inputs: [[1e200], [-1e200]], targets: [[0], [1]], weights: [[0.5]], bias: [0], learningRate: 0.1,
            activation: .sigmoid, loss: .bce, reduction: .mean)
        try scenario.setOptimizer(Optimizer(.rmsprop))
        var state = AppState(scenario: scenario, scenarioName: "huge x")
        state.apply(.training(.advance(steps: 10)))
        #expect(state.trainer.stepCount == 1)
        #expect(state.message?.text == "v of ω11 became inf at step 1: paused; - lowers lr, then x resets")
    }

    @Test("w refuses a state with a weight of -inf in one line, and asks for no file")
    func saveRefusesAnInfiniteWeight() {
        var start = Self.hugeMomentum()
        start.apply(.training(.advance(steps: 100)))
        assertUpdate(start, .file(.saveScenario), effects: []) {
            $0.message = StatusMessage(
                wordings: [
                    "not saved: ω11 is -inf at step 3, and --scenario could not load it back; b steps back, x resets",
                    "not saved: ω11 is -inf; b steps back, x resets", "not saved: ω11 is -inf",
                ], kind: .error)
        }
        // What it would have written: "w": [[-inf, ...]], which no scenario file may hold.
        var scenario = start.trainer.scenario
        scenario.setNetwork(start.trainer.network)
        #expect(throws: ScenarioError.self) { try Scenario(json: Data(scenario.jsonText().utf8)) }
    }

    @Test("b steps back to a state w saves, which loads back")
    func afterStepBackTheStateSavesAndLoads() throws {
        var state = Self.hugeMomentum()
        state.apply(.training(.advance(steps: 100)))
        state.apply(.history(.stepBack))
        #expect(state.trainer.stepCount == 2)
        #expect(!state.hasDiverged)
        let effects = state.apply(.file(.saveScenario))
        guard case .writeFile(let text, _, _, _)? = effects.first else {
            Issue.record("no file asked for: \(effects)")
            return
        }
        let loaded = try Scenario(json: Data(text.utf8))
        #expect(loaded.network == state.trainer.network)
        #expect(loaded.optimizerState == state.trainer.state.optimizerState)
    }

    @Test("w still saves a state whose cost alone is infinite: its numbers load back as they are")
    func saveKeepsAStateWithOnlyAnInfiniteCost() {
        var state = TestScenarios.diverging()
        state.apply(.training(.advance(steps: 2000)))
        #expect(state.trainer.divergence?.subject == .cost)
        #expect(state.apply(.file(.saveScenario)).count == 1)
    }

    @Test("a rival whose weights become -inf is out of the race, named, and ranked last")
    func aRivalWithAnInfiniteWeightLeavesTheRace() {
        var state = Self.hugeMomentum(.sgd)
        state.raceNames = [.sgd, .momentum]
        state.apply(.race(.toggle))
        state.apply(.training(.advance(steps: 10)))
        let rival = state.raceRunners[1]
        #expect(rival.trainer.stepCount == 3)
        #expect(rival.trainer.cost.isFinite)
        #expect(rival.costText == "diverged")
        #expect(
            state.message?.text
                == "momentum diverged at step 3 (ω11 is -inf): its curve ends there; the race goes on")
        #expect(state.trainer.stepCount == 10, "the run on screen goes on")
        state.apply(.race(.toggle))
        #expect(state.message?.text.hasPrefix("race ended at step 10, lowest cost first: sgd ") == true)
        #expect(state.message?.text.contains("momentum diverged") == true)
    }
}
