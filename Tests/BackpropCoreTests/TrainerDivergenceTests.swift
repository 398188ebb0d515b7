import BackpropCore
import Foundation
import Testing

/// A run has diverged when any number of its state stops being finite, not only its cost: a
/// weight of -inf behind a sigmoid still gives a finite cost, and a v of inf freezes its
/// parameter while the cost reads finite. Both the run path and the one-step path stop there,
/// and name the number.
@Suite struct TrainerDivergenceTests {
    /// The seed under momentum with μ = 1e308: buf overflows at step 3 and every weight becomes
    /// -inf, while the sigmoid keeps the cost at a finite 2.0.
    static func hugeMomentum() throws -> Scenario {
        var scenario = Preset.seed.scenario
        try scenario.setOptimizer(Optimizer(.momentum, momentum: 1e308))
        return scenario
    }

    /// One input of 1e200 (then -1e200) through a sigmoid with bce: the cost is a finite 1e200,
    /// and the gradient is about 5e199, whose square overflows v at the first step.
    static func hugeGradient(_ name: OptimizerName) throws -> Scenario {
        var scenario = try Scenario(
            inputs: [[1e200], [-1e200]], targets: [[0], [1]], weights: [[0.5]], bias: [0], learningRate: 0.1,
            activation: .sigmoid, loss: .bce, reduction: .mean)
        try scenario.setOptimizer(Optimizer(name))
        return scenario
    }

    /// Whether every number of the state is finite, read the plain way (the oracle the kernel's
    /// folded check is held to).
    static func isFinite(_ state: TrainingState) -> Bool {
        (state.network.parameters + state.optimizerState.first + state.optimizerState.second).allSatisfy(\.isFinite)
    }

    /// The step at which `scenario` first has a number that is not finite, taking one traced step
    /// at a time, and the trainer there; nil if it never does in `limit` steps.
    static func firstNonFiniteStep(of scenario: Scenario, limit: Int) -> Trainer? {
        var trainer = Trainer(scenario: scenario)
        for _ in 0..<limit {
            trainer.step()
            if !trainer.cost.isFinite || !isFinite(trainer.state) { return trainer }
        }
        return nil
    }

    @Test func aWeightOfMinusInfinityIsDivergenceThoughTheCostIsFinite() throws {
        var trainer = Trainer(scenario: try Self.hugeMomentum())
        let taken = trainer.run(steps: 10)
        #expect(taken == 3, "the run stops at the step that made the weights -inf")
        #expect(trainer.cost == 2.0, "the sigmoid hides it: every output is 0")
        #expect(trainer.hasDiverged)
        let divergence = try #require(trainer.divergence)
        #expect(divergence.subject == .parameter(.weight(layer: 0, row: 0, column: 0)))
        #expect(divergence.value == -.infinity)
        #expect(divergence.description == "a weight is -inf")
        #expect(trainer.run(steps: 5) == 0, "a diverged trainer takes no more steps")
        #expect(trainer.stepCount == 3)
    }

    @Test func theOneStepPathFindsItAtTheSameStep() throws {
        var trainer = Trainer(scenario: try Self.hugeMomentum())
        var steps = 0
        while !trainer.hasDiverged && steps < 10 {
            trainer.step()
            steps += 1
        }
        #expect(trainer.stepCount == 3)
        #expect(trainer.divergence?.subject == .parameter(.weight(layer: 0, row: 0, column: 0)))
    }

    @Test func plainGradientDescentWithAHugeLearningRateOverflowsAWeight() throws {
        // lr·g = 1.7e308 · 25 is past the largest double; then a = 100 · -inf and ŷ = 0, which is
        // the target: a cost of exactly 0 that a run stopping at a cost would take for success.
        var trainer = Trainer(
            scenario: try Scenario(
                inputs: [[100]], targets: [[0]], weights: [[0]], learningRate: 1.7e308, activation: .sigmoid))
        var recorder = CostRecorder()
        #expect(trainer.run(steps: 10, observer: &recorder, stopAtCost: 0.1) == 1)
        #expect(recorder.costs == [0], "a cost at the threshold, and yet no success")
        #expect(trainer.divergence?.description == "a weight is -inf")
    }

    /// A sigmoid fed 1e308 through weights of 1: a = 3·1e308 overflows to +∞ while every
    /// parameter is finite, and the output is a finite 1. That is no divergence, and the run
    /// must take every step it was asked for, on the same path as the one-step path.
    @Test func aPreActivationThatOverflowsWithFiniteParametersIsNoDivergence() throws {
        let scenario = try Scenario(
            inputs: [[1e308, 1e308, 1e308], [1, 2, 3]], targets: [[1], [0]], weights: [[1], [1], [1]],
            learningRate: 0.1, activation: .sigmoid)
        var trainer = Trainer(scenario: scenario)
        #expect(trainer.preActivation(ofLayer: 0)[0, 0] == .infinity)
        #expect(!trainer.hasDiverged)
        var stepped = trainer
        #expect(trainer.run(steps: 50) == 50)
        #expect(!trainer.hasDiverged)
        for _ in 0..<50 { stepped.step() }
        #expect(trainer.state == stepped.state)
        #expect(trainer.cost.bitPattern == stepped.cost.bitPattern)
    }

