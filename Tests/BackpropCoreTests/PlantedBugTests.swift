import BackpropCore
import Testing

/// Each planted bug against finite differences and hand computations, on a 2-3-3-1 network of
/// sigmoids where every bug can show, and the two paths of the trainer (one step with a trace,
/// the run) and step back agreeing bit for bit under every bug.
@Suite struct PlantedBugTests {
    /// A 2-3-3-1 network of sigmoids with weights drawn from `seed`, 4 samples, sse, lr 1,
    /// `reduction`: a step large enough that sending the error back through the new weights shows.
    static func scenario(seed: UInt64 = 7, reduction: Reduction = .mean) throws -> Scenario {
        var random = SeededGenerator(seed: seed)
        let sizes = [2, 3, 3, 1]
        let layers = (0..<3).map { l in
            ScenarioLayer(
                weights: random.rows(sizes[l], sizes[l + 1], in: -1.5...1.5),
                bias: random.rows(1, sizes[l + 1], in: -1...1)[0], activation: .sigmoid)
        }
        return try Scenario(
            inputs: random.rows(4, 2, in: -1...1), targets: random.rows(4, 1, in: 0...1), layers: layers,
            learningRate: 1, loss: .sse, reduction: reduction)
    }

    /// The parameters the gradient check marks at `trainer`'s state (`FiniteDifference.disagrees`).
    static func marked(_ trainer: Trainer) -> Set<ParameterIndex> {
        let trace = trainer.nextStep()
        let estimate = FiniteDifference(at: trainer)
        return Set(
            trainer.network.parameterIndices.filter { index in
                FiniteDifference.disagrees(
                    backprop: trace.gradient(of: index), estimate: estimate[index]!, cost: trainer.cost)
            })
    }

    /// The parameters of `layers` (only the biases for `noBias`).
    static func parameters(of layers: [Int], in network: Network, biasesOnly: Bool) -> Set<ParameterIndex> {
        Set(
            network.parameterIndices.filter { index in
                switch index {
                case .weight(let layer, _, _): return !biasesOnly && layers.contains(layer)
                case .bias(let layer, _): return layers.contains(layer)
                }
            })
    }

    @Test func everyBugCanShowInTheTestNetwork() throws {
        let scenario = try Self.scenario()
        #expect(PlantedBug.showing(in: scenario) == PlantedBug.allCases)
        #expect(PlantedBug.transpose.brokenLayers(in: scenario) == [0])
        #expect(PlantedBug.updatedWeights.brokenLayers(in: scenario) == [0, 1])
        #expect(PlantedBug.sign.brokenLayers(in: scenario) == [2])
    }

    @Test(arguments: PlantedBug.allCases)
    func theCheckMarksExactlyTheBrokenLayers(bug: PlantedBug) throws {
        let scenario = try Self.scenario()
        let expected = Self.parameters(
            of: bug.brokenLayers(in: scenario), in: scenario.network, biasesOnly: bug == .noBias)
        #expect(!expected.isEmpty)
        // At the start and after a few steps: the marks are the bug's, not the state's.
        var trainer = Trainer(scenario: scenario, bug: bug)
        for _ in 0..<3 {
            #expect(Self.marked(trainer) == expected, "\(bug) at step \(trainer.stepCount)")
            trainer.run(steps: 5)
        }
    }

    @Test func theRightBackpropMarksNothing() throws {
        for seed: UInt64 in 1...5 {
            let trainer = Trainer(scenario: try Self.scenario(seed: seed))
            #expect(Self.marked(trainer).isEmpty, "seed \(seed)")
        }
        for preset in Preset.allCases {
            var trainer = Trainer(scenario: preset.scenario)
            guard trainer.network.parameters.count <= 200 else { continue }
            for _ in 0..<2 {
                #expect(Self.marked(trainer).isEmpty, "\(preset) at step \(trainer.stepCount)")
                trainer.run(steps: 50)
            }
        }
    }

    @Test func signFlipsOnlyTheLastLayersGradients() throws {
        let scenario = try Self.scenario()
        let right = Trainer(scenario: scenario).nextStep()
        let wrong = Trainer(scenario: scenario, bug: .sign).nextStep()
        #expect(wrong.layers[2].weightGradient.elements == right.layers[2].weightGradient.elements.map { -$0 })
        #expect(wrong.layers[2].biasGradient == right.layers[2].biasGradient.map { -$0 })
        #expect(wrong.layers[2].delta == right.layers[2].delta)
        #expect(wrong.layers[1] == right.layers[1] && wrong.layers[0] == right.layers[0])
    }

