import BackpropCore
import Foundation
import Testing

/// The cross-entropies: their pairings and target rules, refused in one line each
/// wherever a scenario comes from; their costs against the textbook formulas; their output δ,
/// which is ŷ - y; and their stable forms where ŷ has rounded to 0 or 1.
@Suite struct ClassificationLossTests {
    /// A file of a 2-3-`outputs` network: tanh, then `last`, with `loss` and targets `y`.
    static func network(last: String, loss: String, y: String, hidden: String = "tanh") -> String {
        let outputs = y.split(separator: "]").first.map { $0.split(separator: ",").count } ?? 1
        // The weights do not matter: every file here is refused before training.
        let row = "[" + Array(repeating: "0.1", count: outputs).joined(separator: ", ") + "]"
        let w2 = "[" + Array(repeating: row, count: 3).joined(separator: ", ") + "]"
        return """
            {"x": [[0, 1], [1, 0], [1, 1]], "y": \(y), "loss": "\(loss)",
             "layers": [{"w": [[0.5, -0.4, 0.3], [0.2, 0.6, -0.5]], "activation": "\(hidden)"},
                        {"w": \(w2), "activation": "\(last)"}]}
            """
    }

    static let oneHot = "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]"

    /// Every refusal: the message is one line, names the rule and says what to change.
    @Test(arguments: [
        // softmax outside the last layer
        (
            network(last: "softmax", loss: "ce", y: oneHot, hidden: "softmax"),
            ["softmax is only for the last layer", "layer 1 of 2", "like tanh"]
        ),
        // ce and softmax need classes
        (
            network(last: "softmax", loss: "ce", y: "[[1], [0], [1]]"),
            ["loss ce needs at least 2 outputs", "loss bce", "sigmoid"]
        ),
        (
            network(last: "softmax", loss: "sse", y: "[[1], [0], [1]]"),
            ["softmax needs at least 2 outputs", "loss bce"]
        ),
        // softmax only with ce, ce only with softmax, bce only with sigmoid
        (network(last: "softmax", loss: "sse", y: oneHot), ["softmax goes only with loss ce", "use loss ce"]),
        (network(last: "softmax", loss: "bce", y: oneHot), ["softmax goes only with loss ce"]),
        (
            network(last: "sigmoid", loss: "ce", y: oneHot),
            ["loss ce needs softmax in the last layer, not sigmoid", "make the last layer's activation softmax"]
        ),
        (
            network(last: "tanh", loss: "bce", y: oneHot),
            ["loss bce needs sigmoid in the last layer, not tanh", "make the last layer's activation sigmoid"]
        ),
        // targets that are not probabilities
        (
            network(last: "sigmoid", loss: "bce", y: "[[1, 0, 0], [0, 2, 0], [0, 0, 1]]"),
            ["loss bce needs every target in [0, 1]", "\"y\"[2][2] is 2.0"]
        ),
        (
            network(last: "softmax", loss: "ce", y: "[[1, 0, 0], [0, 1, 0], [-0.5, 0.5, 1]]"),
            ["loss ce needs every target in [0, 1]", "\"y\"[3][1] is -0.5"]
        ),
        (
            network(last: "softmax", loss: "ce", y: "[[1, 0, 0], [0.5, 0, 0], [0, 0, 1]]"),
            ["loss ce needs each row of y to sum to 1", "row 2 sums to 0.5"]
        ),
        (network(last: "softmax", loss: "ce", y: "[[1, 0, 0], [0, 1, 1], [0, 0, 1]]"), ["row 2 sums to 2.0"]),
    ])
    func everyPairingRefusalIsOneLine(file: String, fragments: [String]) {
        let error = #expect(throws: ScenarioError.self) { try Scenario(json: Data(file.utf8)) }
        guard let error else { return }
        switch error {
        case .pairing, .targetNotProbability, .targetSum: break
        default:
            Issue.record("expected a pairing or target error, got \(error)")
            return
        }
        ScenarioValidationTests.expectOneLine(error.description, mentioning: fragments)
    }

