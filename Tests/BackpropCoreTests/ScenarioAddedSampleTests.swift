import BackpropCore
import Testing

/// `Scenario.addingSample`: a drawing added to the data is one more training sample, checked as
/// data is, and everything that counts samples (the split, the epochs, the trainer's
/// workspaces) counts it.
@Suite("adding a sample to a scenario")
struct ScenarioAddedSampleTests {
    /// 3x2 pictures of two classes (6-2, softmax, ce), four samples, one held out.
    static func pictures(heldOut: [Int] = [3], batch: Int? = nil) throws -> Scenario {
        var scenario = try Scenario(
            inputs: [[1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1], [1, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 1]],
            targets: [[1, 0], [0, 1], [1, 0], [0, 1]],
            layers: [
                ScenarioLayer(
                    weights: [[0.1, -0.2], [0.3, 0.1], [-0.1, 0.2], [0.2, -0.3], [0.05, 0.1], [-0.2, 0.1]],
                    bias: [0.01, -0.01], activation: .softmax)
            ], learningRate: 0.5, loss: .ce, reduction: .mean)
        scenario.setSplit(try DataSplit(count: 4, test: heldOut))
        try scenario.setImage(ImageShape(width: 3, height: 2))
        try scenario.setBatchSize(batch)
        return scenario
    }

    @Test("the sample goes after the last, with its target, and trains; the held-out samples stay held out")
    func appends() throws {
        let scenario = try Self.pictures()
        let added = try scenario.addingSample(inputs: [0, 1, 0, 0, 1, 0], targets: [0, 1])
        #expect(added.sampleCount == 5)
        #expect(added.inputs.rowArrays.last == [0, 1, 0, 0, 1, 0])
        #expect(added.dataInputs.rowArrays.last == [0, 1, 0, 0, 1, 0])
        #expect(added.targets.rowArrays.last == [0, 1])
        #expect(Array(added.inputs.rowArrays.prefix(4)) == scenario.inputs.rowArrays)
        #expect(added.split.training == [0, 1, 2, 4])
        #expect(added.split.test == [3])
        // Everything else as it was: the network, the lr, the picture's shape.
        #expect(added.network == scenario.network)
        #expect(added.learningRate == scenario.learningRate)
        #expect(added.image == scenario.image)
        #expect(scenario.sampleCount == 4, "the scenario it was added to is unchanged")
    }

    @Test("without a split the new sample trains too")
    func withoutSplit() throws {
        var scenario = try Self.pictures()
        scenario.setSplit(.allTraining(4))
        let added = try scenario.addingSample(inputs: [0, 1, 0, 0, 1, 0], targets: [1, 0])
        #expect(added.split == .allTraining(5))
        #expect(!added.split.hasTest)
    }

    @Test("with features the network sees the features of the inputs given")
    func features() throws {
        let scenario = try Scenario(
            inputs: [[1, 2], [3, 4]], targets: [[1], [0]],
            layers: [ScenarioLayer(weights: [[0.1], [0.2]], activation: .sigmoid)], loss: .bce,
            features: [.x1Squared, .x2Squared])
        let added = try scenario.addingSample(inputs: [0.5, -2], targets: [1])
        #expect(added.dataInputs.rowArrays.last == [0.5, -2])
        #expect(added.inputs.rowArrays.last == [0.25, 4])
        #expect(added.features == [.x1Squared, .x2Squared])
    }

    @Test(
        "a sample the data cannot take is refused in one line that says what to give",
        arguments: [
            ([0.0, 1, 0, 0, 1], [0.0, 1], "6 per sample"),
            ([0.0, 1, 0, 0, 1, 0], [0.0, 1, 0], "2 per sample"),
            ([0.0, .nan, 0, 0, 1, 0], [0.0, 1], "x"),
            ([0.0, 1, 0, 0, 1, 0], [.infinity, 1], "y"),
            // ce's targets are probabilities summing to 1: the new row, 5, is named.
            ([0.0, 1, 0, 0, 1, 0], [1.0, 1], "row 5"),
        ])
    func refused(inputs: [Double], targets: [Double], says: String) throws {
        let scenario = try Self.pictures()
        do {
            _ = try scenario.addingSample(inputs: inputs, targets: targets)
            Issue.record("\(inputs) \(targets) was taken")
        } catch {
            #expect(error.description.contains(says), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("a trainer made from it trains on the new count: each epoch's batches take every training sample once")
    func epochsTakeTheNewSample() throws {
        let scenario = try Self.pictures(batch: 2)
        let added = try scenario.addingSample(inputs: [0, 1, 0, 0, 1, 0], targets: [0, 1])
        var trainer = Trainer(scenario: added)
        #expect(trainer.scenario.trainingCount == 4)
        for epoch in 0..<3 {
            var seen: [Int] = []
            while trainer.state.epoch == epoch {
                seen += trainer.nextBatch
                trainer.step()
            }
            #expect(seen.sorted() == [0, 1, 2, 4], "epoch \(epoch + 1)")
        }
        #expect(trainer.testCost != nil, "the held-out sample is still tested")
        #expect(trainer.predictionOfEverySample.rows == 5)
    }

    @Test("the cost counts the new sample: the same network's C over the training samples grows by its share")
    func costCountsIt() throws {
        var scenario = try Self.pictures()
        scenario.reduction = .seed
        let before = Trainer(scenario: scenario)
        let added = Trainer(scenario: try scenario.addingSample(inputs: [0, 1, 0, 0, 1, 0], targets: [0, 1]))
        let alone = Trainer(
            scenario: try Scenario(
                inputs: [[0, 1, 0, 0, 1, 0]], targets: [[0, 1]],
                layers: scenario.network.layers.map {
                    ScenarioLayer(weights: $0.weights.rowArrays, bias: $0.bias, activation: $0.activation)
                }, loss: .ce, reduction: .seed))
        #expect(abs(added.cost - (before.cost + alone.cost)) < 1e-12)
    }

    @Test("one sample more than Limits allows is refused, and says so")
    func limits() throws {
        let full = try Scenario(
            inputs: Array(repeating: [1], count: Limits.samples), targets: Array(repeating: [1], count: Limits.samples),
            weights: [[0.5]])
        #expect(throws: ScenarioError.self) { try full.addingSample(inputs: [1], targets: [1]) }
        do {
            _ = try full.addingSample(inputs: [1], targets: [1])
        } catch {
            #expect(error.description.contains("100,000") || error.description.contains("100000"), "\(error)")
        }
    }
}