    @Test(arguments: [OptimizerName.rmsprop, .adam])
    func anOverflowingVIsDivergenceThoughTheParametersStayFinite(name: OptimizerName) throws {
        var trainer = Trainer(scenario: try Self.hugeGradient(name))
        #expect(!trainer.hasDiverged, "step 0 is fine: cost \(trainer.cost)")
        #expect(trainer.run(steps: 10) == 1)
        #expect(
            trainer.network.parameters.allSatisfy { $0.isFinite }, "g/√∞ is a step of 0: \(trainer.network.parameters)")
        #expect(trainer.cost.isFinite)
        let divergence = try #require(trainer.divergence)
        #expect(divergence.subject == .optimizerState(list: "v", parameter: .weight(layer: 0, row: 0, column: 0)))
        #expect(divergence.description == "a weight's v is inf")
    }

    @Test func adamWithNoEpsilonDividesZeroByZeroForAGradientOfZero() throws {
        // x₂ is 0 in every sample, so ω21's gradient is exactly 0: m = v = 0 and 0/(0 + 0) is NaN.
        var scenario = try Scenario(
            inputs: [[1, 0], [2, 0]], targets: [[1], [0]], weights: [[0.1], [0.2]], activation: .sigmoid)
        try scenario.setOptimizer(Optimizer(.adam, epsilon: 0))
        var trainer = Trainer(scenario: scenario)
        #expect(trainer.run(steps: 10) == 1)
        let divergence = try #require(trainer.divergence)
        #expect(divergence.subject == .parameter(.weight(layer: 0, row: 1, column: 0)))
        #expect(divergence.value.isNaN)
        #expect(divergence.description == "a weight is nan")
    }

    /// Random scenarios pushed to the edge (lr and μ up to 1e300, data up to 1e150) under every
    /// rule: the run path stops at exactly the step where the traced path first holds a number
    /// that is not finite, and names the same one.
    @Test(arguments: OptimizerName.allCases)
    func theRunPathStopsWhereTheFirstNumberStopsBeingFinite(name: OptimizerName) throws {
        var random = SeededGenerator(seed: 2024)
        var (diverged, hidden) = (0, 0)
        for round in 0..<60 {
            let magnitude = [1.0, 1e50, 1e150][round % 3]
            var scenario = try random.scenario(
                activation: [.sigmoid, .tanh, .linear, .relu][round % 4], loss: .sse, reduction: .seed,
                magnitude: magnitude)
            // lr from 1 to 1e300, evenly in its exponent.
            try scenario.setLearningRate(pow(10, random.uniform(0...300)))
            try scenario.setOptimizer(Optimizer(name, momentum: pow(10, random.uniform(-1...300)), epsilon: 0))
            var trainer = Trainer(scenario: scenario)
            // Data this large can make the cost infinite before any step: nothing to run.
            guard !trainer.hasDiverged else { continue }
            let oracle = Self.firstNonFiniteStep(of: scenario, limit: 200)
            let taken = trainer.run(steps: 200)
            guard let oracle else {
                #expect(taken == 200 && !trainer.hasDiverged, "round \(round): stopped at \(taken)")
                continue
            }
            diverged += 1
            if oracle.cost.isFinite { hidden += 1 }
            #expect(taken == oracle.stepCount, "round \(round)")
            #expect(trainer.divergence?.subject == oracle.divergence?.subject, "round \(round)")
            #expect(trainer.state == oracle.state, "round \(round): the same numbers by both paths")
        }
        #expect(diverged >= 10, "the rounds must reach divergence to test anything")
        #expect(hidden >= 1, "and some with a finite cost, which a check of the cost alone misses")
    }

    @Test func restoringOrChangingTheOptimizerKeepsADivergedStateDiverged() throws {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        var state = trainer.state
        state.network.parameters[7] = .nan
        trainer.restore(state)
        #expect(trainer.divergence?.subject == .parameter(.bias(layer: 0, column: 1)))
        #expect(trainer.divergence?.description == "a bias is nan")
        trainer.setOptimizer(Optimizer.sgd.named(.adam))
        #expect(trainer.hasDiverged, "a fresh optimizer's state does not make the bias finite")
        #expect(trainer.run(steps: 3) == 0)
        trainer.reset()
        #expect(!trainer.hasDiverged)
    }

    @Test func aCostThatIsNotFiniteIsStillNamedAsTheCost() throws {
        let overshooting = try Scenario(
            inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
            weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
            learningRate: 1, activation: .linear)
        var trainer = Trainer(scenario: overshooting)
        trainer.run(steps: 5000)
        let divergence = try #require(trainer.divergence)
        #expect(divergence.subject == .cost)
        #expect(divergence.description.hasPrefix("cost "))
        #expect(!divergence.description.contains("-nan"), "a NaN has no sign worth printing")
    }
}
