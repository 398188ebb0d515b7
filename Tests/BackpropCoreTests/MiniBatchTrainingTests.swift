import BackpropCore
import Foundation
import Testing

/// Mini-batches, epochs, test splits and penalties: each step must be the step of the samples it
/// says it used, the run path must take the very steps the interactive path takes, and `b` must
/// find every state again.
@Suite("mini-batches, test splits and penalties")
struct MiniBatchTrainingTests {
    /// circle (50 samples, 2-4-1, reduction mean) with `batch` samples a step, `held` of them held
    /// out for testing, and `penalty`.
    static func circle(batch: Int?, held ratio: Double = 0, penalty: Penalty = .none, shuffles: Bool = true) throws
        -> Scenario
    {
        var scenario = Preset.circle.scenario(seed: 3)
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: ratio, seed: 3))
        try scenario.setBatchSize(batch)
        try scenario.setPenalty(penalty)
        scenario.shuffles = shuffles
        return scenario
    }

    /// The same network and settings on only the rows `samples`, every one training, full batch.
    static func restricted(_ scenario: Scenario, to samples: [Int], network: Network) throws -> Scenario {
        let layers = network.layers.map {
            ScenarioLayer(weights: $0.weights.rowArrays, bias: $0.bias, activation: $0.activation)
        }
        var only = try Scenario(
            inputs: samples.map { scenario.dataInputs.rowArrays[$0] },
            targets: samples.map { scenario.targets.rowArrays[$0] }, layers: layers,
            learningRate: scenario.learningRate, loss: scenario.loss, reduction: scenario.reduction,
            features: scenario.features)
        try only.setPenalty(scenario.penalty)
        return only
    }

    @Test("a mini-batch step is, bit for bit, a full step on the batch's samples alone")
    func miniBatchStepIsTheBatchsOwnStep() throws {
        var trainer = Trainer(scenario: try MiniBatchTrainingTests.circle(batch: 8, held: 0.2, penalty: .l2(0.01)))
        for _ in 0..<9 {  // past an epoch of 40 training samples (5 steps, the last of 8)
            let samples = trainer.nextBatch
            let before = trainer.network
            let batchOnly = try MiniBatchTrainingTests.restricted(trainer.scenario, to: samples, network: before)
            var reference = Trainer(scenario: batchOnly)
            let referenceTrace = reference.step()
            let trace = trainer.step()
            #expect(trace.samples == samples)
            #expect(trainer.network.parameters.map(\.bitPattern) == reference.network.parameters.map(\.bitPattern))
            #expect(trace.batchCost.bitPattern == referenceTrace.costBefore.bitPattern)
            #expect(trace.layers == referenceTrace.layers)
            #expect(
                trace.batchCost.bitPattern
                    == Trainer(scenario: trainer.scenario).cost(of: before, samples: samples).bitPattern)
        }
    }

    @Test("each epoch uses every training sample once, in a new order; the last batch is smaller")
    func epochsPartitionTheTrainingSamples() throws {
        let scenario = try MiniBatchTrainingTests.circle(batch: 12, held: 0.2)
        var trainer = Trainer(scenario: scenario)
        let training = Set(scenario.split.training)
        #expect(training.count == 40 && scenario.split.test.count == 10)
        var orders: [[Int]] = []
        for epoch in 1...3 {
            var used: [Int] = []
            var sizes: [Int] = []
            for batch in 1...4 {
                let position = trainer.batchPosition
                #expect(
                    position
                        == BatchPosition(
                            completedEpochs: epoch - 1, samplesIntoEpoch: (batch - 1) * 12, batchSize: 12, training: 40)
                )
                #expect(position.epoch == epoch && position.batch == batch && position.batches == 4)
                let trace = trainer.step()
                used += trace.samples
                sizes.append(trace.samples.count)
            }
            #expect(sizes == [12, 12, 12, 4])
            #expect(used.count == 40 && Set(used) == training)
            orders.append(used)
        }
        #expect(orders[0] != orders[1] && orders[1] != orders[2])
        #expect(orders[0] != scenario.split.training, "shuffled, not in the data's order")
        var plain = Trainer(scenario: try MiniBatchTrainingTests.circle(batch: 12, held: 0.2, shuffles: false))
        var inOrder: [Int] = []
        for _ in 0..<4 { inOrder += plain.step().samples }
        #expect(inOrder == scenario.split.training)
    }

    @Test("test samples never train, and their cost is the cost of the test rows alone")
    func testSamplesNeverTrain() throws {
        let scenario = try MiniBatchTrainingTests.circle(batch: 8, held: 0.3)
        var trainer = Trainer(scenario: scenario)
        // The same data with every test sample's target flipped trains the same weights.
        var targets = scenario.targets.rowArrays
        for s in scenario.split.test { targets[s] = [1 - targets[s][0]] }
        var flippedScenario = try Scenario(
            inputs: scenario.dataInputs.rowArrays, targets: targets,
            layers: scenario.network.layers.map {
                ScenarioLayer(weights: $0.weights.rowArrays, bias: $0.bias, activation: $0.activation)
            }, learningRate: scenario.learningRate, loss: scenario.loss, reduction: scenario.reduction)
        flippedScenario.setSplit(scenario.split)
        try flippedScenario.setBatchSize(8)
        flippedScenario.seed = scenario.seed
        var flipped = Trainer(scenario: flippedScenario)
        trainer.run(steps: 25)
        flipped.run(steps: 25)
        #expect(trainer.network == flipped.network)
        #expect(trainer.cost.bitPattern == flipped.cost.bitPattern)
        #expect(trainer.testCost != flipped.testCost)
        let testOnly = try MiniBatchTrainingTests.restricted(
            scenario, to: scenario.split.test, network: trainer.network)
        #expect(trainer.testCost?.bitPattern == Trainer(scenario: testOnly).cost.bitPattern)
        let trainingOnly = try MiniBatchTrainingTests.restricted(
            scenario, to: scenario.split.training, network: trainer.network)
        #expect(trainer.cost.bitPattern == Trainer(scenario: trainingOnly).cost.bitPattern)
    }

    @Test(
        "the run path takes the interactive path's steps and reports their batches",
        arguments: [
            (Optional(7), 0.2, Penalty.l1(0.003)), (nil, 0.25, .l2(0.05)), (1, 0.0, .none), (16, 0.0, .l2(0.1)),
        ])
    func runPathEqualsSteps(batch: Int?, ratio: Double, penalty: Penalty) throws {
        let scenario = try MiniBatchTrainingTests.circle(batch: batch, held: ratio, penalty: penalty)
        var stepped = Trainer(scenario: scenario)
        var expected: [StepReport] = []
        var samples: [[Int]] = []
        for _ in 0..<30 {
            let epoch = stepped.batchPosition.epoch
            let trace = stepped.step()
            samples.append(trace.samples)
            expected.append(
                StepReport(
                    step: trace.number, epoch: epoch, cost: stepped.cost, testCost: stepped.testCost,
                    batchCost: trace.batchCost, penalty: stepped.penaltyValue, batch: nil))
        }
        var run = Trainer(scenario: scenario)
        var recorder = ReportRecorder(training: scenario.split.training)
        #expect(run.run(steps: 30, observer: &recorder) == 30)
        #expect(run == stepped)
        #expect(run.state == stepped.state)
        #expect(recorder.reports.count == 30)
        for (k, report) in recorder.reports.enumerated() {
            #expect(report.step == expected[k].step && report.epoch == expected[k].epoch)
            #expect(report.cost.bitPattern == expected[k].cost.bitPattern)
            #expect(report.testCost?.bitPattern == expected[k].testCost?.bitPattern)
            #expect(report.batchCost.bitPattern == expected[k].batchCost.bitPattern)
            #expect(report.penalty.bitPattern == expected[k].penalty.bitPattern)
            #expect(recorder.batches[k] == samples[k])
        }
    }

    @Test("a run that wants only some reports takes the same steps, and stops on the same divergence")
    func sparseReportsTakeTheSameSteps() throws {
        let scenario = try MiniBatchTrainingTests.circle(batch: 5, held: 0.2, penalty: .l2(0.01))
        var everyStep = Trainer(scenario: scenario)
        var all = ReportRecorder(training: scenario.split.training)
        everyStep.run(steps: 23, observer: &all)
        var sparse = Trainer(scenario: scenario)
        var some = ReportRecorder(training: scenario.split.training, every: 7)
        sparse.run(steps: 23, observer: &some)
        #expect(sparse == everyStep)
        #expect(sparse.testCost?.bitPattern == everyStep.testCost?.bitPattern)
        #expect(some.reports.map(\.step) == [7, 14, 21, 23], "the last step is always reported")
        for report in some.reports {
            let same = all.reports[report.step - 1]
            #expect(report.cost.bitPattern == same.cost.bitPattern)
            #expect(report.testCost?.bitPattern == same.testCost?.bitPattern)
            #expect(report.batch == same.batch)
        }
        // An lr that overflows a weight within a few steps: both stop after the same step.
        var wild = scenario
        try wild.setLearningRate(1e306)
        var reported = Trainer(scenario: wild)
        var quiet = Trainer(scenario: wild)
        var recorder = ReportRecorder(training: wild.split.training)
        let taken = reported.run(steps: 50, observer: &recorder)
        #expect(taken < 50 && reported.hasDiverged)
        #expect(quiet.run(steps: 50) == taken)
        #expect(quiet.divergence?.subject == reported.divergence?.subject)
        #expect(quiet == reported)
    }

    @Test("every sample's ŷ and output a, training and test rows back in the data's order")
    func everySampleInTheDatasOrder() throws {
        var trainer = Trainer(scenario: Preset.overfit.scenario(seed: 2))
        #expect(trainer.scenario.split.hasTest)
        trainer.run(steps: 40)
        // A network whose output layer is linear gives a where the real one gives ŷ.
        var linear = trainer.network
        linear.activations[linear.layerCount - 1] = .linear
        let inputs = trainer.scenario.inputs
        #expect(trainer.outputPreActivationOfEverySample == linear.predictions(for: inputs))
        #expect(trainer.predictionOfEverySample == trainer.network.predictions(for: inputs))
    }

    @Test("a penalty adds λω (L2) or λ·sign(ω) (L1) to each weight's step after the reduction, never to a bias")
    func penaltyAddsItsGradient() throws {
        for penalty in [Penalty.l2(0.3), .l1(0.02)] {
            var plain = Trainer(scenario: try MiniBatchTrainingTests.circle(batch: nil))
            plain.run(steps: 3)
            var penalized = plain
            try penalized.setPenalty(penalty)
            let before = plain.network
            let plainTrace = plain.step()
            let trace = penalized.step()
            #expect(trace.costBefore.bitPattern == plainTrace.costBefore.bitPattern, "C is the data cost")
            for index in before.parameterIndices {
                let dataStep = plainTrace.parameterStep[before.offset(of: index)]
                let expected: Double
                switch index {
                case .weight:
                    let w = before[index]
                    expected = dataStep + (penalty == .l2(0.3) ? 0.3 * w : (w > 0 ? 0.02 : w < 0 ? -0.02 : 0))
                case .bias: expected = dataStep
                }
                #expect(trace.parameterStep[before.offset(of: index)].bitPattern == expected.bitPattern)
                #expect(trace.penaltyStep(of: index) + dataStep == expected)
                // sgd: θ after = θ - lr · step.
                let lr = penalized.learningRate
                #expect(penalized.network[index].bitPattern == (before[index] - lr * expected).bitPattern)
            }
        }
        var network = try MiniBatchTrainingTests.circle(batch: nil).network
        network.parameters = network.parameters.map { _ in 0 }
        network[.weight(layer: 0, row: 0, column: 0)] = -2
        network[.weight(layer: 1, row: 1, column: 0)] = 3
        network[.bias(layer: 0, column: 1)] = 100
        #expect(Penalty.l2(0.1).value(of: network) == 0.05 * 13)
        #expect(Penalty.l1(0.1).value(of: network) == 0.1 * 5)
        #expect(Penalty.l1(0.1).gradient(weight: 0) == 0)
    }

    @Test("a batch of every training sample is the article's full step, bit for bit")
    func fullBatchIsTodaysStep() throws {
        var today = Trainer(scenario: Preset.circle.scenario(seed: 3))
        var all = Trainer(scenario: try MiniBatchTrainingTests.circle(batch: 50))
        #expect(all.miniBatchSize == nil)
        today.run(steps: 40)
        all.run(steps: 40)
        #expect(today.network == all.network && today.cost.bitPattern == all.cost.bitPattern)
        #expect(all.batchPosition.epoch == 41)
    }

    @Test("b finds every state again across mini-batch steps, batch-size and penalty changes")
    func historyRestoresEveryState() throws {
        var trainer = Trainer(scenario: try MiniBatchTrainingTests.circle(batch: 6, held: 0.2))
        var history = TrainingHistory(interval: 5, minimumReach: 200)
        var visited: [Trainer] = [trainer]
        history.record(trainer)
        func steps(_ count: Int) {
            for _ in 0..<count {
                trainer.step()
                visited.append(trainer)
                if history.needsCheckpoint(trainer) { history.record(trainer) }
            }
        }
        func change(_ body: (inout Trainer) throws -> Void) rethrows {
            history.record(trainer)
            try body(&trainer)
            history.record(trainer)
            visited.append(trainer)
        }
        steps(9)
        try change { try $0.setBatchSize(4) }
        steps(8)
        try change { try $0.setPenalty(.l2(0.01)) }
        steps(6)
        try change { try $0.setBatchSize(nil) }
        steps(3)
        try change { try $0.setBatchSize(3) }
        steps(11)
        for expected in visited.reversed().dropFirst() {
            guard let earlier = history.goBack(from: trainer) else {
                Issue.record("the history ends before step \(expected.stepCount)")
                return
            }
            trainer = earlier
            #expect(trainer == expected)
            #expect(trainer.state == expected.state)
            #expect(trainer.nextBatch == expected.nextBatch)
            #expect(trainer.testCost?.bitPattern == expected.testCost?.bitPattern)
        }
    }

    @Test("features: the network sees x1², x2² while the plane keeps x1, x2; circle's points stay")
    func featuresAreComputedFromTheData() throws {
        let plain = Preset.circle.scenario(seed: 2)
        let squared = try Preset.circle.scenario(seed: 2, features: [.x1Squared, .x2Squared, .sineOfX1], hidden: [])
        #expect(squared.dataInputs == plain.inputs)
        #expect(squared.network.sizes == [3, 1])
        for s in 0..<plain.sampleCount {
            let (x1, x2) = (plain.inputs[s, 0], plain.inputs[s, 1])
            #expect(squared.inputs[s, 0] == x1 * x1 && squared.inputs[s, 1] == x2 * x2)
            #expect(squared.inputs[s, 2] == Foundation.sin(x1))
        }
        #expect(throws: ScenarioError.self) { try Feature.list(parsing: "x1,x3") }
        #expect(throws: ScenarioError.self) { try Feature.list(parsing: "x1,X1") }
        #expect(try Feature.list(parsing: "x1^2, sin(x2)") == [.x1Squared, .sineOfX2])
        #expect(throws: ScenarioError.self) { try Preset.seed.scenario(seed: 1, features: [.x1], hidden: nil) }
    }

    @Test("a test ratio holds out ⌊R·n⌋ samples drawn by the seed; refused outside [0, 1)")
    func testRatioHoldsOutTheFloor() throws {
        let split = try DataSplit.drawn(count: 50, ratio: 0.33, seed: 9)
        #expect(split.test.count == 16 && split.training.count == 34)
        #expect(split == (try DataSplit.drawn(count: 50, ratio: 0.33, seed: 9)))
        #expect(split != (try DataSplit.drawn(count: 50, ratio: 0.33, seed: 10)))
        #expect(split.test == split.test.sorted() && Set(split.test + split.training).count == 50)
        for bad in [-0.1, 1, 1.5, Double.nan] {
            #expect(throws: ScenarioError.self) { try DataSplit.drawn(count: 50, ratio: bad, seed: 1) }
        }
        #expect(throws: ScenarioError.self) { try DataSplit(count: 3, test: [0, 1, 2]) }
        #expect(throws: ScenarioError.self) { try DataSplit(count: 3, test: [3]) }
    }
}

/// Keeps every report of a run, with its batch as data indices.
struct ReportRecorder: CostObserver {
    let training: [Int]
    /// The steps whose reports it wants: every `every`-th.
    var every = 1
    var reports: [StepReport] = []
    var batches: [[Int]] = []
    mutating func record(step: Int, cost: Double) {
        Issue.record("a run with a batch, a split or a penalty reports whole steps")
    }
    func wantsReport(afterStep step: Int) -> Bool { step.isMultiple(of: every) }
    mutating func record(_ report: StepReport) {
        reports.append(report)
        batches.append(report.batch.map { $0.map { training[$0] } } ?? training)
    }
}
