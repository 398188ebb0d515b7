import BackpropCore
import Testing

/// `Network.layerOutputs(for:)`, the forward pass the input plane paints with: at the training
/// samples it must give the trainer's own numbers, bit for bit, for every layer.
@Suite struct NetworkForwardTests {
    @Test(arguments: 1...40)
    func atTheSamplesEveryLayerIsTheTrainersOwn(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        // Every third a softmax output (ce), every third a sigmoid one (bce): softmax goes over the
        // row, and must too.
        let loss = [Loss.sse, .ce, .bce][Int(seed % 3)]
        let scenario = try random.networkScenario(activations: Activation.allCases, loss: loss, reduction: .seed)
        let trace = Trainer(scenario: scenario).nextStep()
        let outputs = scenario.network.layerOutputs(for: scenario.inputs)
        #expect(outputs.count == scenario.network.layerCount)
        for (l, output) in outputs.enumerated() {
            #expect(output.rows == scenario.sampleCount && output.columns == scenario.network.sizes[l + 1])
            #expect(
                output.elements.map(\.bitPattern) == trace.layers[l].output.elements.map(\.bitPattern),
                "layer \(l + 1) of \(scenario.network.shapeDescription), seed \(seed)")
        }
        #expect(outputs.last == trace.prediction)
        let first = scenario.network.layerOutputs(for: scenario.inputs, layers: 1)
        #expect(first == [outputs[0]], "layers: 1 computes h¹ alone")
    }

    @Test func theArticlesPredictionAtStepZero() {
        let scenario = Preset.seed.scenario
        #expect(scenario.network.layerOutputs(for: scenario.inputs) == [Trainer(scenario: scenario).prediction])
    }
}
