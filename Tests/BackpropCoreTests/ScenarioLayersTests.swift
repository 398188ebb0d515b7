import BackpropCore
import Foundation
import Testing

/// The `layers` form of a scenario file: read, written back in the form it was read, and every
/// way it can be wrong refused with one line that names the path.
@Suite struct ScenarioLayersTests {
    static let xor = "\"x\": [[0,0],[0,1],[1,0],[1,1]], \"y\": [[0],[1],[1],[0]]"

    /// A 2-3-1 network file, with `layers` replaced when given.
    static func json(layers: String? = nil, more: String = "") -> String {
        let standard = """
            [{"w": [[0.5, -0.4, 0.3], [0.2, 0.6, -0.5]], "b": [0.1, -0.1, 0.2], "activation": "tanh"},
             {"w": [[0.7], [-0.6], [0.5]]}]
            """
        return "{\(xor), \"layers\": \(layers ?? standard)\(more.isEmpty ? "" : ", " + more)}"
    }

    static func rejects(
        _ text: String, as expected: ScenarioError, mentioning fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        ScenarioValidationTests.rejects(text, as: expected, mentioning: fragments, sourceLocation: sourceLocation)
    }

    @Test func aNetworkFileIsReadWithItsDefaults() throws {
        let scenario = try Scenario(json: Data(Self.json(more: "\"learningRate\": 0.5").utf8))
        #expect(scenario.network.sizes == [2, 3, 1])
        #expect(scenario.network.activations == [.tanh, .sigmoid], "activation defaults to sigmoid per layer")
        #expect(scenario.network.layer(1).bias == [0], "b defaults to zeros")
        #expect(scenario.form == .layers)
        #expect(scenario == Preset.xorHidden.scenario)
    }

    @Test func savingWritesTheFormThatWasRead() throws {
        let network = try Scenario(json: Data(Self.json().utf8))
        let text = network.jsonText()
        #expect(text.contains("\"layers\""))
        #expect(!text.contains("\n  \"w\""), "no top-level w")
        #expect(try Scenario(json: Data(text.utf8)) == network)

        // One layer in a list stays a list; the short form stays short.
        let oneListed = try Scenario(json: Data(Self.json(layers: "[{\"w\": [[1], [2]]}]").utf8))
        #expect(oneListed.form == .layers)
        #expect(oneListed.jsonText().contains("\"layers\""))
        let short = Preset.seed.scenario.jsonText()
        #expect(!short.contains("layers"))
        #expect(try Scenario(json: Data(short.utf8)) == Preset.seed.scenario)
    }

