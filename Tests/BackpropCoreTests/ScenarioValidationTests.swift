import BackpropCore
import Foundation
import Testing

/// Every way scenario JSON can be wrong gets one line that names the field and the shapes or
/// value, so a teacher sees at once what to fix.
@Suite struct ScenarioValidationTests {
    /// The article's scenario as JSON, with any field replaced.
    static func json(
        x: String = "[[1, 2, 3], [3, 2, 1]]", y: String = "[[1, 0], [0, 1]]",
        w: String = "[[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]", more: String = ""
    ) -> String {
        "{\"x\": \(x), \"y\": \(y), \"w\": \(w)\(more.isEmpty ? "" : ", " + more)}"
    }

    /// Checks that `text` is rejected with `expected`, and that the message is one line holding
    /// every fragment (the field name, the shapes or the value).
    static func rejects(
        _ text: String, as expected: ScenarioError, mentioning fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: ScenarioError.self, sourceLocation: sourceLocation) {
            try Scenario(json: Data(text.utf8))
        }
        guard let error else { return }
        #expect(error == expected, sourceLocation: sourceLocation)
        expectOneLine(error.description, mentioning: fragments, sourceLocation: sourceLocation)
    }

    /// `problem` as a scenario read from text reports it: at a line and column of the file.
    static func at(_ line: Int, _ column: Int, _ problem: ScenarioError, path: String = "<scenario>") -> ScenarioError {
        .inFile(path: path, line: line, column: column, problem: problem)
    }

    static func expectOneLine(
        _ message: String, mentioning fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!message.contains { $0.isNewline }, "not one line: \(message)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                message.contains(fragment), "\"\(fragment)\" missing from: \(message)", sourceLocation: sourceLocation)
        }
    }

    @Test func theBaseScenarioIsValid() throws {
        #expect(try Scenario(json: Data(Self.json().utf8)) == Preset.seed.scenario)
    }

    // MARK: shapes

    @Test func samplesOfXAndYDiffer() {
        Self.rejects(
            Self.json(y: "[[1, 0]]"),
            as: .shapeMismatch("\"x\" has 2 samples (rows) but \"y\" has 1; give one target row per sample"),
            mentioning: ["\"x\"", "\"y\"", "2", "1"])
    }

    @Test func rowsOfWDoNotMatchTheInputsOfX() {
        let error = ScenarioError.shapeMismatch(
            "\"w\" is 2x2 but \"x\" has 3 inputs per sample; w needs 3 rows (one per input), so it should be 3x2")
        Self.rejects(Self.json(w: "[[0.1, 0.2], [0.3, 0.4]]"), as: error, mentioning: ["\"w\"", "2x2", "\"x\"", "3x2"])
    }

    @Test func columnsOfWDoNotMatchTheOutputsOfY() {
        let error = ScenarioError.shapeMismatch(
            "\"w\" is 3x2 but \"y\" has 1 output per sample; w needs 1 column (one per output), so it should be 3x1")
        Self.rejects(Self.json(y: "[[1], [0]]"), as: error, mentioning: ["\"w\"", "3x2", "\"y\"", "3x1"])
    }

    @Test func biasDoesNotMatchTheOutputs() {
        let error = ScenarioError.shapeMismatch(
            "\"b\" has 3 entries but \"y\" has 2 outputs; b needs one entry per output")
        Self.rejects(Self.json(more: "\"b\": [0, 0, 0]"), as: error, mentioning: ["\"b\"", "3", "2"])
        Self.rejects(
            Self.json(more: "\"b\": []"),
            as: .shapeMismatch("\"b\" has 0 entries but \"y\" has 2 outputs; b needs one entry per output"),
            mentioning: ["\"b\"", "0", "2"])
    }

    /// x and y agree with each other but w fits neither: the message must still give the
    /// shape w should have.
    @Test func weightsOfTheWrongShapeAltogether() {
        Self.rejects(
            Self.json(w: "[[1]]"),
            as: .shapeMismatch(
                "\"w\" is 1x1 but \"x\" has 3 inputs per sample; w needs 3 rows (one per input), so it should be 3x2"),
            mentioning: ["1x1", "3x2"])
    }

    // MARK: ragged and empty

    @Test(arguments: ["x", "y", "w"])
    func raggedRows(field: String) {
        let text: String
        switch field {
        case "x": text = Self.json(x: "[[1, 2, 3], [3, 2]]")
        case "y": text = Self.json(y: "[[1, 0], [0, 1, 0]]")
        default: text = Self.json(w: "[[0.1, 0.2], [0.3], [0.5, 0.6]]")
        }
        let (row, count, expected) = field == "x" ? (2, 2, 3) : field == "y" ? (2, 3, 2) : (2, 1, 2)
        Self.rejects(
            text, as: .raggedRows(field: field, row: row, count: count, expected: expected),
            // One entry is "1 entry", never "1 entries" (the w case).
            mentioning: [
                "\"\(field)\"", "row \(row)", count == 1 ? "has 1 entry but" : "\(count) entries", "\(expected)",
            ])
    }

    @Test(arguments: ["[]", "[[]]", "[[], []]"])
    func emptyData(value: String) {
        Self.rejects(Self.json(x: value), as: .empty(field: "x"), mentioning: ["\"x\"", "empty"])
        Self.rejects(Self.json(y: value), as: .empty(field: "y"), mentioning: ["\"y\"", "empty"])
        Self.rejects(Self.json(w: value), as: .empty(field: "w"), mentioning: ["\"w\"", "empty"])
    }

    // MARK: values that are not finite numbers

    @Test(arguments: [
        ("\"2\"", "\"2\""), ("null", "null"), ("true", "true"), ("false", "false"), ("[2]", "a list"),
        ("{}", "an object"),
    ])
    func anEntryThatIsNotANumber(literal: String, shown: String) {
        Self.rejects(
            Self.json(x: "[[1, \(literal), 3], [3, 2, 1]]"),
            as: Self.at(1, 12, .notFinite(field: "x", position: "[1][2]", value: shown)),
            mentioning: ["\"x\"[1][2]", shown, "not a finite number"])
        Self.rejects(
            Self.json(more: "\"b\": [0, \(literal)]"),
            as: Self.at(1, 106, .notFinite(field: "b", position: "[2]", value: shown)),
            mentioning: ["\"b\"[2]", shown, "not a finite number"])
    }

    @Test func aFieldOfTheWrongType() {
        Self.rejects(
            Self.json(x: "5"),
            as: Self.at(1, 7, .wrongType(field: "x", expected: "a list of rows, like [[1, 2, 3], [3, 2, 1]]")),
            mentioning: ["\"x\"", "list of rows"])
        Self.rejects(
            Self.json(y: "[1, 0]"),
            as: Self.at(
                1, 37, .wrongType(field: "y", expected: "a list of rows, like [[1, 2, 3], [3, 2, 1]]; row 1 is 1.0")),
            mentioning: ["\"y\"", "row 1 is 1.0"])
        Self.rejects(
            Self.json(more: "\"b\": 0"),
            as: Self.at(1, 102, .wrongType(field: "b", expected: "a list of numbers, like [0, 0]")),
            mentioning: ["\"b\"", "list of numbers"])
    }

    /// JSON has no infinity, but 1e999 is a well-formed JSON number too large for a Double (and
    /// 1e-999 one too small). Foundation's JSONDecoder rejects the whole document for either,
    /// so without help the user would be told to check brackets and quotes. The line must name
    /// the field and the number instead.
    @Test(arguments: ["1e999", "-1e999"])
    func aNumberTooLargeForADouble(literal: String) {
        let error = #expect(throws: ScenarioError.self) {
            try Scenario(json: Data(Self.json(x: "[[1, \(literal), 3], [3, 2, 1]]").utf8))
        }
        guard let error else { return }
        Self.expectOneLine(error.description, mentioning: ["\"x\"", literal])
    }

    /// 1e-999 is valid JSON for a number that rounds to 0; it must not be called invalid JSON.
    @Test func aNumberTooSmallForADoubleIsNotAJSONError() {
        #expect(throws: Never.self) {
            try Scenario(json: Data(Self.json(x: "[[1, 1e-999, 3], [3, 2, 1]]").utf8))
        }
    }

    // MARK: learning rate and names

    /// A value that is not a number is refused as the file is read, at its line and column;
    /// a number out of range is refused by `Scenario`'s checks, which know no file.
    @Test(arguments: [
        ("0", "0.0", false), ("-0.1", "-0.1", false), ("\"0.1\"", "\"0.1\"", true), ("null", "null", true),
        ("[0.1]", "a list", true),
    ])
    func anInvalidLearningRate(literal: String, shown: String, isNotANumber: Bool) {
        Self.rejects(
            Self.json(more: "\"learningRate\": \(literal)"),
            as: isNotANumber ? Self.at(1, 113, .invalidLearningRate(shown)) : .invalidLearningRate(shown),
            mentioning: ["learning rate", shown, "greater than 0"])
    }

    @Test func learningRateChecksApplyToTheInitialiserAndTheTrainer() throws {
        for bad in [0, -1, Double.nan, .infinity, -.infinity] {
            #expect(throws: ScenarioError.invalidLearningRate("\(bad)")) {
                try Scenario(inputs: [[1]], targets: [[1]], weights: [[1]], learningRate: bad)
            }
            var trainer = Trainer(scenario: Preset.seed.scenario)
            #expect(throws: ScenarioError.invalidLearningRate("\(bad)")) { try trainer.setLearningRate(bad) }
            #expect(trainer.learningRate == 0.1)
        }
    }

    /// The column is the value's: after the base scenario, the key and `": "`.
    @Test(arguments: [
        ("activation", "\"softplus\"", "softplus", Activation.allCases.map(\.rawValue), 111),
        ("activation", "\"Sigmoid\"", "Sigmoid", Activation.allCases.map(\.rawValue), 111),
        ("activation", "3", "3.0", Activation.allCases.map(\.rawValue), 111),
        ("loss", "\"mae\"", "mae", Loss.allCases.map(\.rawValue), 105),
        ("loss", "\"cross-entropy\"", "cross-entropy", Loss.allCases.map(\.rawValue), 105),
        ("reduction", "\"average\"", "average", Reduction.allCases.map(\.rawValue), 110),
    ])
    func anUnknownName(field: String, literal: String, shown: String, allowed: [String], column: Int) {
        Self.rejects(
            Self.json(more: "\"\(field)\": \(literal)"),
            as: Self.at(1, column, .unknownName(field: field, value: shown, allowed: allowed)),
            mentioning: ["unknown \(field)", "\"\(shown)\""] + allowed)
    }

    // MARK: keys and structure

    @Test func aTypoInAKey() {
        Self.rejects(
            Self.json(more: "\"learning_rate\": 0.5"), as: Self.at(1, 97, .unknownKey("learning_rate")),
            mentioning: ["\"learning_rate\"", "learningRate"])
    }

    @Test(arguments: ["x", "y", "w"])
    func aMissingKey(key: String) {
        let fields = ["x": "[[1, 2, 3]]", "y": "[[1, 0]]", "w": "[[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]"]
        let text =
            "{"
            + fields.filter { $0.key != key }.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(
                separator: ", ") + "}"
        Self.rejects(text, as: Self.at(1, 1, .missingKey(key)), mentioning: ["\"\(key)\"", "missing"])
    }

    @Test(arguments: ["[1, 2]", "\"x\"", "3", "null"])
    func aDocumentThatIsNotAnObject(text: String) {
        Self.rejects(text, as: Self.at(1, 1, .notAnObject), mentioning: ["JSON object", "\"x\""])
    }

    /// Syntax errors say where, so a hand-typed file is fixed at a glance. Trailing commas are
    /// not JSON and are refused like any other slip.
    @Test(arguments: [
        ("{\"x\": [[1, 2, 3]]", "line 1, column 18: expected ',' or '}', found the end of the document"),
        ("{x: [[1]]}", "line 1, column 2: expected a key in double quotes, found 'x'"),
        ("{\"x\": [[1 2]]}", "line 1, column 11: expected ',' or ']', found '2'"),
        ("{\"x\": [[NaN]]}", "line 1, column 9: expected a value (a number, a string, a list or an object), found 'N'"),
        (
            "{\"x\": [[Infinity]]}",
            "line 1, column 9: expected a value (a number, a string, a list or an object), found 'I'"
        ),
        ("{'x': 1}", "line 1, column 2: expected a key in double quotes, found '''"),
        ("{\"x\": [[1,]]}", "line 1, column 11: expected a value (a number, a string, a list or an object), found ']'"),
        ("{\"x\": [[1]],\n}", "line 2, column 1: expected a key in double quotes, found '}'"),
        ("{\"x\": \"open}", "line 1, column 13: a string is not closed before the end of the document"),
        ("{} {}", "line 1, column 4: unexpected text after the end of the document"),
        ("{\"x\": 1,\n \"x\": 2}", "line 2, column 2: the key \"x\" appears twice; keep one"),
    ])
    func textThatIsNotJSON(text: String, detail: String) {
        Self.rejects(text, as: .notJSON(path: "<scenario>", detail: detail), mentioning: ["not valid JSON", detail])
    }

    @Test(arguments: ["", " ", "\n\t \r\n"])
    func textThatIsEmpty(text: String) {
        Self.rejects(text, as: .fileEmpty(path: "<scenario>"), mentioning: ["empty", "x, y and w"])
    }

    /// Editors that start UTF-8 files with a byte-order mark must not make a good file fail.
    @Test func aByteOrderMarkIsNotContent() throws {
        let text = "\u{FEFF}" + Self.json()
        #expect(try Scenario(json: Data(text.utf8)) == (try Scenario(json: Data(Self.json().utf8))))
    }
}
