import BackpropCore
import Foundation
import Testing

/// The scenario format's defaults and `jsonText()`, which must read back to the same bits.
@Suite struct ScenarioJSONTests {
    @Test func onlyXYAndWUseTheDocumentedDefaults() throws {
        let scenario = try Scenario(json: Data(ScenarioValidationTests.json(w: "[[1, -2], [0, 0.5], [3, 4]]").utf8))
        #expect(scenario.network.layer(0).bias == [0, 0])
        #expect(scenario.learningRate == 0.1)
        #expect(scenario.network.activations[0] == .sigmoid)
        #expect(scenario.loss == .sse)
        #expect(scenario.reduction == .seed)
        // 0 and 1 must read as numbers, not as the JSON booleans some decoders confuse them with.
        #expect(scenario.inputs.rowArrays == [[1, 2, 3], [3, 2, 1]])
        #expect(scenario.targets.rowArrays == [[1, 0], [0, 1]])
        #expect(scenario.network.layer(0).weights.rowArrays == [[1, -2], [0, 0.5], [3, 4]])
    }

    @Test func everyOptionalKeyIsRead() throws {
        let text = ScenarioValidationTests.json(
            more:
                "\"b\": [0.25, -1], \"learningRate\": 2.5, \"activation\": \"tanh\", \"loss\": \"mse\", \"reduction\": \"mean\""
        )
        let scenario = try Scenario(json: Data(text.utf8))
        #expect(scenario.network.layer(0).bias == [0.25, -1])
        #expect(scenario.learningRate == 2.5)
        #expect(scenario.network.activations[0] == .tanh)
        #expect(scenario.loss == .mse)
        #expect(scenario.reduction == .mean)
    }

    /// Random scenarios whose numbers are any finite double (subnormals, -0, the largest
    /// magnitudes) must come back bit for bit; "save the current state" depends on it.
    @Test func jsonTextRoundTripsBitForBit() throws {
        var random = SeededGenerator(seed: 2024)
        for round in 0..<300 {
            let (samples, inputs, outputs) = (random.integer(1...5), random.integer(1...5), random.integer(1...5))
            func anyRows(_ rows: Int, _ columns: Int) -> [[Double]] {
                (0..<rows).map { _ in (0..<columns).map { _ in random.anyFiniteDouble() } }
            }
            var learningRate = abs(random.anyFiniteDouble())
            if learningRate == 0 { learningRate = .leastNonzeroMagnitude }
            let original = try Scenario(
                inputs: anyRows(samples, inputs), targets: anyRows(samples, outputs), weights: anyRows(inputs, outputs),
                bias: anyRows(1, outputs)[0], learningRate: learningRate,
                activation: Activation.allCases[random.integer(0...3)], loss: Loss.allCases[random.integer(0...1)],
                reduction: Reduction.allCases[random.integer(0...2)])
            let text = original.jsonText()
            let copy = try Scenario(json: Data(text.utf8))
            #expect(
                copy.inputs.elements.map(\.bitPattern) == original.inputs.elements.map(\.bitPattern),
                "round \(round): \(text)")
            #expect(
                copy.targets.elements.map(\.bitPattern) == original.targets.elements.map(\.bitPattern), "round \(round)"
            )
            #expect(copy.network.bitPatterns == original.network.bitPatterns, "round \(round): \(text)")
            #expect(copy.learningRate.bitPattern == original.learningRate.bitPattern, "round \(round)")
            #expect(copy == original, "round \(round)")
        }
    }

    @Test func jsonTextUsesExactlyTheDocumentedKeys() throws {
        let data = Data(Preset.seed.scenario.jsonText().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["x", "y", "w", "b", "learningRate", "activation", "loss", "reduction"])
    }
}
