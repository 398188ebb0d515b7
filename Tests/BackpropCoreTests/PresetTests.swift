import BackpropCore
import Testing

/// The built-in scenarios: all build, the learnable gates are learned, and xor is not.
@Suite struct PresetTests {
    @Test(arguments: Preset.allCases)
    func everyPresetBuildsAndIsFoundByName(preset: Preset) throws {
        let scenario = preset.scenario
        #expect(scenario.sampleCount == scenario.targets.rows)
        #expect(scenario.network.inputCount == scenario.inputCount)
        #expect(scenario.network.outputCount == scenario.outputCount)
        #expect(Trainer(scenario: scenario).cost.isFinite)
        #expect(Preset(rawValue: preset.rawValue) == preset)
    }

    @Test func seedIsTheArticlesExample() {
        let scenario = Preset.seed.scenario
        #expect(scenario.inputs.rowArrays == [[1, 2, 3], [3, 2, 1]])
        #expect(scenario.targets.rowArrays == [[1, 0], [0, 1]])
        #expect(scenario.network.layer(0).weights.rowArrays == [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]])
        #expect(scenario.network.layer(0).bias == [0, 0])
        #expect(scenario.learningRate == 0.1)
        #expect((scenario.network.activations[0], scenario.loss, scenario.reduction) == (.sigmoid, .sse, .seed))
    }

    /// AND and OR are linearly separable: 5000 steps put every prediction on the right side of
    /// 0.5 and bring the cost well down from its start.
    @Test(arguments: [Preset.and, .or])
    func aSeparableGateIsLearned(preset: Preset) {
        var trainer = Trainer(scenario: preset.scenario)
        let start = trainer.cost
        trainer.run(steps: 5000)
        #expect(trainer.cost < 0.1, "cost \(trainer.cost) after 5000 steps (started at \(start))")
        let targets = preset.scenario.targets.elements
        for (k, prediction) in trainer.prediction.elements.enumerated() {
            #expect((prediction > 0.5) == (targets[k] == 1), "sample \(k + 1): ŷ \(prediction), y \(targets[k])")
        }
    }

    /// No line separates XOR, so no W and b can put all four predictions on the right side of
    /// 0.5, and the cost stays near 1, where every prediction is 0.5.
    @Test func xorIsNotLearned() {
        var trainer = Trainer(scenario: Preset.xor.scenario)
        trainer.run(steps: 5000)
        #expect(trainer.cost > 0.9 && trainer.cost < 1.1, "cost \(trainer.cost)")
        let targets = Preset.xor.scenario.targets.elements
        let rightSide = trainer.prediction.elements.enumerated().filter { ($1 > 0.5) == (targets[$0] == 1) }.count
        #expect(rightSide < 4)
    }
}
