import BackpropCore
import Foundation
import Testing

/// A message that quotes a file (a cell, a header, a key, a name) or a path never
/// hands the terminal a control character; it shows it escaped and still says where it is.
@Suite struct TerminalSafeTests {
    // MARK: the function

    @Test("printable text, a backslash and U+FFFD are left as they are")
    func printableIsUnchanged() {
        for text in ["x1", "ŷ = g(a)", "é", "中文", "\\e[2J", "a\\u{0}", "\u{FFFD}", "\u{A0}", "😀", "", "\u{202E}"] {
            #expect(TerminalSafe.escaped(text) == text)
            #expect(TerminalSafe.escaped(Array(text.utf8)) == text)
        }
    }

    @Test("ESC, tab, newline and CR have their short escapes; other C0, DEL and C1 read as \\u{N}")
    func controlCharacters() {
        let cases: [(String, String)] = [
            ("\u{1B}[2J", "\\e[2J"),
            ("\u{1B}]0;title\u{07}", "\\e]0;title\\u{7}"),
            ("a\tb\nc\rd", "a\\tb\\nc\\rd"),
            ("\u{0}", "\\u{0}"),
            ("\u{1}\u{8}\u{B}\u{C}\u{1F}", "\\u{1}\\u{8}\\u{B}\\u{C}\\u{1F}"),
            ("\u{7F}", "\\u{7F}"),
            ("\u{80}\u{85}\u{9B}\u{9F}", "\\u{80}\\u{85}\\u{9B}\\u{9F}"),
            ("ŷ\u{1B}é", "ŷ\\eé"),
        ]
        for (text, expected) in cases {
            #expect(TerminalSafe.escaped(text) == expected)
            #expect(TerminalSafe.escaped(Array(text.utf8)) == expected)
        }
    }

    @Test("every byte that is not part of valid UTF-8 reads as \\xNN")
    func invalidUTF8() {
        let cases: [([UInt8], String)] = [
            ([0x9B], "\\x9B"),
            ([0x9B, 0x32, 0x4A], "\\x9B2J"),
            ([0xFF, 0xFE], "\\xFF\\xFE"),
            ([0xC3, 0x28], "\\xC3("),  // a lead byte without its continuation
            ([0xE2, 0x82], "\\xE2\\x82"),  // a sequence cut short
            ([0xC0, 0xAF], "\\xC0\\xAF"),  // an overlong "/"
            ([0xE0, 0x80, 0xAF], "\\xE0\\x80\\xAF"),  // overlong in three bytes
            ([0xED, 0xA0, 0x80], "\\xED\\xA0\\x80"),  // a surrogate
            ([0xF4, 0x90, 0x80, 0x80], "\\xF4\\x90\\x80\\x80"),  // above U+10FFFF
            ([0xC2, 0x9B], "\\u{9B}"),  // U+009B itself, well formed: a C1 control
            ([0xC3, 0x9B], "Û"),  // 0x9B as a continuation byte is text
            ([0x78, 0x1B, 0x9B, 0x00, 0xE4, 0xB8, 0xAD], "x\\e\\x9B\\u{0}中"),
        ]
        for (bytes, expected) in cases {
            #expect(TerminalSafe.escaped(bytes) == expected, "\(bytes)")
        }
    }

    @Test("the result never holds a control or a byte that is not UTF-8, and escaping it again changes nothing")
    func randomBytes() {
        var random = SeededGenerator(seed: 13)
        for _ in 0..<2000 {
            let bytes = (0..<random.integer(0...12)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let once = TerminalSafe.escaped(bytes)
            #expect(Self.isTerminalSafe(once), "\(bytes) -> \(once)")
            #expect(TerminalSafe.escaped(once) == once)
            if let text = String(validating: bytes, as: UTF8.self) {
                #expect(TerminalSafe.escaped(text) == once)
            }
        }
    }

    // MARK: messages

    /// Hostile bytes a file may hold, with how a message shows them.
    static let hostile: [(bytes: [UInt8], shown: String)] = [
        (Array("\u{1B}[2J".utf8), "\\e[2J"),
        (Array("\u{1B}]0;title\u{07}".utf8), "\\e]0;title\\u{7}"),
        ([0x07], "\\u{7}"),
        ([0x00], "\\u{0}"),
        ([0x9B], "\\x9B"),
        ([0xC2, 0x9B], "\\u{9B}"),
        ([0x1B, 0x07, 0x00, 0x9B, 0xC2, 0x9B], "\\e\\u{7}\\u{0}\\x9B\\u{9B}"),
    ]

    /// No C0 control, DEL or C1 control: what may reach a terminal.
    static func isTerminalSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// `error`'s message is one terminal-safe line holding every fragment.
    static func expectSafe(
        _ error: ScenarioError?, mentioning fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let error else { return }
        let message = error.description
        #expect(isTerminalSafe(message), "control character in: \(Array(message.utf8))", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                message.contains(fragment), "\"\(fragment)\" missing from: \(message)", sourceLocation: sourceLocation)
        }
    }

