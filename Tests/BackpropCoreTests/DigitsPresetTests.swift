import BackpropCore
import Foundation
import Testing

/// The `digits` preset: the shipped pictures through 64-16-10, a fifth held out, batches of 32.
@Suite("the digits preset")
struct DigitsPresetTests {
    @Test("64-16-10, tanh then softmax, ce, mean, lr 0.2, batches of 32, 8x8 pictures")
    func shape() throws {
        let scenario = Preset.digits.scenario
        #expect(scenario.network.sizes == [64, 16, 10])
        #expect(scenario.network.activations == [.tanh, .softmax])
        #expect((scenario.loss, scenario.reduction, scenario.learningRate) == (.ce, .mean, 0.2))
        #expect(scenario.batchSize == 32)
        #expect(scenario.image == ImageShape(width: 8, height: 8))
        #expect(scenario.features == nil)
        // The samples are the shipped pictures in the file's order, scaled, with one-hot labels.
        let digits = DigitImages.shipped
        #expect(scenario.dataInputs.rowArrays == digits.scaledPixels)
        #expect(scenario.targets.rowArrays == digits.oneHotLabels)
        // Each first-layer weight starts within ±1/√64, as every generated preset's.
        #expect(scenario.network.layer(0).weights.elements.allSatisfy { abs($0) <= 0.125 })
        #expect(scenario.network.layer(0).bias.allSatisfy { $0 == 0 })
    }

    @Test("⌊0.2 · 1,797⌋ = 359 held out, 1,438 train, every sample once")
    func split() {
        let split = Preset.digits.scenario.split
        #expect(split.test.count == 359 && split.training.count == 1438)
        #expect(Set(split.training + split.test) == Set(0..<1797))
        // 1,438 in batches of 32: 44 full batches and one of 30, 45 steps an epoch.
        #expect(Trainer(scenario: Preset.digits.scenario).batchPosition.batches == 45)
    }

    @Test("another seed holds out other samples and starts from other weights; the same seed, the same")
    func seed() {
        let one = Preset.digits.scenario(seed: 1)
        let two = Preset.digits.scenario(seed: 2)
        #expect(Preset.digits.scenario(seed: 2) == two)
        #expect(one.split.test != two.split.test && one.split.test.count == two.split.test.count)
        #expect(one.network.parameters != two.network.parameters)
        // The pictures are the pictures, whatever the seed.
        #expect(one.dataInputs == two.dataInputs && one.targets == two.targets)
    }

    @Test("--hidden reshapes the network and keeps the batch size, the picture and the split")
    func hiddenKeepsTheRest() throws {
        let plain = Preset.digits.scenario(seed: 3)
        let wide = try Preset.digits.scenario(seed: 3, features: nil, hidden: [32, 8])
        #expect(wide.network.sizes == [64, 32, 8, 10])
        #expect(wide.network.activations == [.tanh, .tanh, .softmax])
        #expect(wide.batchSize == 32 && wide.image == plain.image && wide.split == plain.split)
        #expect((wide.loss, wide.learningRate) == (.ce, 0.2))
        let none = try Preset.digits.scenario(seed: 3, features: nil, hidden: [])
        #expect(none.network.sizes == [64, 10] && none.image == plain.image && none.split == plain.split)
    }

    @Test("a saved digits scenario keeps its picture: written and read back, the same scenario")
    func savedKeepsTheImage() throws {
        // As `w` saves a run: the scenario with the run's weights.
        var trainer = Trainer(scenario: Preset.digits.scenario)
        trainer.run(steps: 3)
        var saved = trainer.scenario
        saved.setNetwork(trainer.network)
        let text = saved.jsonText()
        #expect(text.contains("\n  \"image\": \"8x8\",\n"))
        let loaded = try Scenario(json: Data(text.utf8))
        #expect(loaded.image == ImageShape(width: 8, height: 8))
        #expect(loaded == saved)
    }
}
