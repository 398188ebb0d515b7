import BackpropCore
import Testing

/// Backprop through L layers against central finite differences of C, for every activation in
/// hidden and output layers, every loss and reduction, on random networks of 2 to 4 layers; and
/// the error sent back, eˡ⁻¹ = δˡ(Wˡ)ᵀ, recomputed from the trace's own numbers.
@Suite struct NetworkGradientTests {
    static let configurations = Loss.validConfigurations

    /// Random networks whose hidden and output layers all use `activation` (one test case each)
    /// or mix every activation (where `mixed`). relu scenarios with a pre-activation within
    /// 1e-3 of its kink are drawn again: C has no derivative there.
    static func scenarios(_ activation: Activation, _ loss: Loss, _ reduction: Reduction, mixed: Bool) throws
        -> [(seed: UInt64, scenario: Scenario)]
    {
        var result: [(UInt64, Scenario)] = []
        var seed: UInt64 = 1
        while result.count < 12 {
            var random = SeededGenerator(seed: seed)
            let activations = mixed ? Activation.allCases : [activation]
            let scenario = try random.networkScenario(activations: activations, loss: loss, reduction: reduction)
            let trace = Trainer(scenario: scenario).nextStep()
            let nearKink = trace.layers.contains { layer in
                layer.activation == .relu && layer.preActivation.elements.contains { abs($0) < 1e-3 }
            }
            if !nearKink { result.append((seed, scenario)) }
            seed += 1
        }
        return result
    }

    static func centralDifference(_ trainer: Trainer, at index: ParameterIndex) -> Double {
        let value = trainer.network[index]
        let h = 1e-6 * max(1, abs(value))
        var plus = trainer.network
        var minus = trainer.network
        plus[index] = value + h
        minus[index] = value - h
        return (trainer.cost(of: plus) - trainer.cost(of: minus)) / (2 * h)
    }

    static func agrees(_ analytic: Double, _ numeric: Double, cost: Double) -> Bool {
        abs(analytic - numeric) <= 1e-6 * max(abs(analytic), abs(numeric)) + 1e-8 * max(1, abs(cost))
    }

