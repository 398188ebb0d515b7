import BackpropCore
import Testing

/// A network of any activations from `random`: every third with a softmax output (ce), every
/// third a sigmoid one (bce), since softmax goes over the row and the forward pass must too.
private func randomNetwork(_ random: inout SeededGenerator, seed: UInt64) throws -> Scenario {
    let loss = [Loss.sse, .ce, .bce][Int(seed % 3)]
    return try random.networkScenario(activations: Activation.allCases, loss: loss, reduction: .seed)
}

/// `Network.layerOutputs(for:)`, the forward pass the input plane paints with: at the training
/// samples it must give the trainer's own numbers, bit for bit, for every layer.
@Suite struct NetworkForwardTests {
    @Test(arguments: 1...40)
    func atTheSamplesEveryLayerIsTheTrainersOwn(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let scenario = try randomNetwork(&random, seed: seed)
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

/// The plane's forward passes over many points and wide layers: a block of points at a time,
/// and only the first layer's neurons a map shows, with the very numbers of the whole pass.
@Suite struct NetworkForwardBlockTests {
    @Test(arguments: 1...12)
    func predictionsInBlocksAreTheWholePassBitForBit(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let scenario = try randomNetwork(&random, seed: seed)
        let network = scenario.network
        let points = Matrix(
            rows: 23, columns: network.inputCount,
            elements: (0..<(23 * network.inputCount)).map { _ in random.uniform(-3...3) })
        let whole = try #require(network.layerOutputs(for: points).last)
        // Blocks of one row, of a few rows that do not divide 23, and all at once.
        for blockValues in [1, 3 * (network.sizes.max() ?? 1), Network.forwardBlockValues] {
            let blocked = network.predictions(for: points, blockValues: blockValues)
            #expect(blocked.rows == 23 && blocked.columns == network.outputCount)
            #expect(blocked.elements.map(\.bitPattern) == whole.elements.map(\.bitPattern), "blocks of \(blockValues)")
        }
    }

    /// Layers of 8 neurons and more take the row-wise sums: still the trainer's numbers, bit for
    /// bit, softmax output included.
    @Test(arguments: 1...8)
    func wideLayersAreTheTrainersOwn(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let loss = seed % 2 == 0 ? Loss.ce : .sse
        let sizes = [random.integer(1...3), random.integer(8...20), random.integer(1...12), random.integer(8...10)]
        let elementwise = Activation.allCases.filter(\.isElementwise)
        let layers = (0..<3).map { l in
            ScenarioLayer(
                weights: (0..<sizes[l]).map { _ in (0..<sizes[l + 1]).map { _ in random.uniform(-1.5...1.5) } },
                bias: (0..<sizes[l + 1]).map { _ in random.uniform(-1.5...1.5) },
                activation: l == 2 && loss == .ce ? .softmax : elementwise[random.integer(0...(elementwise.count - 1))])
        }
        let samples = random.integer(1...6)
        let targets = (0..<samples).map { s in
            (0..<sizes[3]).map { j in loss == .ce ? (j == s % sizes[3] ? 1.0 : 0) : random.uniform(0...1) }
        }
        let scenario = try Scenario(
            inputs: (0..<samples).map { _ in (0..<sizes[0]).map { _ in random.uniform(-2...2) } }, targets: targets,
            layers: layers, learningRate: 0.1, loss: loss, reduction: .mean)
        let trace = Trainer(scenario: scenario).nextStep()
        let outputs = scenario.network.layerOutputs(for: scenario.inputs)
        for (l, output) in outputs.enumerated() {
            #expect(
                output.elements.map(\.bitPattern) == trace.layers[l].output.elements.map(\.bitPattern),
                "layer \(l + 1) of \(sizes)")
        }
        #expect(scenario.network.predictions(for: scenario.inputs, blockValues: 1) == trace.prediction)
    }

    @Test(arguments: 1...12)
    func aRunOfFirstLayerNeuronsIsThoseColumnsOfTheWholeLayer(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let scenario = try random.networkScenario(
            activations: Activation.allCases.filter(\.isElementwise), loss: .sse, reduction: .seed, layerCount: 2)
        let network = scenario.network
        let whole = network.layerOutputs(for: scenario.inputs, layers: 1)[0]
        let width = network.sizes[1]
        for start in 0..<width {
            for end in start...width {
                let part = network.firstLayerOutputs(for: scenario.inputs, neurons: start..<end)
                #expect(part.columns == end - start)
                for row in 0..<whole.rows {
                    for (k, j) in (start..<end).enumerated() {
                        #expect(part[row, k].bitPattern == whole[row, j].bitPattern)
                    }
                }
            }
        }
    }

    @Test func aPointCostsAMultiplyAddPerWeightAndAnActivationPerNeuron() throws {
        let network = try DataTable(csv: "x1,x2,y\n0,0,0\n").scenario(seed: 1, hidden: [5, 3]).network
        #expect(network.sizes == [2, 5, 3, 1])
        #expect(network.forwardWorkPerPoint == 2 * 5 + 5 * 3 + 3 * 1 + Network.activationWork * (5 + 3 + 1))
    }
}
