import BackpropCore
import Foundation
import Testing

/// Properties of the trainer that hold for any scenario: bounded activations never give NaN,
/// reset and restore are exact, and `run` stops where it says it does.
@Suite struct TrainerPropertyTests {
    static let boundedActivations: [Activation] = [.sigmoid, .tanh]

    /// With g bounded, ŷ and so C stay bounded whatever lr does to W. Data is kept to a sane size
    /// (|x|, |w|, |b| ≤ 10): with entries near 1e300, xW itself overflows to ∞ - ∞ = NaN, which
    /// no activation can prevent.
    @Test(arguments: boundedActivations)
    func costIsNeverNaNWithABoundedActivation(activation: Activation) throws {
        var random = SeededGenerator(seed: 42)
        for round in 0..<200 {
            let loss = Loss.allCases[round % Loss.allCases.count]
            let reduction = Reduction.allCases[round % Reduction.allCases.count]
            // bce and ce bring their own bounded output activation (sigmoid, softmax).
            let scenario = try random.scenario(
                activation: loss.pairedActivation ?? activation, loss: loss, reduction: reduction,
                learningRate: 1...1000, magnitude: 10)
            var trainer = Trainer(scenario: scenario)
            var recorder = CostRecorder()
            let taken = trainer.run(steps: 300, observer: &recorder)
            #expect(taken == 300, "round \(round): stopped after \(taken) steps")
            #expect(
                recorder.costs.allSatisfy { $0.isFinite },
                "round \(round), lr \(scenario.learningRate): first bad cost \(recorder.costs.first { !$0.isFinite } ?? 0)"
            )
            #expect(trainer.nextStep().costAfter.isFinite, "round \(round): the step path")
        }
    }

    @Test func resetReturnsTheExactInitialState() throws {
        var random = SeededGenerator(seed: 7)
        for activation in Activation.allCases {
            let scenario = try random.scenario(
                activation: activation, loss: activation.loss(preferring: .sse), reduction: .seed)
            let fresh = Trainer(scenario: scenario)
            var trainer = fresh
            trainer.run(steps: 17)
            trainer.step()
            try trainer.setLearningRate(scenario.learningRate * 3)
            trainer.run(steps: 5)
            #expect(trainer.stepCount == 23)
            #expect(trainer.network.bitPatterns != fresh.network.bitPatterns, "\(activation): training moved nothing")

            trainer.reset()
            #expect(trainer.network.bitPatterns == fresh.network.bitPatterns, "\(activation)")
            #expect(trainer.network.bitPatterns == scenario.network.bitPatterns, "\(activation)")
            #expect(trainer.learningRate.bitPattern == scenario.learningRate.bitPattern, "\(activation)")
            #expect(trainer.stepCount == 0)
            #expect(trainer.cost.bitPattern == fresh.cost.bitPattern, "\(activation)")
            #expect(trainer.prediction.elements.map(\.bitPattern) == fresh.prediction.elements.map(\.bitPattern))
        }
    }

    /// Step back in the UI is `restore` of a remembered layer: it must give back that state's
    /// cost, and training on from it must retrace the same path.
    @Test func restoreOfAnEarlierLayerIsExact() throws {
        var random = SeededGenerator(seed: 11)
        for activation in Activation.allCases {
            let scenario = try random.scenario(
                activation: activation, loss: activation.loss(preferring: .mse), reduction: .sum)
            var trainer = Trainer(scenario: scenario)
            trainer.run(steps: 9)
            let remembered = (state: trainer.state, cost: trainer.cost)
            let nextTrace = trainer.nextStep()
            try trainer.setLearningRate(remembered.state.learningRate / 2)
            trainer.run(steps: 30)

            trainer.restore(remembered.state)
            #expect(trainer.cost.bitPattern == remembered.cost.bitPattern, "\(activation)")
            #expect(trainer.stepCount == 9)
            #expect(trainer.learningRate == remembered.state.learningRate)
            let retraced = trainer.step()
            #expect(retraced.networkAfter.bitPatterns == nextTrace.networkAfter.bitPatterns, "\(activation)")
            #expect(retraced.costAfter.bitPattern == nextTrace.costAfter.bitPattern, "\(activation)")
            #expect(retraced.number == 10)
        }
    }

    /// A linear layer with a large lr overshoots further each step until C overflows; `run`
    /// must stop right after the first step whose cost is not finite.
    @Test func runStopsAtTheFirstNonFiniteCost() throws {
        let scenario = try Scenario(
            inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
            weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], learningRate: 10, activation: .linear)
        var trainer = Trainer(scenario: scenario)
        var recorder = CostRecorder()
        let taken = trainer.run(steps: 100_000, observer: &recorder)

        #expect(taken < 100_000, "the cost never overflowed")
        #expect(taken == recorder.costs.count)
        #expect(recorder.steps == Array(1...taken))
        #expect(recorder.costs.dropLast().allSatisfy { $0.isFinite })
        #expect(recorder.costs.last?.isFinite == false)
        #expect(trainer.stepCount == taken)
        #expect(!trainer.cost.isFinite)
        #expect(trainer.run(steps: 10) == 0, "a diverged trainer takes no more steps")
        #expect(trainer.stepCount == taken)
    }

    @Test func runWithoutObserverReturnsTheStepsTaken() throws {
        let scenario = try Scenario(
            inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
            weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], learningRate: 10, activation: .linear)
        var observed = Trainer(scenario: scenario)
        var recorder = CostRecorder()
        let expected = observed.run(steps: 100_000, observer: &recorder)
        var plain = Trainer(scenario: scenario)
        #expect(plain.run(steps: 100_000) == expected)
        var seed = Trainer(scenario: Preset.seed.scenario)
        #expect(seed.run(steps: 0) == 0)
        #expect(seed.run(steps: 250) == 250)
    }

    /// The cost threshold lets a caller train "until good enough"; the observer is the cost
    /// curve, so it must see every step, numbered in order, with the same costs `step` gives.
    @Test func runStopsAtTheFirstCostAtOrBelowTheThreshold() throws {
        // The costs one step at a time on the interactive path, from step 3 on. The threshold is
        // one of them exactly, so "at or below" and "below" stop at different steps.
        var stepped = Trainer(scenario: Preset.seed.scenario)
        stepped.run(steps: 3)
        let steppedCosts = (0..<50).map { _ in stepped.step().costAfter }
        let threshold = steppedCosts[9]
        let expectedSteps = try #require(steppedCosts.firstIndex { $0 <= threshold }) + 1

        var trainer = Trainer(scenario: Preset.seed.scenario)
        trainer.run(steps: 3)
        var recorder = CostRecorder()
        let taken = trainer.run(steps: 10_000, observer: &recorder, stopAtCost: threshold)

        #expect(taken == expectedSteps)
        #expect(recorder.steps == Array(4...(3 + expectedSteps)))
        #expect(recorder.costs.map(\.bitPattern) == steppedCosts.prefix(expectedSteps).map(\.bitPattern))
        #expect(trainer.stepCount == 3 + taken)
        #expect(trainer.cost.bitPattern == threshold.bitPattern)

        // A threshold the current cost already meets still takes one step: the check follows it.
        var reached = Trainer(scenario: Preset.seed.scenario)
        #expect(reached.run(steps: 10, observer: &recorder, stopAtCost: 100) == 1)
    }
}
