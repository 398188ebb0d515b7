import BackpropCore
import Foundation
import Testing

/// The update rules of `torch.optim`, checked by hand on the article's example and on random
/// networks, and carried through step back and saved files.
@Suite("optimizers")
struct OptimizerTests {
    /// The update direction g of every parameter at `network`: what plain gradient descent
    /// multiplies by lr (the gradient after the reduction). The seed's golden trace pins it.
    static func direction(at network: Network, of scenario: Scenario) -> [Double] {
        var trainer = Trainer(scenario: scenario)
        trainer.restore(TrainingState(network: network, stepCount: 0, learningRate: scenario.learningRate))
        return trainer.nextStep().parameterStep
    }

    /// The rules as textbooks write them, one parameter at a time, independent of the program's
    /// own order of operations: the parameters after each of `steps` steps, and the last state.
    static func byHand(_ optimizer: Optimizer, scenario: Scenario, steps: Int) -> [[Double]] {
        let lr = scenario.learningRate
        var network = scenario.network
        let count = network.parameters.count
        var buf = [Double](repeating: 0, count: count)
        var m = buf
        var v = buf
        var results: [[Double]] = []
        for t in 1...steps {
            let g = direction(at: network, of: scenario)
            for k in 0..<count {
                let theta = network.parameters[k]
                switch optimizer.name {
                case .sgd:
                    network.parameters[k] = theta - lr * g[k]
                case .momentum, .nesterov:
                    buf[k] = t == 1 ? g[k] : optimizer.momentum * buf[k] + g[k]
                    let d = optimizer.name == .nesterov ? g[k] + optimizer.momentum * buf[k] : buf[k]
                    network.parameters[k] = theta - lr * d
                case .rmsprop:
                    v[k] = optimizer.alpha * v[k] + (1 - optimizer.alpha) * g[k] * g[k]
                    network.parameters[k] = theta - lr * g[k] / (sqrt(v[k]) + optimizer.epsilon)
                case .adam:
                    m[k] = optimizer.beta1 * m[k] + (1 - optimizer.beta1) * g[k]
                    v[k] = optimizer.beta2 * v[k] + (1 - optimizer.beta2) * g[k] * g[k]
                    let mHat = m[k] / (1 - pow(optimizer.beta1, Double(t)))
                    let vHat = v[k] / (1 - pow(optimizer.beta2, Double(t)))
                    network.parameters[k] = theta - lr * mHat / (sqrt(vHat) + optimizer.epsilon)
                }
            }
            results.append(network.parameters)
        }
        return results
    }

    static func expectClose(_ got: [Double], _ want: [Double], _ what: String) {
        #expect(got.count == want.count)
        for (index, (a, b)) in zip(got, want).enumerated() {
            let tolerance = 1e-12 * max(1, abs(b))
            #expect(abs(a - b) <= tolerance, "\(what), parameter \(index + 1): \(a) vs \(b)")
        }
    }

    @Test("each optimizer's first three steps on the seed are the textbook rule's", arguments: OptimizerName.allCases)
    func firstThreeSteps(name: OptimizerName) throws {
        // Hyperparameters away from the defaults too, so a rule that ignored one would show.
        for optimizer in [
            try Optimizer(name), try Optimizer(name, momentum: 0.5, alpha: 0.9, beta1: 0.8, beta2: 0.99, epsilon: 1e-3),
        ] {
            var scenario = Preset.seed.scenario
            try scenario.setOptimizer(optimizer)
            let expected = OptimizerTests.byHand(optimizer, scenario: scenario, steps: 3)
            var trainer = Trainer(scenario: scenario)
            for t in 1...3 {
                trainer.step()
                OptimizerTests.expectClose(
                    trainer.network.parameters, expected[t - 1], "\(optimizer.summary) step \(t)")
            }
            #expect(trainer.state.optimizerState.step == (name == .sgd ? 0 : 3), "sgd keeps no state, not even t")
        }
    }

    @Test("sgd is the article's update, bit for bit")
    func sgdIsTheArticle() throws {
        var scenario = Preset.seed.scenario
        try scenario.setOptimizer(try Optimizer(.sgd, momentum: 0.3))
        var plain = Trainer(scenario: Preset.seed.scenario)
        var named = Trainer(scenario: scenario)
        plain.run(steps: 1000)
        named.run(steps: 1000)
        #expect(named.cost.bitPattern == plain.cost.bitPattern)
        #expect(named.network == plain.network)
    }

    @Test("Adam's first step moves every parameter by lr against its gradient's sign")
    func adamFirstStep() throws {
        // m̂ = g and v̂ = g² at t = 1, so the step is lr·g/(|g| + ε): lr, less a hair for ε.
        var scenario = Preset.seed.scenario
        try scenario.setOptimizer(try Optimizer(.adam))
        var trainer = Trainer(scenario: scenario)
        let before = trainer.network.parameters
        let gradient = trainer.nextStep().gradient
        trainer.step()
        for (k, (after, was)) in zip(trainer.network.parameters, before).enumerated() {
            let moved = after - was
            #expect(abs(abs(moved) - 0.1) < 1e-6, "parameter \(k + 1) moved \(moved)")
            #expect(moved.sign != gradient[k].sign, "parameter \(k + 1) moved with its gradient")
        }
    }