    @Test func theChainMustFit() {
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1, 2, 3, 4], [1, 2, 3, 4]]}, {\"w\": [[1], [2], [3]]}]"),
            as: .shapeMismatch(
                "layers[2].w has 3 rows but layers[1] has 4 outputs; a layer needs one row per output of the layer before"
            ),
            mentioning: ["layers[2].w has 3 rows but layers[1] has 4 outputs"])
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1, 2]]}, {\"w\": [[1], [2]]}]"),
            as: .shapeMismatch(
                "layers[1].w has 1 row but \"x\" has 2 inputs per sample; the first layer needs one row per input"),
            mentioning: ["layers[1].w", "\"x\" has 2 inputs"])
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1, 2], [3, 4]]}, {\"w\": [[1, 1], [2, 2]]}]"),
            as: .shapeMismatch(
                "layers[2].w has 2 columns but \"y\" has 1 output per sample; the last layer needs one column per output"
            ),
            mentioning: ["layers[2].w has 2 columns", "\"y\" has 1"])
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1, 2], [3, 4]], \"b\": [0]}, {\"w\": [[1], [2]]}]"),
            as: .shapeMismatch(
                "layers[1].b has 1 entry but layers[1].w has 2 columns; b needs one entry per output of its layer"),
            mentioning: ["layers[1].b", "layers[1].w has 2 columns"])
    }

    @Test func malformedLayers() {
        Self.rejects(Self.json(layers: "[]"), as: .empty(field: "layers"), mentioning: ["\"layers\" is empty"])
        Self.rejects(
            Self.json(more: "\"w\": [[1]]"), as: ScenarioValidationTests.at(1, 1, .bothForms("w")),
            mentioning: ["\"layers\"", "\"w\"", "not both"])
        Self.rejects(
            Self.json(more: "\"activation\": \"tanh\""), as: ScenarioValidationTests.at(1, 1, .bothForms("activation")),
            mentioning: ["\"layers\"", "\"activation\""])
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1], [2]], \"bias\": [0]}]"),
            as: ScenarioValidationTests.at(1, 87, .unknownLayerKey("bias", layer: 1)),
            mentioning: ["\"bias\"", "layers[1]", "w, b, activation"])
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1, 1], [2, 2]]}, {\"b\": [0]}]"),
            as: ScenarioValidationTests.at(1, 94, .missingLayerKey("w", layer: 2)),
            mentioning: ["layers[2] is missing \"w\""])
        Self.rejects(
            Self.json(layers: "{\"w\": [[1], [2]]}"),
            as: ScenarioValidationTests.at(
                1, 68,
                .wrongType(
                    field: "layers",
                    expected: "a list of layers, like [{\"w\": [[0.5], [0.5]], \"activation\": \"tanh\"}]")),
            mentioning: ["\"layers\" must be a list of layers"])
        Self.rejects(
            Self.json(layers: "[[1, 2]]"),
            as: ScenarioValidationTests.at(
                1, 69,
                .wrongType(field: "layers[1]", expected: "an object with \"w\" and optionally \"b\" and \"activation\"")
            ),
            mentioning: ["\"layers[1]\" must be an object"])
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1], [\"a\"]]}]"),
            as: ScenarioValidationTests.at(1, 82, .notFinite(field: "layers[1].w", position: "[2][1]", value: "\"a\"")),
            mentioning: ["\"layers[1].w\"[2][1] is \"a\""])
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1], [1e999]]}]"),
            as: ScenarioValidationTests.at(
                1, 82, .notFinite(field: "layers[1].w", position: "[2][1]", value: "1e999 (too large for a double)")),
            mentioning: ["layers[1].w", "[2][1]", "1e999"])
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1], [2]], \"activation\": \"softplus\"}]"),
            as: ScenarioValidationTests.at(
                1, 101,
                .unknownName(field: "activation", value: "softplus", allowed: Activation.allCases.map(\.rawValue))),
            mentioning: ["activation", "softplus", "tanh", "softmax"])
        Self.rejects(
            Self.json(layers: "[{\"w\": [[1, 2], [3]]}]"),
            as: .raggedRows(field: "layers[1].w", row: 2, count: 1, expected: 2), mentioning: ["layers[1].w", "row 2"])
        Self.rejects(
            "{\(Self.xor)}", as: ScenarioValidationTests.at(1, 1, .missingKey("w")),
            mentioning: ["missing \"w\"", "layers"])
    }

    @Test func activationListsSetOneGPerLayer() throws {
        var scenario = Preset.xorHidden.scenario
        try scenario.setActivations([.relu])
        #expect(scenario.network.activations == [.relu, .relu])
        try scenario.setActivations([.linear, .tanh])
        #expect(scenario.network.activations == [.linear, .tanh])
        let error = #expect(throws: ScenarioError.self) { try scenario.setActivations([.tanh, .tanh, .tanh]) }
        #expect(error == .activationCount(given: 3, layers: 2))
        ScenarioValidationTests.expectOneLine(error?.description ?? "", mentioning: ["3 activations", "2 layers"])
    }

    @Test func hiddenLayersFromData() throws {
        let table = try DataTable(csv: "x1,x2,x3,y1,y2\n1,2,3,1,0\n3,2,1,0,1\n")
        let network = try table.scenario(seed: 7, hidden: [4, 3]).network
        #expect(network.sizes == [3, 4, 3, 2])
        for l in 0..<network.layerCount {
            let layer = network.layer(l)
            let limit = 1 / Double(layer.inputCount).squareRoot()
            #expect(layer.weights.elements.allSatisfy { abs($0) <= limit }, "±1/√fan-in in layer \(l + 1)")
            #expect(layer.bias.allSatisfy { $0 == 0 })
        }
        #expect(try table.scenario(seed: 7, hidden: [4, 3]) == table.scenario(seed: 7, hidden: [4, 3]))
        #expect(try table.scenario(seed: 7, hidden: []).network.layerCount == 1)
        #expect(throws: ScenarioError.self) { try table.scenario(seed: 7, hidden: [0]) }

        // A mistyped size gets a message before anything is allocated, however large.
        for hidden in [[100_000, 100_000], [Int.max], Array(repeating: 1, count: 40)] {
            let error = #expect(throws: ScenarioError.self) { try table.scenario(seed: 7, hidden: hidden) }
            guard case .overLimit = error else {
                Issue.record("\(String(describing: error))")
                continue
            }
            ScenarioValidationTests.expectOneLine(error?.description ?? "", mentioning: ["use fewer"])
        }
    }
}
