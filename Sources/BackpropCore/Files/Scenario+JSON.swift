import Foundation

extension Scenario {
    /// Loads and validates a scenario file.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let data = try InputFile.read(path)
        return try Scenario(json: data, path: path)
    }

    /// Parses and validates scenario JSON; `path` only names the source in messages.
    public init(json data: Data, path: String = "<scenario>") throws(ScenarioError) {
        let text = String(decoding: data, as: UTF8.self)
        guard !text.allSatisfy({ $0.isWhitespace }) else { throw .fileEmpty(path: path) }
        let root: JSONValue
        do {
            root = try JSONParser.parse(Array(data))
        } catch {
            throw .notJSON(path: path, detail: error.description)
        }
        guard case .object(let object) = root else { throw .notAnObject }
        // Keys are checked in a fixed order so the same file always gets the same message.
        for key in object.keys.sorted() where !Scenario.keys.contains(key) {
            throw .unknownKey(key)
        }
        func required(_ key: String) throws(ScenarioError) -> JSONValue {
            guard let value = object[key] else { throw .missingKey(key) }
            return value
        }
        let x = try Scenario.numberRows(try required("x"), field: "x")
        let y = try Scenario.numberRows(try required("y"), field: "y")
        let w = try Scenario.numberRows(try required("w"), field: "w")
        let b = try object["b"].map { value throws(ScenarioError) in try Scenario.numberList(value, field: "b") }
        var learningRate = 0.1
        if let value = object["learningRate"] {
            guard case .number(let number) = value else {
                throw .invalidLearningRate(value.shortDescription)
            }
            learningRate = number
        }
        let activation: Activation = try Scenario.name(object["activation"], field: "activation") ?? .sigmoid
        let loss: Loss = try Scenario.name(object["loss"], field: "loss") ?? .sse
        let reduction: Reduction = try Scenario.name(object["reduction"], field: "reduction") ?? .seed
        try self.init(
            inputs: x, targets: y, weights: w, bias: b, learningRate: learningRate,
            activation: activation, loss: loss, reduction: reduction)
    }

    /// The scenario as JSON in the documented format, numbers in shortest round-trip form, so
    /// `load` gives back exactly the same values.
    public func jsonText() -> String {
        func list(_ values: [Double]) -> String {
            "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
        func rows(_ matrix: Matrix) -> String {
            "[" + matrix.rowArrays.map(list).joined(separator: ", ") + "]"
        }
        return """
            {
              "x": \(rows(inputs)),
              "y": \(rows(targets)),
              "w": \(rows(layer.weights)),
              "b": \(list(layer.bias)),
              "learningRate": \(learningRate.description),
              "activation": "\(activation.rawValue)",
              "loss": "\(loss.rawValue)",
              "reduction": "\(reduction.rawValue)"
            }

            """
    }

    private static func numberRows(_ value: JSONValue, field: String) throws(ScenarioError) -> [[Double]] {
        guard case .array(let rows) = value else {
            throw .wrongType(field: field, expected: "a list of rows, like [[1, 2, 3], [3, 2, 1]]")
        }
        var result: [[Double]] = []
        for (r, row) in rows.enumerated() {
            guard case .array(let entries) = row else {
                throw .wrongType(
                    field: field,
                    expected: "a list of rows, like [[1, 2, 3], [3, 2, 1]]; row \(r + 1) is \(row.shortDescription)")
            }
            var numbers: [Double] = []
            for (c, entry) in entries.enumerated() {
                guard case .number(let number) = entry else {
                    throw .notFinite(field: field, position: "[\(r + 1)][\(c + 1)]", value: entry.shortDescription)
                }
                numbers.append(number)
            }
            result.append(numbers)
        }
        return result
    }

    private static func numberList(_ value: JSONValue, field: String) throws(ScenarioError) -> [Double] {
        guard case .array(let entries) = value else {
            throw .wrongType(field: field, expected: "a list of numbers, like [0, 0]")
        }
        var numbers: [Double] = []
        for (index, entry) in entries.enumerated() {
            guard case .number(let number) = entry else {
                throw .notFinite(field: field, position: "[\(index + 1)]", value: entry.shortDescription)
            }
            numbers.append(number)
        }
        return numbers
    }

    private static func name<T: RawRepresentable & CaseIterable>(_ value: JSONValue?, field: String)
        throws(ScenarioError) -> T?
    where T.RawValue == String {
        guard let value else { return nil }
        guard case .string(let text) = value, let result = T(rawValue: text) else {
            throw .unknownName(field: field, value: value.shortDescriptionUnquoted, allowed: T.allCases.map(\.rawValue))
        }
        return result
    }
}

extension JSONValue {
    fileprivate var shortDescriptionUnquoted: String {
        if case .string(let text) = self { return text }
        return shortDescription
    }
}
