import BackpropCore
import Foundation
import Testing

/// ∂C/∂W and ∂C/∂b from the backward pass against central finite differences of C, and the
/// reduction's scaling of them into the update, for every activation, loss and reduction.
@Suite struct GradientCheckTests {
    static let configurations = Loss.validConfigurations
    static let scenariosPerConfiguration = 25

    /// Random scenarios for one configuration, each from its own seed so a failure names a
    /// scenario that can be rebuilt alone. relu has a kink at a = 0 where C has no derivative;
    /// scenarios with a pre-activation that close to it are skipped (drawn again).
    static func scenarios(_ activation: Activation, _ loss: Loss, _ reduction: Reduction) throws -> [(
        seed: UInt64, scenario: Scenario
    )] {
        var result: [(UInt64, Scenario)] = []
        var seed: UInt64 = 1
        while result.count < scenariosPerConfiguration {
            var random = SeededGenerator(seed: seed)
            let scenario = try random.scenario(activation: activation, loss: loss, reduction: reduction)
            let nearKink = Trainer(scenario: scenario).nextStep().layers[0].preActivation.elements.contains {
                abs($0) < 1e-3
            }
            if activation != .relu || !nearKink { result.append((seed, scenario)) }
            seed += 1
        }
        return result
    }

    /// Central difference of C in one parameter: h scales with the parameter so it stays well
    /// above rounding, and the error is O(h²) ≈ 1e-12 relative.
    static func centralDifference(_ trainer: Trainer, _ perturb: (inout DenseLayer, Double) -> Void, at value: Double)
        -> Double
    {
        let h = 1e-6 * max(1, abs(value))
        var plus = trainer.network.layer(0)
        var minus = trainer.network.layer(0)
        perturb(&plus, h)
        perturb(&minus, -h)
        return (trainer.cost(of: Network(layers: [plus])) - trainer.cost(of: Network(layers: [minus]))) / (2 * h)
    }

    /// Relative 1e-6, with an absolute floor for gradients that are (nearly) zero, where the
    /// difference quotient is all rounding: ε·C/h ≈ 2e-10·C.
    static func agrees(_ analytic: Double, _ numeric: Double, cost: Double) -> Bool {
        abs(analytic - numeric) <= 1e-6 * max(abs(analytic), abs(numeric)) + 1e-8 * max(1, abs(cost))
    }

    @Test(arguments: configurations)
    func gradientsMatchFiniteDifferences(activation: Activation, loss: Loss, reduction: Reduction) throws {
        for (seed, scenario) in try Self.scenarios(activation, loss, reduction) {
            let trainer = Trainer(scenario: scenario)
            let trace = trainer.nextStep()
            let shape = "seed \(seed), N=\(scenario.sampleCount) n=\(scenario.inputCount) m=\(scenario.outputCount)"
            #expect(
                trace.layers[0].weightGradient.rows == scenario.inputCount
                    && trace.layers[0].weightGradient.columns == scenario.outputCount
            )
            #expect(trace.layers[0].biasGradient.count == scenario.outputCount)
            for i in 0..<scenario.inputCount {
                for j in 0..<scenario.outputCount {
                    let analytic = trace.layers[0].weightGradient[i, j]
                    let numeric = Self.centralDifference(
                        trainer, { $0.weights[i, j] += $1 }, at: trainer.network.layer(0).weights[i, j])
                    #expect(
                        Self.agrees(analytic, numeric, cost: trainer.cost),
                        "∂C/∂w[\(i + 1)][\(j + 1)] = \(analytic), finite difference \(numeric) (\(shape))")
                }
            }
            for j in 0..<scenario.outputCount {
                let analytic = trace.layers[0].biasGradient[j]
                let numeric = Self.centralDifference(
                    trainer, { $0.bias[j] += $1 }, at: trainer.network.layer(0).bias[j])
                #expect(
                    Self.agrees(analytic, numeric, cost: trainer.cost),
                    "∂C/∂b[\(j + 1)] = \(analytic), finite difference \(numeric) (\(shape))")
            }
        }
    }

    /// Reduction.swift: `seed` moves W by the summed gradient and b by its mean, `sum` by both
    /// sums, `mean` by both means; the update is layerBefore - lr · step.
    @Test(arguments: configurations)
    func reductionScalesTheGradientIntoTheUpdate(activation: Activation, loss: Loss, reduction: Reduction) throws {
        let expectedFactor: (Double) -> (weights: Double, bias: Double) = { n in
            switch reduction {
            case .seed: return (1, 1 / n)
            case .sum: return (1, 1)
            case .mean: return (1 / n, 1 / n)
            }
        }
        for (seed, scenario) in try Self.scenarios(activation, loss, reduction) {
            var trainer = Trainer(scenario: scenario)
            let trace = trainer.step()
            let (weightFactor, biasFactor) = expectedFactor(Double(scenario.sampleCount))
            let lr = trace.learningRate
            #expect(lr == scenario.learningRate)
            #expect(trace.networkBefore.layer(0) == scenario.network.layer(0), "seed \(seed)")
            #expect(trace.networkAfter.bitPatterns == trainer.network.bitPatterns, "seed \(seed)")
            for k in trace.layers[0].weightGradient.elements.indices {
                let gradient = trace.layers[0].weightGradient.elements[k]
                let step = trace.layers[0].weightStep.elements[k]
                #expect(Self.closeToRounding(step, gradient * weightFactor), "weight step \(k) (seed \(seed))")
                let expected = trace.networkBefore.layer(0).weights.elements[k] - lr * step
                #expect(
                    Self.closeToRounding(trace.networkAfter.layer(0).weights.elements[k], expected),
                    "w after (seed \(seed))")
            }
            for j in trace.layers[0].biasGradient.indices {
                let step = trace.layers[0].biasStep[j]
                #expect(
                    Self.closeToRounding(step, trace.layers[0].biasGradient[j] * biasFactor),
                    "bias step \(j) (seed \(seed))")
                let expected = trace.networkBefore.layer(0).bias[j] - lr * step
                #expect(Self.closeToRounding(trace.networkAfter.layer(0).bias[j], expected), "b after (seed \(seed))")
            }
        }
    }

    /// Equal up to a few ulps: x/N and x·(1/N) may differ in the last bit.
    static func closeToRounding(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) <= 4 * Double.ulpOfOne * max(abs(expected), Double.leastNormalMagnitude)
    }
}