    @Test func noDerivativeLeavesOutGPrime() throws {
        let trace = Trainer(scenario: try Self.scenario(), bug: .noDerivative).nextStep()
        for layer in trace.layers { #expect(layer.delta == layer.error) }
    }

    @Test func noDerivativeKeepsTheCrossEntropysOutputLayer() throws {
        var random = SeededGenerator(seed: 3)
        let scenario = try random.networkScenario(activations: [.tanh], loss: .bce, reduction: .sum, layerCount: 2)
        #expect(PlantedBug.noDerivative.brokenLayers(in: scenario) == [0])
        let right = Trainer(scenario: scenario).nextStep()
        let wrong = Trainer(scenario: scenario, bug: .noDerivative).nextStep()
        #expect(wrong.layers[1] == right.layers[1])
    }

    @Test func noBiasNeverMovesTheBiases() throws {
        let scenario = try Self.scenario()
        var trainer = Trainer(scenario: scenario, bug: .noBias)
        trainer.setOptimizer(trainer.optimizer.named(.adam))
        trainer.run(steps: 20)
        for l in 0..<3 { #expect(trainer.network.layer(l).bias == scenario.network.layer(l).bias) }
        #expect(trainer.network.parameters != scenario.network.parameters)
    }

    @Test func transposeSendsTheErrorThroughTheReshapedWeights() throws {
        let trainer = Trainer(scenario: try Self.scenario(), bug: .transpose)
        let trace = trainer.nextStep()
        let w = trainer.network.layer(1).weights  // 3 x 3, stored row-major
        let delta = trace.layers[1].delta
        for s in 0..<delta.rows {
            for i in 0..<3 {
                var e = 0.0
                for j in 0..<3 { e += delta[s, j] * w.elements[j * 3 + i] }
                #expect(trace.layers[0].error[s, i] == e)
            }
        }
    }

    @Test func updatedWeightsSendsTheErrorThroughTheNewWeights() throws {
        let trace = Trainer(scenario: try Self.scenario(), bug: .updatedWeights).nextStep()
        let after = trace.networkAfter.layer(2).weights  // 3 x 1
        let delta = trace.layers[2].delta
        for s in 0..<delta.rows {
            for i in 0..<3 { #expect(trace.layers[1].error[s, i] == delta[s, 0] * after[i, 0]) }
        }
    }

    @Test func batchSumStepsByTheSum() throws {
        let mean = try Self.scenario(reduction: .mean)
        let sum = try Self.scenario(reduction: .sum)
        var buggy = Trainer(scenario: mean, bug: .batchSum)
        var exact = Trainer(scenario: sum)
        buggy.step()
        exact.step()
        #expect(buggy.network.parameters == exact.network.parameters)
        #expect(PlantedBug.batchSum.whyHidden(in: sum) != nil)
    }

    @Test func batchSumUnderTheSeedReductionBreaksOnlyTheBiases() throws {
        // `--bug` refuses it there, but `d` carries a hunt's bug into any scenario.
        let seed = try Self.scenario(reduction: .seed)
        #expect(PlantedBug.batchSum.whyHidden(in: seed) != nil)
        var trainer = Trainer(scenario: seed, bug: .batchSum)
        #expect(Self.marked(trainer) == Self.parameters(of: [0, 1, 2], in: seed.network, biasesOnly: true))
        var run = trainer
        for _ in 0..<4 {
            #expect(trainer.gradientNorms() == trainer.nextStep().gradientNorms)
            trainer.step()
        }
        run.run(steps: 4)
        #expect(run == trainer)
    }

    @Test(arguments: PlantedBug.allCases)
    func theStepAndTheRunAgreeBitForBit(bug: PlantedBug) throws {
        for name in [OptimizerName.sgd, .adam, .momentum] {
            for batch: Int? in [nil, 3] {
                var stepped = Trainer(scenario: try Self.scenario(), bug: bug)
                stepped.setOptimizer(stepped.optimizer.named(name))
                try stepped.setBatchSize(batch)
                var run = stepped
                var norms: [[Double]] = []
                for _ in 0..<9 {
                    norms.append(stepped.gradientNorms())
                    #expect(stepped.nextStep().gradientNorms == norms.last!)
                    stepped.step()
                }
                run.run(steps: 9)
                #expect(run == stepped, "\(bug) under \(name), batch \(String(describing: batch))")
                #expect(run.network.parameters.map(\.bitPattern) == stepped.network.parameters.map(\.bitPattern))
            }
        }
    }

    @Test(arguments: [PlantedBug.sign, .noBias, .noDerivative])
    func aSingleLayersRunTakesTheBug(bug: PlantedBug) throws {
        var random = SeededGenerator(seed: 5)
        let scenario = try random.scenario(activation: .sigmoid, loss: .sse, reduction: .seed)
        var stepped = Trainer(scenario: scenario, bug: bug)
        var run = stepped
        for _ in 0..<6 { stepped.step() }
        run.run(steps: 6)
        #expect(run == stepped)
        #expect(run.network != Trainer(scenario: scenario).network || bug == .noDerivative)
    }

    @Test(arguments: PlantedBug.allCases)
    func stepBackRestoresBitForBit(bug: PlantedBug) throws {
        var trainer = Trainer(scenario: try Self.scenario(), bug: bug)
        var history = TrainingHistory(interval: 4, minimumReach: 20)
        history.record(trainer)
        var visited = [trainer]
        for _ in 0..<11 {
            trainer.step()
            visited.append(trainer)
            if history.needsCheckpoint(trainer) { history.record(trainer) }
        }
        while let earlier = history.goBack(from: trainer) {
            trainer = earlier
            #expect(trainer == visited[trainer.stepCount])
            #expect(trainer.bug == bug)
        }
        #expect(trainer.stepCount == 0)
        trainer.reset()
        #expect(trainer.bug == bug)
    }

    @Test func randomPicksBySeedAmongTheBugsThatShow() throws {
        let article = Preset.seed.scenario
        let picks = (1...40).map { PlantedBug.random(seed: UInt64($0), in: article) }
        #expect(picks.allSatisfy { $0.canShow(in: article) })
        #expect(!picks.contains(.batchSum))
        #expect(Set(picks).count > 1)
        #expect(PlantedBug.random(seed: 9, in: article) == PlantedBug.random(seed: 9, in: article))
    }
}
