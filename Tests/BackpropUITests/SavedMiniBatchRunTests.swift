import BackpropCore
import Foundation
import Testing

@testable import BackpropUI

/// `w` saves a run with mini-batches so that `--scenario` trains on exactly as it would have.
@Suite("w with mini-batches and a penalty")
struct SavedMiniBatchRunTests {
    @Test("w keeps the batch size and penalty chosen with B and L, and the place in the epoch")
    func savedRunGoesOnAsTheRunWould() throws {
        var scenario = Preset.circle.scenario(seed: 4)
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 4))
        var state = AppState(scenario: scenario, scenarioName: "circle", size: Size(width: 120, height: 40))
        for action in [Action.training(.cycleBatchSize), .training(.cycleBatchSize), .training(.cyclePenalty)] {
            state.apply(action)
        }
        for _ in 0..<7 { state.apply(.training(.step)) }
        #expect(state.trainer.miniBatchSize == 2 && state.trainer.penalty.isActive)
        #expect(state.trainer.state.samplesIntoEpoch != 0, "saved mid-epoch")
        let effects = state.apply(.file(.saveScenario))
        guard case .writeFile(let text, _, _, _)? = effects.first else {
            Issue.record("w asked for no file: \(effects)")
            return
        }
        let reloaded = try Scenario(json: Data(text.utf8))
        var resumed = Trainer(scenario: reloaded)
        var original = state.trainer
        #expect(resumed.nextBatch == original.nextBatch)
        #expect(resumed.batchPosition == original.batchPosition)
        resumed.run(steps: 23)
        original.run(steps: 23)
        #expect(resumed.network == original.network)
        #expect(resumed.cost.bitPattern == original.cost.bitPattern)
        #expect(resumed.testCost?.bitPattern == original.testCost?.bitPattern)
    }
}