    @Test(
        "run and step take the same steps, bit for bit, for every rule and networks", arguments: OptimizerName.allCases)
    func runMatchesStep(name: OptimizerName) throws {
        var random = SeededGenerator(seed: 11)
        for preset in [Preset.seed, .and, .xorHidden] {
            var scenario = preset.scenario
            try scenario.setOptimizer(try Optimizer(name))
            var stepped = Trainer(scenario: scenario)
            var ran = stepped
            for _ in 0..<25 { stepped.step() }
            ran.run(steps: 25)
            #expect(ran.state == stepped.state, "\(preset) \(name)")
            #expect(ran.cost.bitPattern == stepped.cost.bitPattern)
        }
        let network = try random.networkScenario(activations: [.tanh, .sigmoid], loss: .sse, reduction: .mean)
        var scenario = network
        try scenario.setOptimizer(try Optimizer(name))
        var stepped = Trainer(scenario: scenario)
        var ran = stepped
        for _ in 0..<10 { stepped.step() }
        ran.run(steps: 10)
        #expect(ran.state == stepped.state)
    }

    @Test("random networks follow the textbook rule for 5 steps", arguments: OptimizerName.allCases)
    func randomNetworks(name: OptimizerName) throws {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<4 {
            var scenario = try random.networkScenario(
                activations: [.tanh, .sigmoid, .linear], loss: .mse, reduction: .mean, learningRate: 0.01...0.1)
            try scenario.setOptimizer(try Optimizer(name))
            let expected = OptimizerTests.byHand(scenario.optimizer, scenario: scenario, steps: 5)
            var trainer = Trainer(scenario: scenario)
            trainer.run(steps: 5)
            OptimizerTests.expectClose(trainer.network.parameters, expected[4], "\(name) after 5 steps")
        }
    }

    @Test("a new optimizer starts afresh, and step back crosses the change exactly")
    func stepBackAcrossAChange() throws {
        var scenario = Preset.xorHidden.scenario
        try scenario.setOptimizer(try Optimizer(.adam))
        var trainer = Trainer(scenario: scenario)
        var history = TrainingHistory(interval: 4, minimumReach: 100)
        history.record(trainer)
        var visited = [trainer.state]
        func steps(_ count: Int) {
            for _ in 0..<count {
                trainer.step()
                visited.append(trainer.state)
                if history.needsCheckpoint(trainer) { history.record(trainer) }
            }
        }
        steps(6)
        // As `o` does: a checkpoint on each side of the change.
        history.record(trainer)
        trainer.setOptimizer(trainer.optimizer.named(.momentum))
        #expect(trainer.state.optimizerState == OptimizerState(fresh: .momentum, parameterCount: 13))
        history.record(trainer)
        visited.append(trainer.state)
        steps(5)
        var current = trainer
        var retraced = [current.state]
        while let earlier = history.goBack(from: current) {
            current = earlier
            retraced.append(current.state)
        }
        #expect(retraced == Array(visited.reversed()))
        #expect(retraced.contains { $0.optimizer.name == .adam && $0.optimizerState.step == 6 })
    }

    @Test(
        "a saved state carries the optimizer on: loading it continues the very same run",
        arguments: OptimizerName.allCases)
    func savedStateContinues(name: OptimizerName) throws {
        var scenario = Preset.xorHidden.scenario
        try scenario.setOptimizer(try Optimizer(name, beta1: 0.8))
        var trainer = Trainer(scenario: scenario)
        trainer.run(steps: 7)
        var saved = trainer.scenario
        saved.setNetwork(trainer.network)
        try saved.setOptimizer(trainer.optimizer, state: trainer.state.optimizerState)
        let text = saved.jsonText()
        #expect(text.contains("\"optimizer\": {\"name\": \"\(name.rawValue)\""), "sgd is named too: \(text)")
        #expect(text.contains("\"beta1\": 0.8"), "a hyperparameter away from its default is kept for o")
        var loaded = Trainer(scenario: try Scenario(json: Data(text.utf8)))
        #expect(loaded.state.optimizerState == trainer.state.optimizerState)
        trainer.run(steps: 5)
        loaded.run(steps: 5)
        #expect(loaded.network == trainer.network)
        #expect(loaded.cost.bitPattern == trainer.cost.bitPattern)
    }

    @Test("fresh sgd writes no optimizer, so the article's files stay as they were")
    func sgdWritesNothing() {
        #expect(!Preset.seed.scenario.jsonText().contains("optimizer"))
    }

