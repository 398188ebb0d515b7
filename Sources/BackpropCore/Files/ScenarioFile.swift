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
    /// The inputs the network sees, computed from x's two columns (x1, x2).
    var features: [Feature]?
    /// The samples a step uses (nil: every training sample).
    var batchSize: Int?
    /// Whether each epoch draws a fresh order (nil: true).
    var shuffle: Bool?
    /// Where a saved run was in its epochs: epochs completed, and samples into the next.
    var epoch: Int?
    var samplesIntoEpoch: Int?
    /// The run's seed: the epochs' orders (nil: 1).
    var seed: UInt64?
    /// The samples held out to test, 0-based rows of x.
    var test: [Int]?
    /// The regularisation term, from `l1` or `l2` (at most one of them).
    var penalty: Penalty?
    /// The noise the points were drawn with: a record (nil: 0).
    var noise: Double?
    /// How each row of x forms a picture, `"8x8"` (nil: it does not).
    var image: ImageShape?

    /// The keys in the order the README documents them. `JSONValueDecoder` refuses any other,
    /// so a typo does not pass silently. Those after `optimizer` came with mini-batches; a file
    /// without them trains as before; `image` came with the digits.
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case x, y, w, b, activation, layers, learningRate, loss, reduction, optimizer
        case features, batchSize, shuffle, seed, test, l1, l2, noise, epoch, samplesIntoEpoch
        case image
    }

    /// What each training key must hold, for the message when it holds something else.
    static let expected: [String: String] = [
        "features":
            "a list of feature names from \(Feature.allCases.map(\.rawValue).joined(separator: ", ")), like [\"x1^2\", \"x2^2\"]",
        "batchSize": "a whole number of 1 or more, like 8 (leave it out to use every training sample)",
        "shuffle": "true or false",
        "seed": "a whole number of 0 or more, like 1",
        "test": "a list of the rows of x held out to test, counted from 0, like [0, 7, 12]",
        "l1": "a finite number of at least 0, like 0.01",
        "l2": "a finite number of at least 0, like 0.01",
        "noise": "a finite number of at least 0, like 0.1",
        "epoch": "a whole number of 0 or more: the epochs a saved run had completed",
        "samplesIntoEpoch":
            "a whole number of 0 or more, below the training samples: how far into its epoch a saved run was",
        "image": "a picture size \"WxH\" of one pixel per column of x, like \"8x8\"",
    ]

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
        try decodeTraining(from: container)
    }

    /// The keys that came with mini-batches. Each value is checked here, where its place in the
    /// file is known, so a wrong one is named by its line and column (`refuse`).
    private mutating func decodeTraining(from container: KeyedDecodingContainer<CodingKeys>) throws {
        func wrong(_ key: CodingKeys) -> ScenarioError {
            .wrongType(field: key.rawValue, expected: ScenarioFile.expected[key.rawValue] ?? "")
        }
        if let names = try container.decodeUnlessAbsent([String].self, forKey: .features) {
            if names.isEmpty { try refuse(.empty(field: "features"), container, .features) }
            var features: [Feature] = []
            for (index, name) in names.enumerated() {
                guard let feature = Feature(rawValue: name) else {
                    try refuse(
                        .unknownName(
                            field: "feature", value: TerminalSafe.shortened(name),
                            allowed: Feature.allCases.map(\.rawValue)), container, .features, index: index)
                }
                if features.contains(feature) {
                    try refuse(
                        .invalidSetting("feature \(name) is named twice; give each feature once"), container, .features,
                        index: index)
                }
                features.append(feature)
            }
            self.features = features
        }
        batchSize = try container.decodeUnlessAbsent(Int.self, forKey: .batchSize)
        if let size = batchSize, size < 1 { try refuse(wrong(.batchSize), container, .batchSize) }
        shuffle = try container.decodeUnlessAbsent(Bool.self, forKey: .shuffle)
        for key in [CodingKeys.epoch, .samplesIntoEpoch] {
            guard let value = try container.decodeUnlessAbsent(Int.self, forKey: key) else { continue }
            if value < 0 { try refuse(wrong(key), container, key) }
            if key == .epoch { epoch = value } else { samplesIntoEpoch = value }
        }
        seed = try container.decodeUnlessAbsent(UInt64.self, forKey: .seed)
        if let test = try container.decodeUnlessAbsent([Int].self, forKey: .test) {
            var held = Set<Int>()
            for (index, sample) in test.enumerated() {
                if sample < 0 || sample >= x.count {
                    try refuse(
                        .invalidSetting(
                            "\"test\" holds out row \(sample), but x has \(counted(x.count, "row")) (0 to \(x.count - 1)); rows are counted from 0"
                        ), container, .test, index: index)
                }
                if !held.insert(sample).inserted {
                    try refuse(
                        .invalidSetting("\"test\" holds out row \(sample) twice; name each row once"), container, .test,
                        index: index)
                }
            }
            if !x.isEmpty && held.count == x.count {
                try refuse(
                    .invalidSetting("\"test\" holds out every row of x; leave at least one to train on"), container,
                    .test)
            }
            self.test = test
        }
        try decodeImage(from: container)
        for key in [CodingKeys.l1, .l2, .noise] {
            guard let value = try container.decodeUnlessAbsent(Double.self, forKey: key) else { continue }
            if !(value >= 0) { try refuse(wrong(key), container, key) }
            switch key {
            case .noise: noise = value
            case .l2 where penalty != nil:
                try refuse(
                    .invalidSetting("give either \"l1\" or \"l2\", not both: one penalty at a time"), container, .l2)
            default: penalty = key == .l1 ? .l1(value) : .l2(value)
            }
        }
    }

    /// `image`: a size that parses, for x's own columns (not features), each refusal at its value.
    private mutating func decodeImage(from container: KeyedDecodingContainer<CodingKeys>) throws {
        guard let text = try container.decodeUnlessAbsent(String.self, forKey: .image) else { return }
        guard let shape = ImageShape(parsing: text) else {
            try refuse(
                .wrongType(field: "image", expected: ScenarioFile.expected["image"] ?? ""), container, .image)
        }
        if features != nil {
            try refuse(
                .invalidSetting(
                    "\"image\" draws x's own columns as pixels, but \"features\" computes the inputs from them; leave out one of the two"
                ), container, .image)
        }
        if let columns = x.first?.count, columns != shape.pixelCount {
            try refuse(
                .invalidSetting(
                    "\"image\" is \(shape.description), \(counted(shape.pixelCount, "pixel")), but x has \(counted(columns, "column")); give a width x height of \(columns)\(ImageShape.squarest(pixelCount: columns).map { ", like \"\($0.description)\"" } ?? "")"
                ), container, .image)
        }
        image = shape
    }

    /// Throws `problem` at the value of `key` (or at its entry `index`), so that the message
    /// names the line and column of what it is about, as a wrong type's does.
    private func refuse(
        _ problem: ScenarioError, _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys,
        index: Int? = nil
    ) throws -> Never {
        guard let value = (try container.superDecoder(forKey: key) as? JSONValueDecoder)?.value else { throw problem }
        if let index, case .array(let entries) = value.content, entries.indices.contains(index) {
            throw JSONDecodingFailure.refused(
                path: container.codingPath + [key, JSONIndexKey(index)], found: entries[index], reason: problem)
        }
        throw JSONDecodingFailure.refused(path: container.codingPath + [key], found: value, reason: problem)
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
                    reduction: reduction, form: .layers, features: features)
            } else {
                try Scenario(
                    inputs: x, targets: y,
                    layers: [ScenarioLayer(weights: w ?? [], bias: b, activation: activation ?? .sigmoid)],
                    learningRate: learningRate, loss: loss, reduction: reduction, form: .singleLayer, features: features
                )
            }
        if let optimizer {
            try scenario.setOptimizer(optimizer.optimizer(), state: optimizer.state)
        }
        // The split before the batch size: a size of at least the training samples is all of them.
        if let test { scenario.setSplit(try DataSplit(count: scenario.sampleCount, test: test)) }
        try scenario.setBatchSize(batchSize)
        scenario.shuffles = shuffle ?? true
        scenario.seed = seed ?? 1
        if let penalty { try scenario.setPenalty(penalty) }
        scenario.noise = noise ?? 0
        try scenario.setImage(image)
        if epoch != nil || samplesIntoEpoch != nil {
            guard (samplesIntoEpoch ?? 0) < scenario.trainingCount else {
                throw ScenarioError.invalidSetting(
                    "\"samplesIntoEpoch\" is \(samplesIntoEpoch ?? 0), but an epoch has \(counted(scenario.trainingCount, "training sample")); give a number below that"
                )
            }
            scenario.epochsDone = epoch ?? 0
            scenario.samplesIntoEpoch = samplesIntoEpoch ?? 0
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
        case "features", "batchSize", "shuffle", "seed", "test", "l1", "l2", "noise", "epoch", "samplesIntoEpoch",
            "image":
            return .wrongType(
                field: leaf,
                expected:
                    "\(expected[leaf] ?? "")\(depth == 0 ? "" : "; entry \(position.dropFirst().dropLast()) is \(found.shortDescription)")"
            )
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
