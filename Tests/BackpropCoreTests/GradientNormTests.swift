import BackpropCore
import Foundation
import Testing

/// ‖∂C/∂Wˡ‖ per layer: the norms of the gradient the next step feeds its optimizer (after the
/// reduction, with the penalty's gradient), checked against central finite differences of C and
/// against a plain recomputation from the trace's exact gradient matrices, on random networks,
/// with the mean and sum reductions, L1 and L2, and a mini-batch.
@Suite struct GradientNormTests {
    /// Random networks of 2 to 4 layers without relu (whose kink has no derivative), with
    /// `reduction` and `penalty`.
    static func scenarios(reduction: Reduction, penalty: Penalty) throws -> [Scenario] {
        try (1...8).map { (seed: UInt64) in
            var random = SeededGenerator(seed: seed)
            var scenario = try random.networkScenario(
                activations: [.sigmoid, .tanh, .linear], loss: .sse, reduction: reduction)
            try scenario.setPenalty(penalty)
            return scenario
        }
    }

    /// √Σ of the squares of what a step feeds the optimizer for layer `l`'s weights, worked out
    /// from ∂C/∂θ given per parameter, the reduction over `samples` samples and `penalty`: the
    /// definition written out, without the trace's `weightStep`.
    static func expectedNorms(
        of network: Network, samples: Int, reduction: Reduction, penalty: Penalty,
        gradient: (ParameterIndex) -> Double
    ) -> [Double] {
        (0..<network.layerCount).map { l in
            var sum = 0.0
            for index in network.parameterIndices where index.layer == l {
                guard case .weight = index else { continue }
                var direction = gradient(index)
                if reduction.averagesWeights { direction /= Double(samples) }
                direction += penalty.gradient(weight: network[index])
                sum += direction * direction
            }
            return sum.squareRoot()
        }
    }

    static func close(_ got: [Double], _ want: [Double], tolerance: Double) -> Bool {
        got.count == want.count
            && zip(got, want).allSatisfy { abs($0 - $1) <= tolerance * max(abs($1), 1e-12) }
    }

    static let penalties: [Penalty] = [.none, .l1(0.05), .l2(0.1)]

    @Test(
        "the norms equal the definition computed from the trace's gradients, and the cheap path's bits",
        arguments: [Reduction.mean, .sum], penalties)
    func normsFollowTheDefinition(reduction: Reduction, penalty: Penalty) throws {
        for scenario in try GradientNormTests.scenarios(reduction: reduction, penalty: penalty) {
            let trainer = Trainer(scenario: scenario)
            let trace = trainer.nextStep()
            let want = GradientNormTests.expectedNorms(
                of: trainer.network, samples: scenario.sampleCount, reduction: reduction, penalty: penalty,
                gradient: trace.gradient(of:))
            #expect(GradientNormTests.close(trace.gradientNorms, want, tolerance: 1e-12))
            #expect(trainer.gradientNorms().map(\.bitPattern) == trace.gradientNorms.map(\.bitPattern))
            #expect(trace.gradientNorms.count == trainer.network.layerCount)
        }
    }

    @Test("the norms agree with central finite differences of C", arguments: [Reduction.mean, .sum], penalties)
    func normsAgreeWithFiniteDifferences(reduction: Reduction, penalty: Penalty) throws {
        for scenario in try GradientNormTests.scenarios(reduction: reduction, penalty: penalty) {
            let trainer = Trainer(scenario: scenario)
            let want = GradientNormTests.expectedNorms(
                of: trainer.network, samples: scenario.sampleCount, reduction: reduction, penalty: penalty
            ) { NetworkGradientTests.centralDifference(trainer, at: $0) }
            #expect(GradientNormTests.close(trainer.gradientNorms(), want, tolerance: 1e-5))
        }
    }

    @Test("with mini-batches the norms are of the next batch's gradient, and move on with the batches")
    func miniBatchNormsAreTheNextBatchs() throws {
        let scenario = try MiniBatchTrainingTests.circle(batch: 7, held: 0.2, penalty: .l2(0.02))
        var trainer = Trainer(scenario: scenario)
        var seen: Set<[UInt64]> = []
        for _ in 0..<7 {  // past the end of an epoch of 40 training samples
            let batch = trainer.nextBatch
            let network = trainer.network
            let want = GradientNormTests.expectedNorms(
                of: network, samples: batch.count, reduction: scenario.reduction, penalty: scenario.penalty
            ) { index in
                let h = 1e-6 * max(1, abs(network[index]))
                var (plus, minus) = (network, network)
                plus[index] += h
                minus[index] -= h
                return (trainer.cost(of: plus, samples: batch) - trainer.cost(of: minus, samples: batch)) / (2 * h)
            }
            let norms = trainer.gradientNorms()
            #expect(GradientNormTests.close(norms, want, tolerance: 1e-5))
            let trace = trainer.step()
            #expect(trace.samples == batch)
            #expect(trace.gradientNorms.map(\.bitPattern) == norms.map(\.bitPattern))
            seen.insert(norms.map(\.bitPattern))
        }
        #expect(seen.count == 7, "each batch has a gradient of its own")
    }

    @Test("measuring the norms leaves the trainer as it was")
    func measuringChangesNothing() throws {
        let scenario = try MiniBatchTrainingTests.circle(batch: 9, penalty: .l1(0.01))
        var trainer = Trainer(scenario: scenario)
        trainer.step()
        let before = trainer
        _ = trainer.gradientNorms()
        #expect(trainer == before)
        #expect(trainer.nextBatch == before.nextBatch)
        var stepped = trainer
        var reference = before
        #expect(stepped.step() == reference.step())
    }

    @Test("the Frobenius norm keeps its size for gradients whose squares would underflow or overflow")
    func frobeniusNormIsScaled() {
        #expect(Matrix([[3e-170, 4e-170]]).frobeniusNorm == 5e-170)
        #expect(Matrix([[3e170], [-4e170]]).frobeniusNorm == 5e170)
        #expect(Matrix([[0, 0]]).frobeniusNorm == 0)
        #expect(Matrix([[1, .infinity]]).frobeniusNorm == .infinity)
        #expect(Matrix([[.infinity, .nan]]).frobeniusNorm.isNaN)
    }

    @Test("deep-sigmoid: at step 0 the first layer's gradient is at least 100 times smaller than the last's")
    func deepSigmoidGradientVanishes() {
        let trainer = Trainer(scenario: Preset.deepSigmoid.scenario)
        #expect(trainer.network.sizes == [2, 8, 8, 8, 8, 1])
        #expect(trainer.network.activations.allSatisfy { $0 == .sigmoid })
        let norms = trainer.gradientNorms()
        #expect(norms.count == 5)
        #expect(norms[4] / norms[0] >= 100)
        // The size falls layer by layer on the way back.
        #expect(norms[0] < norms[2] && norms[2] < norms[3] && norms[3] < norms[4])
    }
}
