import BackpropCore
import Testing

@testable import BackpropUI

/// Getting past a divergence as the status line says: `-` lowers the lr, then `x` resets to step 0
/// and keeps that lr, so the run that follows trains instead of diverging again; `b` still
/// undoes each of those keys exactly.
@Suite struct DivergenceRecoveryTests {
    /// The article's example with linear outputs at lr 0.5 (`--activation linear --lr 0.5`),
    /// run until it diverges: at 0.02 the same start converges.
    private static func diverged() -> AppState {
        var state = AppState(scenario: linear(learningRate: 0.5), scenarioName: "seed --activation linear --lr 0.5")
        state.apply(.training(.run))
        state.apply(.training(.advance(steps: 1000)))
        return state
    }

    /// The article's example with linear outputs and `learningRate`.
    private static func linear(learningRate: Double) -> Scenario {
        var scenario = Preset.seed.scenario
        try! scenario.set(activations: [.linear], loss: nil)
        try! scenario.setLearningRate(learningRate)
        return scenario
    }

    @Test("the advice names the order that works: - lowers lr, then x resets")
    func adviceNamesTheOrder() {
        let state = Self.diverged()
        let (diverged, running) = (state.hasDiverged, state.isRunning)
        #expect(diverged && !running)
        let step = state.trainer.stepCount
        #expect(state.message?.text == "cost became inf at step \(step): paused; - lowers lr, then x resets")
        var refused = state
        refused.apply(.training(.step))
        #expect(refused.message?.text == "training diverged (cost inf): - lowers lr, then x resets")
    }

    @Test("- then x keeps the lowered lr, says so, and the run trains instead of diverging again")
    func lowerThenResetTrains() {
        var state = Self.diverged()
        let divergedAt = state.trainer.stepCount
        for _ in 0..<4 { state.apply(.training(.learningRateDown)) }
        #expect(state.trainer.learningRate == 0.02)
        #expect(state.message?.text == "lr 0.02: x resets to step 0 with it")
        state.apply(.history(.reset))
        let (step, stillDiverged, rate) = (state.trainer.stepCount, state.hasDiverged, state.trainer.learningRate)
        #expect(step == 0 && !stillDiverged && rate == 0.02)
        #expect(state.message?.text == "reset to step 0, lr stays 0.02 (b goes back to step \(divergedAt))")
        state.apply(.training(.advance(steps: 1000)))
        let (diverged, cost) = (state.hasDiverged, state.trainer.cost)
        #expect(!diverged, "\(state.message?.text ?? "")")
        #expect(cost < 1e-20)
    }

    @Test("x without - brings back the scenario's lr, and says it diverged")
    func resetAloneSaysTheLearningRateDiverged() {
        var state = Self.diverged()
        state.apply(.history(.reset))
        #expect(state.trainer.learningRate == 0.5)
        #expect(state.message?.wordings.last == "reset to step 0, lr still 0.5, which diverged; - lowers it")
    }

    @Test("an lr raised past the scenario's is not kept: x brings back the scenario's, as advised")
    func raisedLearningRateIsNotKept() {
        var state = AppState(scenario: Self.linear(learningRate: 0.02), scenarioName: "linear")
        state.setLearningRate(0.5)
        state.apply(.training(.advance(steps: 1000)))
        let diverged = state.hasDiverged
        #expect(diverged)
        #expect(state.message?.text.hasSuffix("x resets to step 0 with the scenario's lr 0.02") == true)
        state.apply(.history(.reset))
        #expect(state.trainer.learningRate == 0.02)
        #expect(state.message?.wordings.last == "reset to step 0, lr back to 0.02")
    }

    @Test("without a divergence x brings back the scenario's lr as before")
    func resetWithoutDivergenceRestoresTheScenariosLearningRate() {
        var state = AppState(scenario: Preset.seed.scenario, scenarioName: "seed")
        state.apply(.training(.learningRateDown))
        state.apply(.training(.step))
        state.apply(.history(.reset))
        #expect(state.trainer.learningRate == 0.1)
    }

    @Test("b undoes the reset, then the lr change, back to the diverged run bit for bit")
    func stepBackUndoesEachKey() {
        let diverged = Self.diverged()
        var state = diverged
        state.apply(.training(.learningRateDown))
        let lowered = state.trainer
        state.apply(.history(.reset))
        state.apply(.history(.stepBack))
        let afterReset = state.trainer
        #expect(afterReset == lowered)
        state.apply(.history(.stepBack))
        let afterChange = state.trainer
        #expect(afterChange == diverged.trainer)
        #expect(state.trainer.learningRate == 0.5)
    }

    @Test("in a race, - ends it and x keeps the lowered lr for the run on screen")
    func raceEndsAndTheResetKeepsTheRate() {
        // A diverged run cannot start a race; one started before the divergence ends with -.
        var racing = AppState(scenario: Self.diverged().trainer.scenario, scenarioName: "linear")
        racing.apply(.race(.toggle))
        racing.apply(.training(.advance(steps: 1000)))
        let (diverged, raceGoesOn) = (racing.hasDiverged, racing.race != nil)
        #expect(diverged && raceGoesOn, "divergence pauses the race; it does not end it")
        racing.apply(.training(.learningRateDown))
        let raceEnded = racing.race == nil
        #expect(raceEnded)
        racing.apply(.history(.reset))
        let (rate, divergedAgain) = (racing.trainer.learningRate, racing.hasDiverged)
        #expect(rate == 0.2 && !divergedAgain)
    }
}