    @Test(arguments: configurations)
    func everyLayersGradientMatchesFiniteDifferences(activation: Activation, loss: Loss, reduction: Reduction) throws {
        for mixed in [false, true] {
            for (seed, scenario) in try Self.scenarios(activation, loss, reduction, mixed: mixed) {
                let trainer = Trainer(scenario: scenario)
                let trace = trainer.nextStep()
                let network = scenario.network
                #expect(trace.layers.count == network.layerCount)
                #expect(trace.gradient.count == network.parameters.count)
                for index in network.parameterIndices {
                    let analytic = trace.gradient(of: index)
                    let numeric = Self.centralDifference(trainer, at: index)
                    #expect(
                        Self.agrees(analytic, numeric, cost: trainer.cost),
                        "\(index) of \(network.shapeDescription) \(network.activations): backprop \(analytic), finite difference \(numeric) (seed \(seed), mixed \(mixed))"
                    )
                }
            }
        }
    }

    /// The trace's hidden numbers are the ones the inspector will print, so they must satisfy
    /// the backpropagation equations among themselves: eˡ⁻¹ = δˡ(Wˡ)ᵀ with the weights before the
    /// step, δ = g'(a) ⊙ e, h = g(a), and each layer reads the output of the one before.
    @Test(arguments: Loss.allCases)
    func theErrorSentBackIsDeltaTimesTheWeightsBeforeTheStep(loss: Loss) throws {
        for (seed, scenario) in try Self.scenarios(.tanh, loss, .sum, mixed: true) {
            let trace = Trainer(scenario: scenario).nextStep()
            let before = trace.networkBefore
            for l in trace.layers.indices {
                let layer = trace.layers[l]
                let input = l == 0 ? trace.inputs : trace.layers[l - 1].output
                #expect(layer.input == input, "seed \(seed) layer \(l + 1)")
                let isOutput = l == trace.layers.count - 1
                for k in layer.delta.elements.indices {
                    if isOutput && loss.isClassification {
                        // g'(a) cancels: δᴸ = ŷ - y, computed as that.
                        let target = scenario.targets.elements[k]
                        #expect(layer.delta.elements[k] == layer.output.elements[k] - target)
                    } else {
                        #expect(
                            layer.delta.elements[k] == layer.activationDerivative.elements[k] * layer.error.elements[k])
                    }
                    if layer.activation.isElementwise {
                        #expect(layer.output.elements[k] == layer.activation.value(layer.preActivation.elements[k]))
                    }
                }
                guard l > 0 else { continue }
                let w = before.layer(l).weights
                let below = trace.layers[l - 1].error
                for s in 0..<trace.inputs.rows {
                    for i in 0..<w.rows {
                        var sum = 0.0
                        for j in 0..<w.columns { sum += layer.delta[s, j] * w[i, j] }
                        #expect(below[s, i] == sum, "seed \(seed): e of layer \(l) sample \(s + 1) neuron \(i + 1)")
                    }
                }
            }
            let output = trace.outputLayer
            for k in output.error.elements.indices {
                let (s, j) = (k / scenario.outputCount, k % scenario.outputCount)
                #expect(
                    output.error.elements[k]
                        == loss.gradient(
                            prediction: output.output[s, j], target: scenario.targets[s, j],
                            samples: scenario.sampleCount, outputs: scenario.outputCount))
            }
        }
    }

    /// Every layer's update is θ - lr · step, with the reduction's factor on W and b alike.
    @Test(arguments: Reduction.allCases)
    func theReductionActsOnEveryLayer(reduction: Reduction) throws {
        for (seed, scenario) in try Self.scenarios(.sigmoid, .sse, reduction, mixed: true) {
            let trace = Trainer(scenario: scenario).nextStep()
            let n = Double(scenario.sampleCount)
            let (weightFactor, biasFactor): (Double, Double) =
                switch reduction {
                case .seed: (1, 1 / n)
                case .sum: (1, 1)
                case .mean: (1 / n, 1 / n)
                }
            for index in scenario.network.parameterIndices {
                let factor = index.isWeight ? weightFactor : biasFactor
                let step = trace.gradient(of: index) * factor
                let expected = trace.networkBefore[index] - trace.learningRate * step
                #expect(
                    abs(trace.networkAfter[index] - expected) <= 1e-12 * max(1, abs(expected)),
                    "seed \(seed) \(index)")
            }
        }
    }

    /// One layer given as a one-entry `layers` list is the article's program, bit for bit.
    @Test func aOneEntryLayersListIsTheSingleLayer() throws {
        let seed = Preset.seed.scenario
        let layer = seed.network.layer(0)
        let listed = try Scenario(
            inputs: seed.inputs.rowArrays, targets: seed.targets.rowArrays,
            layers: [ScenarioLayer(weights: layer.weights.rowArrays, bias: layer.bias, activation: layer.activation)],
            learningRate: seed.learningRate)
        var a = Trainer(scenario: seed)
        var b = Trainer(scenario: listed)
        a.run(steps: 1000)
        b.run(steps: 1000)
        #expect(a.cost.bitPattern == b.cost.bitPattern)
        #expect(a.cost == 0.0027846224530159356)
        #expect(a.network.bitPatterns == b.network.bitPatterns)
    }

    /// `run` (the allocation-free path) and `step` (the traced one) are the same maths for
    /// networks too: the same bits after the same steps.
    @Test func runAndStepAgreeBitForBitOnNetworks() throws {
        for seed: UInt64 in 1...20 {
            var random = SeededGenerator(seed: seed)
            let scenario = try random.networkScenario(
                activations: Activation.allCases, loss: .mse, reduction: .seed, learningRate: 0.01...0.1)
            var stepped = Trainer(scenario: scenario)
            var bulk = Trainer(scenario: scenario)
            var recorder = CostRecorder()
            var costs: [Double] = []
            for _ in 0..<50 { costs.append(stepped.step().costAfter) }
            bulk.run(steps: 50, observer: &recorder)
            #expect(bulk.network.bitPatterns == stepped.network.bitPatterns, "seed \(seed)")
            #expect(recorder.costs.map(\.bitPattern) == costs.map(\.bitPattern), "seed \(seed)")
        }
    }

    @Test func xorHiddenLearnsXORInUnder20000Steps() {
        var trainer = Trainer(scenario: Preset.xorHidden.scenario)
        #expect(trainer.network.sizes == [2, 3, 1])
        var observer = IgnoringCostObserver()
        let taken = trainer.run(steps: 20_000, observer: &observer, stopAtCost: 0.01)
        #expect(taken < 20_000 && trainer.cost <= 0.01, "cost \(trainer.cost) after \(taken) steps")
        let predictions = trainer.prediction.elements
        #expect(predictions[0] < 0.1 && predictions[3] < 0.1, "\(predictions)")
        #expect(predictions[1] > 0.9 && predictions[2] > 0.9, "\(predictions)")
        // One layer cannot: the xor preset stalls near C = 1.
        var single = Trainer(scenario: Preset.xor.scenario)
        single.run(steps: 20_000)
        #expect(single.cost > 0.9)
    }
}