    static func csvError(_ bytes: [UInt8], path: String = "d.csv") -> ScenarioError? {
        #expect(throws: ScenarioError.self) { try DataTable(csv: Data(bytes), path: path) }
    }

    static func jsonError(_ bytes: [UInt8]) -> ScenarioError? {
        #expect(throws: ScenarioError.self) { try Scenario(json: Data(bytes), path: "s.json") }
    }

    @Test("a CSV cell's controls and stray bytes are escaped from its bytes; the line and column stay named")
    func csvCell() {
        for (bytes, shown) in Self.hostile {
            let error = Self.csvError(Array("x1,x2,y\n0,1,1\n1,".utf8) + bytes + Array(",0\n".utf8))
            #expect(
                error == .csv(path: "d.csv", line: 3, problem: "column \"x2\" is \"\(shown)\", not a finite number"))
            Self.expectSafe(error, mentioning: ["\"d.csv\" line 3", "column \"x2\"", shown])
            // Quoted, with a comma and a doubled quote inside.
            let quoted = Self.csvError(Array("x1,x2,y\n0,1,1\n1,\"a,\"\"".utf8) + bytes + Array("\",0\n".utf8))
            Self.expectSafe(quoted, mentioning: ["line 3", "column \"x2\" is \"a,\"\(shown)\""])
        }
    }

    @Test("a CSV header's controls are escaped where a message names the column; a stray byte is quoted")
    func csvHeader() {
        for (bytes, shown) in Self.hostile {
            let error = Self.csvError(Array("x1,x".utf8) + bytes + Array(",y\n0,1,1\n1,a,0\n".utf8))
            if String(validating: bytes, as: UTF8.self) == nil {
                // Not UTF-8: the header is refused, quoting it.
                Self.expectSafe(error, mentioning: ["line 1", "header column 2 is not UTF-8 text", "\"x\(shown)\""])
            } else {
                Self.expectSafe(error, mentioning: ["line 3", "column \"x\(shown)\" is \"a\""])
            }
        }
    }

    @Test("a JSON key's controls never reach the message: escaped, or refused with the line and column")
    func jsonKey() {
        let base = #"{"x": [[1]], "y": [[1]], "w": [[1]], "#
        // Control characters a JSON string may not hold raw are refused where they are.
        for byte: UInt8 in [0x1B, 0x07, 0x00] {
            let error = Self.jsonError(Array(base.utf8) + [0x22, 0x6B, byte] + Array(#"": 1}"#.utf8))
            Self.expectSafe(error, mentioning: ["\"s.json\"", "line 1, column 40", "not closed"])
        }
        // A stray byte is refused, quoted.
        Self.expectSafe(
            Self.jsonError(Array(base.utf8) + [0x22, 0x6B, 0x9B] + Array(#"": 1}"#.utf8)),
            mentioning: ["line 1, column 38", "the string \"k\\x9B\" is not UTF-8 text"])
        // C1 and DEL are UTF-8 text: the key is unknown, and named escaped.
        let c1 = Self.jsonError(Array(base.utf8) + [0x22, 0x6B, 0xC2, 0x9B, 0x7F] + Array(#"": 1}"#.utf8))
        #expect(c1 == .inFile(path: "s.json", line: 1, column: 38, problem: .unknownKey("k\u{9B}\u{7F}")))
        Self.expectSafe(c1, mentioning: ["unknown key \"k\\u{9B}\\u{7F}\" in scenario"])
        // The same in a layer, and a \u escape, which is decoded (\u001b is ESC) and escaped again.
        let layer = #"{"x": [[1]], "y": [[1]], "layers": [{"w": [[1]], "k\u001b"#
        let inLayer = Self.jsonError(Array(layer.utf8) + [0xC2, 0x9B] + Array(#"": 1}]}"#.utf8))
        Self.expectSafe(inLayer, mentioning: ["unknown key \"k\\e\\u{9B}\" in layers[1]"])
        // A duplicate key, and a byte outside any string.
        Self.expectSafe(
            Self.jsonError(Array(#"{"x": [[1]], "\#u{9B}": 1, "\#u{9B}": 2}"#.utf8)),
            mentioning: ["line 1, column 22", "the key \"\\u{9B}\" appears twice"])
        Self.expectSafe(
            Self.jsonError(Array(base.utf8) + [0x7F, 0x7D]), mentioning: ["line 1, column 38", "found byte 0x7F"])
        Self.expectSafe(
            Self.jsonError(Array(base.utf8) + [0x22, 0x5C, 0x1B, 0x22, 0x3A, 0x31, 0x7D]),
            mentioning: ["unknown escape '\\\\e'"])
    }

    @Test("a JSON string value (a name, or text where a number belongs) is quoted escaped, with its field")
    func jsonStringValue() {
        let base = #"{"x": [[1]], "y": [[1]], "w": [[1]], "activation": ""#
        for byte: UInt8 in [0x1B, 0x07, 0x00] {
            Self.expectSafe(
                Self.jsonError(Array(base.utf8) + [byte] + Array("tanh\"}".utf8)),
                mentioning: ["line 1, column 53", "not closed"])
        }
        Self.expectSafe(
            Self.jsonError(Array(base.utf8) + [0x9B] + Array("tanh\"}".utf8)),
            mentioning: ["line 1, column 52", "the string \"\\x9Btanh\" is not UTF-8 text"])
        let c1 = Self.jsonError(Array(base.utf8) + [0xC2, 0x9B, 0x7F] + Array("tanh\"}".utf8))
        #expect(
            c1
                == .inFile(
                    path: "s.json", line: 1, column: 52,
                    problem: .unknownName(
                        field: "activation", value: "\\u{9B}\\u{7F}tanh",
                        allowed: ["sigmoid", "tanh", "relu", "linear", "softmax"])))
        Self.expectSafe(c1, mentioning: ["unknown activation \"\\u{9B}\\u{7F}tanh\""])
        let layer = #"{"x": [[1]], "y": [[1]], "layers": [{"w": [[1]], "activation": "\u001b"#
        Self.expectSafe(
            Self.jsonError(Array(layer.utf8) + [0xC2, 0x9B] + Array("\"}]}".utf8)),
            mentioning: ["unknown activation \"\\e\\u{9B}\""])
        for (field, json) in [
            ("\"x\"[1][2]", #"{"x": [[1, "\#u{9B}\#u{7F}"]], "y": [[1]], "w": [[1], [1]]}"#),
            ("\"learningRate\"", #"{"x": [[1]], "y": [[1]], "w": [[1]], "learningRate": "\#u{9B}"}"#),
            ("\"b\"", #"{"x": [[1]], "y": [[1]], "w": [[1]], "b": ["\#u{9B}"]}"#),
        ] {
            let error = Self.jsonError(Array(json.utf8))
            Self.expectSafe(error, mentioning: ["\"\\u{9B}"])
            if field != "\"learningRate\"" { Self.expectSafe(error, mentioning: [field]) }
        }
        // A number too large for a double under a key that is not the format's: the key is
        // refused first, as the file is read in one pass, and named escaped.
        Self.expectSafe(
            Self.jsonError(Array(#"{"x": [[1]], "y": [[1]], "w": [[1]], "\#u{9B}": 1e999}"#.utf8)),
            mentioning: ["line 1, column 38", "unknown key \"\\u{9B}\" in scenario"])
    }

    /// A fresh folder per test, removed afterwards.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("TerminalSafeTests-\(UUID())")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    @Test("a file name's controls are escaped, for a file that exists and one that does not")
    func fileNames() throws {
        let folder = try Folder()
        let name = "d\u{1B}[2J\u{07}\u{9B}\u{7F}"
        let shown = "d\\e[2J\\u{7}\\u{9B}\\u{7F}"
        let csv = folder.url.appendingPathComponent(name + ".csv").path
        try Data("x,y\n1,\u{1B}\n".utf8).write(to: URL(fileURLWithPath: csv))
        Self.expectSafe(
            #expect(throws: ScenarioError.self) { try DataTable.load(path: csv) },
            mentioning: [shown + ".csv\" line 2", "column \"y\" is \"\\e\""])
        let json = folder.url.appendingPathComponent(name + ".json").path
        try Data("{\"x\": [[1]],".utf8).write(to: URL(fileURLWithPath: json))
        Self.expectSafe(
            #expect(throws: ScenarioError.self) { try Scenario.load(path: json) },
            mentioning: [shown + ".json\" is not valid JSON", "line 1"])
        try Data().write(to: URL(fileURLWithPath: json))
        Self.expectSafe(
            #expect(throws: ScenarioError.self) { try Scenario.load(path: json) },
            mentioning: [shown + ".json\" is empty"])
        for load in [{ try DataTable.load(path: $0) } as (String) throws -> Any, { try Scenario.load(path: $0) }] {
            let missing = folder.url.appendingPathComponent("no" + name).path
            let error = #expect(throws: ScenarioError.self) { try load(missing) }
            #expect(error == .fileMissing(path: missing))
            Self.expectSafe(error, mentioning: ["no\(shown)\" does not exist"])
            let directory = folder.url.appendingPathComponent(name).path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            Self.expectSafe(
                #expect(throws: ScenarioError.self) { try load(directory) }, mentioning: [shown + "\" is a folder"])
        }
    }

    @Test("the text trace's header names the scenario escaped")
    func traceHeader() {
        let header = TraceWriter(format: .text).header(
            for: Trainer(scenario: Preset.seed.scenario), name: "d\u{1B}[2J\u{9B}.csv")
        #expect(header.count == 1)
        #expect(header[0].hasPrefix("# d\\e[2J\\u{9B}.csv: 2 samples"))
    }
}
