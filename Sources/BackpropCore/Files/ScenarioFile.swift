import Foundation

/// A scenario file as JSON states it: the schema of `--scenario FILE.json`, read by
/// `JSONValueDecoder` from the parsed document. Either the article's one layer (top-level `w`,
/// `b`, `activation`) or a `layers` list; `Scenario` then checks what a type cannot (shapes,
/// finite numbers, lr > 0).
struct ScenarioFile: Decodable {
    /// The keys of the format, in the order the README documents them.
    static let keys = CodingKeys.allCases.map(\.rawValue)

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

    /// The keys in the order the README documents them. `JSONValueDecoder` refuses any other,
    /// so a typo does not pass silently.
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case x, y, w, b, activation, layers, learningRate, loss, reduction, optimizer
    }

    init(from decoder: any Decoder) throws {
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

    /// Reads `data` as a scenario file; `path` names the source in messages.
    ///
    /// Our own strict parser reads the text (Foundation's reports a syntax error without its line
    /// or column, accepts trailing commas and duplicate keys, and refuses the whole file over a
    /// number like 1e999 without naming the field), then `JSONValueDecoder` reads this type
    /// straight from the parsed value, and each refusal becomes a message worded for its field,
    /// at the line and column of the value or key concerned.
    static func decode(_ data: Data, path: String) throws(ScenarioError) -> ScenarioFile {
        let text = String(decoding: data, as: UTF8.self)
        guard !text.allSatisfy({ $0.isWhitespace || $0 == "\u{FEFF}" }) else { throw .fileEmpty(path: path) }
        let root: JSONValue
        do {
            root = try JSONParser.parse(Array(data))
        } catch {
            throw .notJSON(path: path, detail: error.description)
        }
        do {
            return try JSONValueDecoder.decode(ScenarioFile.self, from: root)
        } catch {
            let position = error.position
            throw .inFile(path: path, line: position.line, column: position.column, problem: message(for: error))
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
    private static func fieldAndPosition(_ path: [any CodingKey]) -> (field: String, position: String) {
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

    /// A decoding failure as one line: what the field must be, quoting what the file has there.
    private static func message(for failure: JSONDecodingFailure) -> ScenarioError {
        let path: [any CodingKey]
        let found: JSONValue
        switch failure {
        case .unknownKey(let path, let name, _):
            if path.isEmpty { return .unknownKey(name) }
            if path.last?.stringValue == "optimizer" {
                return .wrongType(
                    field: "optimizer",
                    expected:
                        "a name or an object of \(ScenarioFileOptimizer.keys.joined(separator: ", ")); \(TerminalSafe.quoted(name)) is not one of them"
                )
            }
            return .unknownLayerKey(name, layer: layerNumber(in: path))
        case .missingKey(let path, let name, _):
            return path.isEmpty ? .missingKey(name) : .missingLayerKey(name, layer: layerNumber(in: path))
        case .refused(_, _, let reason as ScenarioError):
            return reason
        case .wrongType(let at, let value), .refused(let at, let value, _):
            path = at
            found = value
        }
        let (field, position) = fieldAndPosition(path)
        if path.isEmpty { return .notAnObject }
        if case .unrepresentableNumber = found.content {
            // 1e999 is named by its field wherever it stands, the message every number shares.
            return .notFinite(field: field, position: position, value: found.shortDescription)
        }
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
    /// A string without its quotes (a name as typed, escaped and cut to a readable length);
    /// anything else as `shortDescription`.
    fileprivate var unquotedDescription: String {
        if case .string(let text) = content { return TerminalSafe.shortened(text) }
        return shortDescription
    }
}
