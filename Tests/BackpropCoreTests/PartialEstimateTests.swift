import BackpropCore
import Testing

/// The gradient check and the lr preview made a part at a time: only the parameters a pane
/// shows, one estimate (or one rate) a slice, with the very numbers of the whole computation.
@Suite("estimates made a part at a time")
struct PartialEstimateTests {
    private static func trainer() throws -> Trainer {
        var trainer = Trainer(scenario: Preset.xorHidden.scenario)
        trainer.run(steps: 7)
        return trainer
    }

    @Test("a run of parameters gets the whole estimate's numbers, one at a time, and no others")
    func aRunOfParameters() throws {
        let trainer = try Self.trainer()
        let whole = FiniteDifference(at: trainer)
        let count = trainer.network.parameters.count
        #expect(whole.isComplete && whole.gradient.count == count)
        var part = FiniteDifference(at: trainer, offsets: 3..<8)
        #expect(part.estimatedCount == 0 && !part.isComplete)
        #expect(part.estimate(atOffset: 3) == nil)
        for made in 1...5 {
            part.estimateNext(at: trainer)
            #expect(part.estimatedCount == made)
            #expect(part.estimate(atOffset: 3 + made - 1)?.bitPattern == whole.gradient[3 + made - 1].bitPattern)
            #expect(part.estimate(atOffset: 3 + made) == nil)
        }
        #expect(part.isComplete)
        part.estimateNext(at: trainer)
        #expect(part.estimatedCount == 5, "nothing more to make")
        #expect(part.estimate(atOffset: 2) == nil && part.estimate(atOffset: 8) == nil, "outside the run")
        #expect(part[ParameterIndex.weight(layer: 0, row: 0, column: 3)] == whole.gradient[3])
    }

    @Test("a run that moves keeps the estimates it shares with the last one")
    func aMovedRunKeepsWhatItShares() throws {
        let trainer = try Self.trainer()
        var first = FiniteDifference(at: trainer, offsets: 0..<6)
        while !first.isComplete { first.estimateNext(at: trainer) }
        let moved = FiniteDifference(at: trainer, offsets: 2..<8, reusing: first)
        #expect(moved.estimatedCount == 4, "2..<6 kept; 6 and 7 to make")
        #expect(moved.estimate(atOffset: 5) == first.estimate(atOffset: 5))
        // Another state's estimates are never taken.
        var later = trainer
        later.step()
        let elsewhere = FiniteDifference(at: later, offsets: 2..<8, reusing: first)
        #expect(elsewhere.estimatedCount == 0)
        // A run past the end is cut to the parameters there are.
        let count = trainer.network.parameters.count
        #expect(FiniteDifference(at: trainer, offsets: (count - 2)..<(count + 5)).offsets == (count - 2)..<count)
    }

    @Test(
        "the preview tries one rate at a time, each the cost the whole preview gives",
        arguments: [OptimizerName.sgd, .adam])
    func previewRateByRate(name: OptimizerName) throws {
        var trainer = try Self.trainer()
        trainer.setOptimizer(trainer.optimizer.named(name))
        trainer.run(steps: 2)
        let rates = [0.01, 0.1, 1, 10]
        let whole = LearningRatePreview(at: trainer, rates: rates)
        let trace = trainer.nextStep()
        var part = LearningRatePreview(pendingAt: trainer, rates: rates)
        #expect(part.entries.isEmpty && !part.isComplete && part.currentCost == trainer.cost)
        for tried in 1...rates.count {
            part.tryNext(at: trainer, nextStep: trace)
            #expect(part.entries.count == tried)
            #expect(part.entries[tried - 1].cost.bitPattern == whole.entries[tried - 1].cost.bitPattern)
        }
        #expect(part == whole)
    }
}
