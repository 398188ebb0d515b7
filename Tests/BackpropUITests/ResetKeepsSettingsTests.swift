import BackpropCore
import Testing

@testable import BackpropUI

/// `x` starts the run again from the scenario's weights but keeps what the class chose live, as
/// it keeps `o`'s optimizer: the batch size (`B`) and the penalty with its λ (`L` `{ }`).
@Suite struct ResetKeepsSettingsTests {
    private func circle() throws -> AppState {
        var scenario = Preset.circle.scenario
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 7))
        return AppState(scenario: scenario, scenarioName: "circle", size: Size(width: 120, height: 40))
    }

    @Test func resetKeepsTheBatchSizeAndPenaltyChosenAndSaysSo() throws {
        var state = try circle()
        for _ in 0..<3 { state.apply(.training(.cycleBatchSize)) }  // 4
        state.apply(.training(.cyclePenalty))  // L1
        state.apply(.training(.penaltyStrengthUp))
        let (batch, penalty) = (state.trainer.miniBatchSize, state.trainer.penalty)
        #expect(batch == 4 && penalty == .l1(0.03))
        for _ in 0..<5 { state.apply(.training(.step)) }
        state.apply(.history(.reset))
        #expect(state.trainer.stepCount == 0)
        #expect(state.trainer.network == Trainer(scenario: state.trainer.scenario).network)
        #expect(state.trainer.miniBatchSize == batch)
        #expect(state.trainer.penalty == penalty)
        #expect(state.trainer.batchPosition.epoch == 1 && state.trainer.batchPosition.batch == 1)
        #expect(state.message?.text == "reset to step 0, batch 4 and L1 λ 0.03 kept (b goes back to step 5)")
    }

    @Test func resetWithTheScenariosSettingsSaysNothingOfThem() throws {
        var state = try circle()
        for _ in 0..<3 { state.apply(.training(.step)) }
        state.apply(.history(.reset))
        #expect(state.trainer.miniBatchSize == nil && state.trainer.penalty == Penalty.none)
        #expect(state.message?.text == "reset to step 0 (b goes back to step 3)")
    }
}
