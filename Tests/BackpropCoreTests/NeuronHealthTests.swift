import BackpropCore
import Testing

/// Saturated (sigmoid, tanh: |g'(a)| < 0.01 on at least 90% of the training samples) and dead
/// (relu: a ≤ 0 on every training sample) neurons, on hand-built networks whose neurons are
/// forced into each state by their bias.
@Suite struct NeuronHealthTests {
    /// One layer of three neurons reading the single input x (weight 1), with biases `bias`,
    /// over the inputs `inputs`.
    static func layer(_ activation: Activation, bias: [Double], inputs: [Double]) throws -> Trainer {
        let loss: Loss = activation == .softmax ? .ce : .sse
        let targets = inputs.map { _ in activation == .softmax ? [1.0, 0, 0] : [0.5, 0.5, 0.5] }
        let scenario = try Scenario(
            inputs: inputs.map { [$0] }, targets: targets,
            layers: [ScenarioLayer(weights: [[1, 1, 1]], bias: bias, activation: activation)], loss: loss)
        return Trainer(scenario: scenario)
    }

    @Test("a sigmoid neuron with a huge bias is saturated; one near 0 is not", arguments: [Activation.sigmoid, .tanh])
    func hugeBiasSaturates(activation: Activation) throws {
        let trainer = try NeuronHealthTests.layer(activation, bias: [40, 0, -40], inputs: [-1, 0, 0.5, 1])
        let health = trainer.neuronHealth
        #expect(
            health == [
                NeuronHealth(layer: 0, activation: activation, preActivation: trainer.preActivation(ofLayer: 0))
            ])
        #expect(health[0].neurons == 3 && health[0].saturated == 2 && health[0].dead == nil)
        #expect(health[0].hasStoppedNeurons)
    }

    @Test("a relu neuron with a big negative bias is dead; one positive on a single sample is not")
    func negativeBiasKillsRelu() throws {
        // Inputs -1...1: bias -5 leaves a ≤ 0 everywhere, bias -0.9 gives a > 0 only at x = 1.
        let trainer = try NeuronHealthTests.layer(.relu, bias: [-5, -0.9, 0.2], inputs: [-1, -0.5, 0, 0.5, 1])
        let health = trainer.neuronHealth[0]
        #expect(health.dead == 1 && health.saturated == nil && health.neurons == 3)
        // a exactly 0 on every sample counts as dead too (g'(0) is 0).
        let flat = try NeuronHealthTests.layer(.relu, bias: [0, 1, 1], inputs: [0, 0])
        #expect(flat.neuronHealth[0].dead == 1)
    }

    @Test("saturated takes 90% of the samples: 9 flat of 10 counts, 8 of 10 does not")
    func ninetyPercentRule() throws {
        // |g'| < 0.01 for a sigmoid when |a| > about 4.6. Neuron 1 (bias 0) is flat where x = 20;
        // neuron 2 (bias 2) where x + 2 > 4.6 as well, neuron 3 (bias -40) everywhere.
        let nine = Array(repeating: 20.0, count: 9) + [0]
        let eight = Array(repeating: 20.0, count: 8) + [0, 0]
        let atNine = try NeuronHealthTests.layer(.sigmoid, bias: [0, 0, -40], inputs: nine)
        #expect(atNine.neuronHealth[0].saturated == 3)
        let atEight = try NeuronHealthTests.layer(.sigmoid, bias: [0, 0, -40], inputs: eight)
        #expect(atEight.neuronHealth[0].saturated == 1)
        // Just over and just under the derivative's threshold on every sample.
        let a = 4.59  // σ'(±4.59) ≈ 0.00995 < 0.01; σ'(4.5) ≈ 0.0109 is not below
        let just = try NeuronHealthTests.layer(.sigmoid, bias: [a, 4.5, -a], inputs: [0, 0, 0])
        #expect(just.neuronHealth[0].saturated == 2)
    }

    @Test("linear and softmax layers count neither", arguments: [Activation.linear, .softmax])
    func otherActivationsCountNeither(activation: Activation) throws {
        let trainer = try NeuronHealthTests.layer(activation, bias: [40, -40, 0], inputs: [1, 2])
        let health = trainer.neuronHealth[0]
        #expect(health.saturated == nil && health.dead == nil && !health.hasStoppedNeurons)
    }

    @Test("a network has one health per layer, over its training samples only")
    func everyLayerOverTrainingSamples() throws {
        var scenario = Preset.deepSigmoid.scenario
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 1))
        let trainer = Trainer(scenario: scenario)
        let health = trainer.neuronHealth
        #expect(health.map(\.layer) == [0, 1, 2, 3, 4])
        #expect(health.map(\.neurons) == [8, 8, 8, 8, 1])
        for (l, layer) in health.enumerated() {
            #expect(trainer.preActivation(ofLayer: l).rows == 40)
            #expect(layer.saturated != nil)
        }
    }
}
