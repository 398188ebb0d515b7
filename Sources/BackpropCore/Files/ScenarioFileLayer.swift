/// One entry of a scenario file's `layers` list: `{"w": [[...]], "b": [...], "activation": "tanh"}`,
/// with `b` (zeros) and `activation` (sigmoid) optional.
struct ScenarioFileLayer: Decodable {
    /// The keys a layer may have, in the order the README documents them.
    static let keys = ["w", "b", "activation"]

    var w: [[Double]]
    var b: [Double]?
    var activation: Activation?

    private enum CodingKeys: String, CodingKey {
        case w, b, activation
    }

    init(from decoder: any Decoder) throws {
        let present = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        if let unknown = present.sorted().first(where: { !Self.keys.contains($0) }) {
            throw ScenarioError.unknownLayerKey(unknown, layer: ScenarioFile.layerNumber(in: decoder.codingPath))
        }
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
