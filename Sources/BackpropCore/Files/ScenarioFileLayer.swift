/// One entry of a scenario file's `layers` list: `{"w": [[...]], "b": [...], "activation": "tanh"}`,
/// with `b` (zeros) and `activation` (sigmoid) optional.
struct ScenarioFileLayer: Decodable {
    /// The keys a layer may have, in the order the README documents them.
    static let keys = CodingKeys.allCases.map(\.rawValue)

    var w: [[Double]]
    var b: [Double]?
    var activation: Activation?

    /// The keys in the order the README documents them; `JSONValueDecoder` refuses any other.
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case w, b, activation
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.w) else {
            throw ScenarioError.missingLayerKey("w", layer: ScenarioFile.layerNumber(in: decoder.codingPath))
        }
        w = try container.decode([[Double]].self, forKey: .w)
        b = try container.decodeUnlessAbsent([Double].self, forKey: .b)
        activation = try container.decodeUnlessAbsent(Activation.self, forKey: .activation)
    }

    /// The layer for `Scenario`'s checks.
    var scenarioLayer: ScenarioLayer {
        ScenarioLayer(weights: w, bias: b, activation: activation ?? .sigmoid)
    }
}
