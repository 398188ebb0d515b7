import BackpropCore
import Testing

/// The gradient check and the learning-rate preview the inspector panes show.
@Suite("teaching tools")
struct TeachingToolTests {
    @Test("the finite-difference estimate agrees with backprop on the seed")
    func finiteDifferenceAgrees() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        trainer.run(steps: 5)
        let estimate = FiniteDifference(at: trainer)
        let trace = trainer.nextStep()
        #expect(estimate.gradient.count == 8)
        for (backprop, finite) in zip(trace.gradient, estimate.gradient) {
            #expect(FiniteDifference.relativeError(backprop, finite) < 1e-7)
        }
    }

    @Test("relative error is symmetric, zero for equal values and for two zeros")
    func relativeError() {
        #expect(FiniteDifference.relativeError(0, 0) == 0)
        #expect(FiniteDifference.relativeError(2, 2) == 0)
        #expect(FiniteDifference.relativeError(1, 2) == 0.5)
        #expect(FiniteDifference.relativeError(2, 1) == 0.5)
    }

    @Test("the preview predicts exactly what a step with each rate does, and flags rises")
    func preview() throws {
        let trainer = Trainer(scenario: Preset.seed.scenario)
        let rates = [0.01, 0.1, 1, 10, 100]
        let preview = LearningRatePreview(at: trainer, rates: rates)
        #expect(preview.currentCost == trainer.cost)
        #expect(preview.entries.map(\.learningRate) == rates)
        for entry in preview.entries {
            var copy = trainer
            try copy.setLearningRate(entry.learningRate)
            copy.step()
            #expect(entry.cost.bitPattern == copy.cost.bitPattern)
            #expect(entry.raisesCost == (copy.cost > trainer.cost))
        }
        #expect(preview.entries[1].cost == 1.4556414717601052)
        #expect(preview.entries.contains { $0.raisesCost }, "a huge lr overshoots the seed's valley")
        #expect(preview.entries.contains { !$0.raisesCost })
    }

    @Test(
        "with another optimizer the preview takes that rule's step, from its state", arguments: OptimizerName.allCases)
    func previewWithOptimizers(name: OptimizerName) throws {
        var trainer = Trainer(scenario: Preset.xorHidden.scenario)
        trainer.setOptimizer(trainer.optimizer.named(name))
        trainer.run(steps: 4)
        let rates = [0.01, 0.1, 1, 10]
        let preview = LearningRatePreview(at: trainer, rates: rates)
        for entry in preview.entries {
            var copy = trainer
            try copy.setLearningRate(entry.learningRate)
            copy.step()
            #expect(entry.cost.bitPattern == copy.cost.bitPattern, "\(name) at lr \(entry.learningRate)")
        }
    }
}

/// `cost(of:)` reads the data in place; it must agree with moving the trainer there.
@Suite("cost of another layer")
struct CostOfLayerTests {
    @Test("equals restore-then-cost bit for bit, for every activation and loss")
    func agreesWithRestore() throws {
        var generator = SeededGenerator(seed: 7)
        for loss in Loss.allCases {
            for activation in loss.outputActivations {
                let (n, m, samples) = (3, 2, 4)
                let x = (0..<samples).map { _ in (0..<n).map { _ in generator.symmetric(2) } }
                // The cross-entropies need probabilities: one-hot rows, the class drawn.
                let y = (0..<samples).map { _ -> [Double] in
                    guard loss.isClassification else { return (0..<m).map { _ in generator.symmetric(1) } }
                    let hot = generator.symmetric(1) < 0 ? 0 : 1
                    return (0..<m).map { $0 == hot ? 1 : 0 }
                }
                let w = (0..<n).map { _ in (0..<m).map { _ in generator.symmetric(1) } }
                let scenario = try Scenario(
                    inputs: x, targets: y, weights: w, activation: activation, loss: loss)
                let trainer = Trainer(scenario: scenario)
                for _ in 0..<10 {
                    var network = trainer.network
                    network.parameters = network.parameters.map { $0 + generator.symmetric(0.5) }
                    var moved = trainer
                    moved.restore(TrainingState(network: network, stepCount: 0, learningRate: 0.1))
                    #expect(trainer.cost(of: network).bitPattern == moved.cost.bitPattern)
                }
            }
        }
    }
}