    @Test func theShortFormIsCheckedToo() {
        let error = #expect(throws: ScenarioError.self) {
            try Scenario(
                inputs: [[1, 2]], targets: [[1, 0]], weights: [[0.1, 0.2], [0.3, 0.4]], activation: .sigmoid, loss: .ce)
        }
        ScenarioValidationTests.expectOneLine(error?.description ?? "", mentioning: ["loss ce needs softmax"])
    }

    /// A row may miss 1 by rounding (thirds written in decimals), not by a class.
    @Test func rowsOfThirdsSumToOneWithinTheTolerance() throws {
        let third = 0.333_333_333_333_333_3
        let scenario = try Scenario(
            inputs: [[1, 2]], targets: [[third, third, third]], weights: [[0.1, 0.2, 0.3], [0.3, 0.4, 0.5]],
            activation: .softmax, loss: .ce)
        #expect(scenario.loss == .ce)
        #expect(throws: ScenarioError.self) {
            try Scenario(
                inputs: [[1, 2]], targets: [[0.333, 0.333, 0.333]], weights: [[0.1, 0.2, 0.3], [0.3, 0.4, 0.5]],
                activation: .softmax, loss: .ce)
        }
    }

    /// The flags change the loss and the activations together, checked as a whole; a refusal
    /// changes nothing.
    @Test func activationsAndLossAreSetTogether() throws {
        var scenario = Preset.seed.scenario
        #expect(throws: ScenarioError.self) { try scenario.setActivations([.softmax]) }
        #expect(throws: ScenarioError.self) { try scenario.setLoss(.ce) }
        #expect(scenario == Preset.seed.scenario, "a refusal changes nothing")
        try scenario.set(activations: [.softmax], loss: .ce)
        #expect(scenario.network.activations == [.softmax] && scenario.loss == .ce)
        try scenario.set(activations: [.sigmoid], loss: .bce)
        #expect(scenario.network.activations == [.sigmoid] && scenario.loss == .bce)
        let error = #expect(throws: ScenarioError.self) { try scenario.set(activations: [.tanh], loss: nil) }
        ScenarioValidationTests.expectOneLine(error?.description ?? "", mentioning: ["loss bce needs sigmoid"])

        var network = Preset.xorHidden.scenario
        let hidden = #expect(throws: ScenarioError.self) { try network.set(activations: [.softmax], loss: .ce) }
        ScenarioValidationTests.expectOneLine(
            hidden?.description ?? "", mentioning: ["softmax is only for the last layer"])
        try network.set(activations: [.tanh, .sigmoid], loss: .bce)
        #expect(network.loss == .bce)
    }

    /// The article's example as softmax regression: one layer, softmax, ce. Its C is the
    /// textbook -Σ y log ŷ of the trainer's own ŷ, and the output δ is ŷ - y.
    @Test func theSeedAsSoftmaxRegression() throws {
        var scenario = Preset.seed.scenario
        try scenario.set(activations: [.softmax], loss: .ce)
        var trainer = Trainer(scenario: scenario)
        let y = scenario.targets
        for _ in 0..<3 {
            let p = trainer.prediction
            var textbook = 0.0
            for s in 0..<p.rows {
                #expect(abs(p[s, 0] + p[s, 1] - 1) < 1e-15, "a softmax row sums to 1")
                for j in 0..<p.columns { textbook -= y[s, j] * log(p[s, j]) }
            }
            #expect(abs(trainer.cost - textbook) <= 1e-14 * textbook)
            let trace = trainer.step()
            for k in trace.outputLayer.delta.elements.indices {
                #expect(trace.outputLayer.delta.elements[k] == trace.prediction.elements[k] - y.elements[k])
            }
        }
        trainer.run(steps: 1000)
        #expect(trainer.cost < 0.01, "two separable samples: C falls towards 0")
    }

    @Test func binaryCrossEntropyIsTheTextbookFormula() throws {
        var scenario = Preset.xorHidden.scenario
        try scenario.setLoss(.bce)
        let trainer = Trainer(scenario: scenario)
        let (p, y) = (trainer.prediction, scenario.targets)
        var textbook = 0.0
        for k in p.elements.indices {
            textbook -= y.elements[k] * log(p.elements[k]) + (1 - y.elements[k]) * log(1 - p.elements[k])
        }
        #expect(abs(trainer.cost - textbook) <= 1e-14 * textbook)
    }

    /// Where ŷ has rounded to exactly 1 (a = 40) the textbook formulas give ∞ and 0 · ∞; the
    /// stable forms give the exact finite cost (≈ a for the wrong class), δ = ŷ - y stays exact,
    /// and training moves on. Only e = ∂C/∂ŷ, which is shown and never multiplied, is infinite.
    @Test func saturatedOutputsStayFinite() throws {
        let bce = try Scenario(
            inputs: [[1], [1]], targets: [[0], [1]], weights: [[40]], activation: .sigmoid, loss: .bce, reduction: .sum)
        var trainer = Trainer(scenario: bce)
        #expect(trainer.prediction.elements == [1, 1])
        #expect(abs(trainer.cost - 40) < 1e-12, "C = -log(1 - ŷ) for y = 0 is a + log(1 + e^-a)")
        var trace = trainer.nextStep()
        #expect(trace.outputLayer.delta.elements == [1, 0])
        #expect(trace.outputLayer.error.elements[0] == .infinity)
        #expect(trace.outputLayer.error.elements[1] == -1, "y = 1: ∂C/∂ŷ = -1/ŷ, no 0/0")
        #expect(trace.gradient.allSatisfy { $0.isFinite })

        let ce = try Scenario(
            inputs: [[1], [1]], targets: [[0, 1], [1, 0]], weights: [[800, -800]], activation: .softmax, loss: .ce)
        trainer = Trainer(scenario: ce)
        #expect(trainer.prediction.elements == [1, 0, 1, 0], "e^-1600 underflows to 0")
        #expect(trainer.cost == 1600, "the wrong class costs a_right - a_wrong")
        trace = trainer.nextStep()
        #expect(trace.outputLayer.delta.elements == [1, -1, 0, 0])
        #expect(trace.outputLayer.error.elements[1] == -.infinity)
        #expect(trace.outputLayer.error.elements[2] == -1)
        #expect(trace.outputLayer.error.elements[3] == 0, "y = 0 adds no 0/0")
        #expect(trace.costAfter.isFinite)
    }

    /// `w` saves a scenario that `--scenario` loads back exactly, softmax and ce included.
    @Test func aSavedClassifierLoadsBackTheSame() throws {
        let rings = Preset.rings.scenario
        #expect(try Scenario(json: Data(rings.jsonText().utf8)) == rings)
        var seed = Preset.seed.scenario
        try seed.set(activations: [.sigmoid], loss: .bce)
        #expect(try Scenario(json: Data(seed.jsonText().utf8)) == seed)
    }

    /// Each sample's share, as the predictions pane shows it, adds up to C.
    @Test(arguments: [Loss.bce, .ce])
    func sampleSharesAddUpToTheCost(loss: Loss) throws {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<20 {
            let scenario = try random.networkScenario(activations: [.tanh, .relu], loss: loss, reduction: .mean)
            let trainer = Trainer(scenario: scenario)
            let trace = trainer.nextStep()
            let shares = (0..<scenario.sampleCount).map {
                loss.cost(
                    ofSample: $0, preActivation: trace.outputLayer.preActivation, prediction: trace.prediction,
                    targets: scenario.targets)
            }
            #expect(abs(shares.reduce(0, +) - trainer.cost) <= 1e-13 * max(1, trainer.cost))
        }
    }
}