    @Test("a file may name the optimizer, or give an object with its hyperparameters")
    func fileForms() throws {
        let base = #"{"x": [[1, 2, 3], [3, 2, 1]], "y": [[1, 0], [0, 1]], "w": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]"#
        let named = try Scenario(json: Data((base + #", "optimizer": "adam"}"#).utf8))
        #expect(named.optimizer == (try Optimizer(.adam)))
        let object = try Scenario(
            json: Data((base + #", "optimizer": {"name": "rmsprop", "alpha": 0.9, "epsilon": 1e-6}}"#).utf8))
        #expect(object.optimizer == (try Optimizer(.rmsprop, alpha: 0.9, epsilon: 1e-6)))
        #expect(object.optimizerState.isFresh)
        let absent = try Scenario(json: Data((base + "}").utf8))
        #expect(absent.optimizer == .sgd)
    }

    @Test(
        "out-of-range hyperparameters and malformed optimizer entries get one line each",
        arguments: [
            (
                #""optimizer": {"name": "adam", "beta1": 1}"#,
                "optimizer beta1 1.0 is not valid; it must be at least 0 and below 1, like 0.9"
            ),
            (
                #""optimizer": {"name": "adam", "beta2": 1.5}"#,
                "optimizer beta2 1.5 is not valid; it must be at least 0 and below 1, like 0.999"
            ),
            (
                #""optimizer": {"name": "adam", "epsilon": -1e-8}"#,
                "optimizer epsilon -1e-08 is not valid; it must be a finite number of 0 or more, like 1e-8"
            ),
            (
                #""optimizer": {"name": "momentum", "momentum": -0.1}"#,
                "optimizer momentum -0.1 is not valid; it must be a finite number of 0 or more, like 0.9"
            ),
            (
                #""optimizer": {"name": "rmsprop", "alpha": 1}"#,
                "optimizer alpha 1.0 is not valid; it must be at least 0 and below 1, like 0.99"
            ),
            (
                #""optimizer": "adamw""#,
                "scenario file \"<scenario>\" line 1, column 110: unknown optimizer \"adamw\"; choose one of: sgd, momentum, nesterov, rmsprop, adam"
            ),
            (
                #""optimizer": {"name": "Adam"}"#,
                "scenario file \"<scenario>\" line 1, column 119: unknown optimizer \"Adam\"; choose one of: sgd, momentum, nesterov, rmsprop, adam"
            ),
            (
                #""optimizer": {"beta1": 0.9}"#,
                "scenario file \"<scenario>\" line 1, column 110: \"optimizer\" must be an object with a \"name\", like {\"name\": \"adam\", \"beta1\": 0.9}"
            ),
            (
                #""optimizer": {"name": "adam", "lr": 0.1}"#,
                "scenario file \"<scenario>\" line 1, column 127: \"optimizer\" must be a name or an object of name, momentum, alpha, beta1, beta2, epsilon, step, buf, m, v; \"lr\" is not one of them"
            ),
            (
                #""optimizer": 3"#,
                "scenario file \"<scenario>\" line 1, column 110: \"optimizer\" must be a name like \"adam\" or an object like {\"name\": \"adam\", \"beta1\": 0.9}"
            ),
            (
                #""optimizer": {"name": "adam", "beta1": "high"}"#,
                "scenario file \"<scenario>\" line 1, column 136: \"optimizer.beta1\" must be a number, like 0.9"
            ),
            (
                #""optimizer": {"name": "momentum", "step": 2, "buf": [1, 2]}"#,
                "\"optimizer.buf\" has 2 numbers but the network has 8 parameters; give one per parameter, in the trace's column order"
            ),
            (
                #""optimizer": {"name": "momentum", "step": 2, "buf": [1, 2, 3, 4, 5, 6, 7, 8], "v": [1]}"#,
                "the optimizer momentum keeps buf; leave out the others"
            ),
            (
                #""optimizer": {"name": "rmsprop", "step": 1, "v": [1, 2, 3, 4, 5, 6, 7, -8]}"#,
                "\"optimizer.v\"[8] is -8.0, below 0 (v is a mean of squares), not a finite number"
            ),
            (
                #""optimizer": {"name": "adam", "step": -1}"#,
                "scenario file \"<scenario>\" line 1, column 110: \"optimizer.step\" must be a whole number of 0 or more, the steps it has taken"
            ),
            (
                #""optimizer": {"name": "adam", "step": 1.5}"#,
                "scenario file \"<scenario>\" line 1, column 110: \"optimizer.step\" must be a whole number of 0 or more, the steps it has taken"
            ),
            (
                #""optimizer": {"name": "adam", "step": 1e30}"#,
                "scenario file \"<scenario>\" line 1, column 110: \"optimizer.step\" must be a whole number of 0 or more, the steps it has taken"
            ),
        ])
    func refusals(entry: String, message: String) {
        let text =
            #"{"x": [[1, 2, 3], [3, 2, 1]], "y": [[1, 0], [0, 1]], "w": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "#
            + entry + "}"
        #expect(throws: ScenarioError.self) { try Scenario(json: Data(text.utf8)) }
        do {
            _ = try Scenario(json: Data(text.utf8))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("o's order goes through every rule and back to sgd")
    func cycle() {
        var name = OptimizerName.sgd
        var seen: [OptimizerName] = []
        for _ in OptimizerName.allCases {
            seen.append(name)
            name = name.next
        }
        #expect(seen == OptimizerName.allCases)
        #expect(name == .sgd)
    }
}
