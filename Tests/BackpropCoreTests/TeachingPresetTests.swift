import BackpropCore
import Testing

/// The presets that teach a lesson of their own: `gauss` (one line separates two clusters) and
/// `overfit` (a big network learns noise by heart; the test cost says so, and L2 helps).
@Suite("gauss and overfit presets")
struct TeachingPresetTests {
    /// Keeps the training and test cost after every step.
    private struct Costs: CostObserver {
        var training: [Double] = []
        var test: [Double] = []
        mutating func record(step: Int, cost: Double) { training.append(cost) }
        mutating func record(_ report: StepReport) {
            training.append(report.cost)
            test.append(report.testCost ?? .nan)
        }
    }

    @Test("gauss: two clusters of 25 on either side of x1 + x2 = 0, every sample right within 100 steps")
    func gauss() {
        let scenario = Preset.gauss.scenario
        #expect(scenario.sampleCount == 50 && scenario.network.sizes == [2, 2, 1])
        let rows = scenario.inputs.rowArrays
        let targets = scenario.targets.elements
        #expect(targets.filter { $0 == 1 }.count == 25)
        let sideMatches = zip(rows, targets).filter { ($0[0] + $0[1] > 0) == ($1 == 1) }.count
        #expect(sideMatches == 50, "every point on its cluster's side of the line")
        var trainer = Trainer(scenario: scenario)
        trainer.run(steps: 100)
        let right = zip(trainer.prediction.elements, targets).filter { abs($0 - $1) < 0.5 }.count
        #expect(right == 50)
    }

    @Test("overfit: 20 training and 20 test samples, every fifth label against the rule")
    func overfitData() {
        let scenario = Preset.overfit.scenario
        #expect(scenario.split.training.count == 20 && scenario.split.test.count == 20)
        let against = zip(scenario.inputs.rowArrays, scenario.targets.elements).filter {
            ($0[0] + $0[1] > 0) != ($1 == 1)
        }
        #expect(against.count == 8)
    }

    /// The costs after every one of `steps` steps of `overfit`, with `penalty`.
    private static func overfitRun(steps: Int, penalty: Penalty) throws -> Costs {
        var trainer = Trainer(scenario: Preset.overfit.scenario)
        try trainer.setPenalty(penalty)
        var costs = Costs()
        costs.test.append(trainer.testCost!)
        costs.training.append(trainer.cost)
        trainer.run(steps: steps, observer: &costs)
        return costs
    }

    @Test("overfit: the test cost bottoms out early and rises far above it while the training cost falls")
    func overfitParts() throws {
        let costs = try Self.overfitRun(steps: 3000, penalty: .none)
        let lowest = costs.test.indices.min { costs.test[$0] < costs.test[$1] }!
        #expect(lowest > 0 && lowest < 1000, "lowest test cost at step \(lowest)")
        #expect(costs.test[lowest] < 0.8 * costs.test[0], "the test cost first falls: \(costs.test[lowest])")
        #expect(costs.test.last! > 1.5 * costs.test[lowest], "\(costs.test.last!) vs \(costs.test[lowest])")
        #expect(costs.training.last! < 0.01 * costs.training[0])
        #expect(costs.training.last! < costs.training[lowest])
    }

    @Test("overfit: --l2 0.01 ends with a lower test cost than no penalty after the same steps")
    func overfitL2() throws {
        let plain = try Self.overfitRun(steps: 3000, penalty: .none)
        let l2 = try Self.overfitRun(steps: 3000, penalty: .l2(0.01))
        #expect(l2.test.last! < 0.75 * plain.test.last!, "\(l2.test.last!) vs \(plain.test.last!)")
    }
}
