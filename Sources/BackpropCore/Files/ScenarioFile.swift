import Foundation

/// A scenario file as JSON states it: the schema of `--scenario FILE.json`, read by Foundation's
/// `JSONDecoder`. Either the article's one layer (top-level `w`, `b`, `activation`) or a `layers`
/// list; `Scenario` then checks what a type cannot (shapes, finite numbers, lr > 0).
struct ScenarioFile: Decodable {
    /// The keys of the format, in the order the README documents them.
    static let keys = ["x", "y", "w", "b", "activation", "layers", "learningRate", "loss", "reduction", "optimizer"]

    var x: [[Double]]
    var y: [[Double]]
    var w: [[Double]]?
    var b: [Double]?
    var activation: Activation?
    var layers: [ScenarioFileLayer]?
    var learningRate: Double?
    var loss: Loss?
    var reduction: Reduction?
    var optimizer: ScenarioFileOptimizer?

    private enum CodingKeys: String, CodingKey {
        case x, y, w, b, activation, layers, learningRate, loss, reduction, optimizer
    }

    init(from decoder: any Decoder) throws {
        // The decoder ignores keys the type does not name; a typo must not pass silently.
        let present = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        if let unknown = present.sorted().first(where: { !Self.keys.contains($0) }) {
            throw ScenarioError.unknownKey(unknown)
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for key in [CodingKeys.x, .y] where !container.contains(key) { throw ScenarioError.missingKey(key.rawValue) }
        if container.contains(.layers) {
            if let key = [CodingKeys.w, .b, .activation].first(where: container.contains) {
                throw ScenarioError.bothForms(key.rawValue)
            }
        } else if !container.contains(.w) {
            throw ScenarioError.missingKey("w")
        }
        x = try container.decode([[Double]].self, forKey: .x)
        y = try container.decode([[Double]].self, forKey: .y)
        w = try container.decodeUnlessAbsent([[Double]].self, forKey: .w)
        b = try container.decodeUnlessAbsent([Double].self, forKey: .b)
        activation = try container.decodeUnlessAbsent(Activation.self, forKey: .activation)
        layers = try container.decodeUnlessAbsent([ScenarioFileLayer].self, forKey: .layers)
        learningRate = try container.decodeUnlessAbsent(Double.self, forKey: .learningRate)
        loss = try container.decodeUnlessAbsent(Loss.self, forKey: .loss)
        reduction = try container.decodeUnlessAbsent(Reduction.self, forKey: .reduction)
        optimizer = try container.decodeUnlessAbsent(ScenarioFileOptimizer.self, forKey: .optimizer)
    }

    /// The validated scenario.
    func scenario() throws(ScenarioError) -> Scenario {
        let learningRate = self.learningRate ?? 0.1
        let loss = self.loss ?? .sse
        let reduction = self.reduction ?? .seed
        var scenario =
            if let layers {
                try Scenario(
                    inputs: x, targets: y, layers: layers.map(\.scenarioLayer), learningRate: learningRate, loss: loss,
                    reduction: reduction, form: .layers)
            } else {
                try Scenario(
                    inputs: x, targets: y, weights: w ?? [], bias: b, learningRate: learningRate,
                    activation: activation ?? .sigmoid, loss: loss, reduction: reduction)
            }
        if let optimizer {
            try scenario.setOptimizer(optimizer.optimizer(), state: optimizer.state)
        }
        return scenario
    }

    /// Reads `data` as a scenario file; `path` only names the source in messages.
    ///
    /// Our own strict parser reads the text first: Foundation's decoder on Linux reports a syntax
    /// error without its line or column, accepts trailing commas and duplicate keys, and refuses
    /// the whole file over a number like 1e999 without naming the field. The decoder then reads
    /// the parsed document (as canonical JSON) into this type, and its errors are turned into
    /// messages that quote what the file says at the path they name.
    static func decode(_ data: Data, path: String) throws(ScenarioError) -> ScenarioFile {
        let text = String(decoding: data, as: UTF8.self)
        guard !text.allSatisfy({ $0.isWhitespace || $0 == "\u{FEFF}" }) else { throw .fileEmpty(path: path) }
        let root: JSONValue
        do {
            root = try JSONParser.parse(Array(data))
        } catch {
            throw .notJSON(path: path, detail: error.description)
        }
        guard case .object = root else { throw .notAnObject }
        if let (numberPath, written) = root.firstUnrepresentableNumber() {
            let (field, position) = fieldAndPosition(numberPath)
            throw .notFinite(field: field, position: position, value: "\(written) (too large for a double)")
        }
        do {
            return try JSONDecoder().decode(ScenarioFile.self, from: Data(root.canonicalText.utf8))
        } catch let error as ScenarioError {
            throw error
        } catch let error as DecodingError {
            throw message(for: error, in: root)
        } catch {
            throw .notJSON(path: path, detail: "\(error)")
        }
    }

    /// The 1-based layer number of a decoding path inside `layers`.
    static func layerNumber(in path: [any CodingKey]) -> Int {
        guard let index = path.firstIndex(where: { $0.stringValue == "layers" }), index + 1 < path.count,
            let number = path[index + 1].intValue
        else { return 1 }
        return number + 1
    }

    /// `["layers", 1, "w", 0, 2]` -> (`layers[2].w`, `[1][3]`); `["x", 0, 1]` -> (`x`, `[1][2]`).
    /// An index right after `layers` names the layer; every other index is a position, 1-based.
    static func fieldAndPosition(_ path: [any CodingKey]) -> (field: String, position: String) {
        var field = ""
        var position = ""
        var previous: String?
        for key in path {
            if let index = key.intValue {
                if previous == "layers" {
                    field += "[\(index + 1)]"
                } else {
                    position += "[\(index + 1)]"
                }
            } else {
                field += field.isEmpty ? key.stringValue : "." + key.stringValue
                position = ""
            }
            previous = key.intValue == nil ? key.stringValue : nil
        }
        return (field, position)
    }

    /// A decoding error as one line: what the field must be, quoting what the file has there.
    private static func message(for error: DecodingError, in root: JSONValue) -> ScenarioError {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(let key, let c):
            return c.codingPath.isEmpty
                ? .missingKey(key.stringValue) : .missingLayerKey(key.stringValue, layer: layerNumber(in: c.codingPath))
        @unknown default: return .wrongType(field: "the file", expected: "a scenario")
        }
        let path = context.codingPath
        let found = root.value(at: path) ?? .null
        let (field, position) = fieldAndPosition(path)
        let leaf = path.last(where: { $0.intValue == nil })?.stringValue ?? field
        let depth = path.count - (path.lastIndex(where: { $0.intValue == nil }) ?? 0) - 1
        switch leaf {
        case "activation":
            return .unknownName(
                field: leaf, value: found.unquotedDescription, allowed: Activation.allCases.map(\.rawValue))
        case "loss":
            return .unknownName(field: leaf, value: found.unquotedDescription, allowed: Loss.allCases.map(\.rawValue))
        case "reduction":
            return .unknownName(
                field: leaf, value: found.unquotedDescription, allowed: Reduction.allCases.map(\.rawValue))
        case "learningRate":
            return .invalidLearningRate(found.shortDescription)
        case "optimizer":
            return .wrongType(
                field: "optimizer",
                expected: "a name like \"adam\" or an object like {\"name\": \"adam\", \"beta1\": 0.9}")
        case "name":
            return .unknownName(
                field: "optimizer", value: found.unquotedDescription, allowed: OptimizerName.allCases.map(\.rawValue))
        case "momentum", "alpha", "beta1", "beta2", "epsilon":
            return .wrongType(
                field: "optimizer.\(leaf)",
                expected: "a number, like \(Hyperparameter(rawValue: leaf)?.example ?? "0.9")")
        case "step":
            return .invalidOptimizerStep
        case "buf", "m", "v":
            return depth == 0
                ? .wrongType(field: "optimizer.\(leaf)", expected: "a list of numbers, one per parameter")
                : .notFinite(field: "optimizer.\(leaf)", position: position, value: found.shortDescription)
        case "layers":
            return depth == 0
                ? .wrongType(
                    field: "layers",
                    expected: "a list of layers, like [{\"w\": [[0.5], [0.5]], \"activation\": \"tanh\"}]")
                : .wrongType(field: field, expected: "an object with \"w\" and optionally \"b\" and \"activation\"")
        case "b":
            return depth == 0
                ? .wrongType(field: field, expected: "a list of numbers, like [0, 0]")
                : .notFinite(field: field, position: position, value: found.shortDescription)
        default:  // x, y, w: matrices
            let rows = "a list of rows, like [[1, 2, 3], [3, 2, 1]]"
            switch depth {
            case 0: return .wrongType(field: field, expected: rows)
            case 1:
                return .wrongType(
                    field: field,
                    expected: "\(rows); row \(position.dropFirst().dropLast()) is \(found.shortDescription)")
            default: return .notFinite(field: field, position: position, value: found.shortDescription)
            }
        }
    }
}

extension JSONValue {
    /// A string without its quotes (a name as typed, its control characters escaped);
    /// anything else as `shortDescription`.
    fileprivate var unquotedDescription: String {
        if case .string(let text) = self { return TerminalSafe.escaped(text) }
        return shortDescription
    }
}
