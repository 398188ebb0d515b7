import Foundation
import Testing

/// Terminal-safe messages through the real binary: whatever a file, a file name or a flag holds (ESC, BEL,
/// NUL, a raw byte 0x9B, U+009B), no control character reaches stdout or stderr; the message
/// still says where the problem is.
@Suite("terminal-safe output")
struct TerminalSafeOutputTests {
    /// ESC [ 2 J, BEL, NUL, a raw 0x9B (not UTF-8) and U+009B (CSI) as UTF-8.
    static let everything: [UInt8] = [0x1B, 0x5B, 0x32, 0x4A, 0x07, 0x00, 0x9B, 0xC2, 0x9B]
    /// The same without the byte that is not UTF-8.
    static let valid: [UInt8] = [0x1B, 0x5B, 0x32, 0x4A, 0x07, 0x00, 0xC2, 0x9B]

    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var option = "--data"
        var contents: [UInt8]
        var mentions: [String]
        /// Whether the message names the file (a syntax or CSV error does; a wrong key or value
        /// names the field).
        var namesFile = true
        var testDescription: String { label }
    }

    static let files: [Case] = [
        Case(
            label: "CSV cell", contents: Array("x1,x2,y\n0,1,1\n1,".utf8) + everything + Array(",0\n".utf8),
            mentions: ["line 3", "column \"x2\" is \"\\e[2J\\u{7}\\u{0}\\x9B\\u{9B}\""]),
        Case(
            label: "quoted CSV cell",
            contents: Array("x1,x2,y\n0,1,1\n1,\"a,".utf8) + everything + Array("\",0\n".utf8),
            mentions: ["line 3", "column \"x2\" is \"a,\\e[2J\\u{7}\\u{0}\\x9B\\u{9B}\""]),
        Case(
            label: "CSV header", contents: Array("x1,x".utf8) + valid + Array(",y\n0,1,1\n1,a,0\n".utf8),
            mentions: ["line 3", "column \"x\\e[2J\\u{7}\\u{0}\\u{9B}\" is \"a\""]),
        Case(
            label: "CSV header not UTF-8", contents: Array("x1,x".utf8) + everything + Array(",y\n0,1,1\n".utf8),
            mentions: ["line 1", "header column 2 is not UTF-8 text (\"x\\e[2J\\u{7}\\u{0}\\x9B\\u{9B}\")"]),
        Case(
            label: "JSON key, C1 and DEL", option: "--scenario",
            contents: Array(#"{"x": [[1]], "y": [[1]], "w": [[1]], "k"#.utf8) + [0xC2, 0x9B, 0x7F]
                + Array(#"": 1}"#.utf8),
            mentions: ["unknown key \"k\\u{9B}\\u{7F}\""], namesFile: false),
        Case(
            label: "JSON key, ESC BEL NUL", option: "--scenario",
            contents: Array(#"{"x": [[1]], "y": [[1]], "w": [[1]], "k"#.utf8) + everything + Array(#"": 1}"#.utf8),
            mentions: ["line 1, column 40", "not closed"]),
        Case(
            label: "JSON key, raw 0x9B", option: "--scenario",
            contents: Array(#"{"x": [[1]], "y": [[1]], "w": [[1]], "k"#.utf8) + [0x9B, 0xC2, 0x9B]
                + Array(#"": 1}"#.utf8),
            mentions: ["line 1, column 38", "the string \"k\\x9B\\u{9B}\" is not UTF-8 text"]),
        Case(
            label: "JSON layer key", option: "--scenario",
            contents: Array(#"{"x": [[1]], "y": [[1]], "layers": [{"w": [[1]], "\u001b"#.utf8) + [0xC2, 0x9B]
                + Array(#"": 1}]}"#.utf8),
            mentions: ["unknown key \"\\e\\u{9B}\" in layers[1]"], namesFile: false),
        Case(
            label: "JSON activation", option: "--scenario",
            contents: Array(#"{"x": [[1]], "y": [[1]], "w": [[1]], "activation": ""#.utf8) + [0xC2, 0x9B, 0x7F]
                + Array(#"tanh"}"#.utf8),
            mentions: ["unknown activation \"\\u{9B}\\u{7F}tanh\""], namesFile: false),
        Case(
            label: "JSON activation, ESC", option: "--scenario",
            contents: Array(#"{"x": [[1]], "y": [[1]], "w": [[1]], "activation": ""#.utf8) + everything
                + Array(#"tanh"}"#.utf8),
            mentions: ["line 1, column 53", "not closed"]),
        Case(
            label: "JSON text for a number", option: "--scenario",
            contents: Array(#"{"x": [[1, ""#.utf8) + [0xC2, 0x9B, 0x7F]
                + Array(#""]], "y": [[1]], "w": [[1], [1]]}"#.utf8),
            mentions: ["\"x\"[1][2] is \"\\u{9B}\\u{7F}\""], namesFile: false),
    ]

    /// A fresh folder per test, removed afterwards (tests run in parallel).
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("TerminalSafeOutput-\(UUID())")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func file(_ name: String, _ contents: [UInt8]) -> String {
            let path = url.appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(contents)))
            return path
        }
    }

    /// No byte below 0x20 but line ends (`anyNewline`) or the one final newline, no DEL, no
    /// 0x9B, and valid UTF-8 without a C1 control.
    static func expectTerminalSafe(
        _ bytes: Data, anyNewline: Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let shown = String(decoding: bytes, as: UTF8.self).debugDescription
        for (offset, byte) in bytes.enumerated() {
            let newlineAllowed = byte == 0x0A && (anyNewline || offset == bytes.count - 1)
            #expect(
                byte >= 0x20 && byte != 0x7F && byte != 0x9B || newlineAllowed,
                "byte 0x\(String(byte, radix: 16)) at \(offset) of \(shown)", sourceLocation: sourceLocation)
        }
        let text = String(validating: bytes, as: UTF8.self)
        #expect(text != nil, "not UTF-8: \(shown)", sourceLocation: sourceLocation)
        #expect(
            text?.unicodeScalars.contains { (0x80...0x9F).contains($0.value) } != true, "C1 control in \(shown)",
            sourceLocation: sourceLocation)
    }

    /// A failed run: status, empty stdout, one safe line on stderr holding every fragment.
    static func expectOneSafeLine(
        _ result: ExecutableUnderTest.Result, status: Int32, mentioning fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == status, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdoutBytes.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        expectTerminalSafe(result.stderrBytes, anyNewline: false, sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                result.stderr.contains(fragment), "\(result.stderr.debugDescription) should mention \(fragment)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("a file's controls and stray bytes are escaped in the one line on stderr", arguments: files)
    func fileContents(_ testCase: Case) throws {
        let folder = try Folder()
        let path = folder.file("input", testCase.contents)
        let result = try ExecutableUnderTest.run(["--headless", "--steps", "5", testCase.option, path])
        Self.expectOneSafeLine(
            result, status: 65, mentioning: (testCase.namesFile ? ["\"\(path)\""] : []) + testCase.mentions)
    }

    @Test("a file name's controls are escaped: in messages, in the trace header and in a snapshot")
    func fileNames() throws {
        let folder = try Folder()
        let name = "d\u{1B}[2J\u{1B}]0;t\u{07}\u{9B}\u{7F}\n.csv"
        let shown = "d\\e[2J\\e]0;t\\u{7}\\u{9B}\\u{7F}\\n.csv"
        let good = folder.file(name, Array("x,y\n1,0\n".utf8))
        let trace = try ExecutableUnderTest.run(["--headless", "--steps", "5", "--data", good])
        #expect(trace.status == 0)
        #expect(trace.stderrBytes.isEmpty)
        #expect(trace.lines.first?.hasPrefix("# \(folder.url.path)/\(shown): 1 sample") == true, "\(trace.lines)")
        Self.expectTerminalSafe(trace.stdoutBytes, anyNewline: true)
        let snapshot = try ExecutableUnderTest.run(["--snapshot", "--size", "200x40", "--data", good])
        #expect(snapshot.status == 0)
        #expect(snapshot.stdout.contains(shown), "\(snapshot.lines.first ?? "")")
        Self.expectTerminalSafe(snapshot.stdoutBytes, anyNewline: true)

        let bad = folder.file("b" + name, Array("x,y\n1,".utf8) + Self.everything + [0x0A])
        Self.expectOneSafeLine(
            try ExecutableUnderTest.run(["--headless", "--data", bad]), status: 65,
            mentioning: ["b\(shown)\" line 2: column \"y\" is \"\\e[2J\\u{7}\\u{0}\\x9B\\u{9B}\""])
        for option in ["--data", "--scenario"] {
            Self.expectOneSafeLine(
                try ExecutableUnderTest.run(["--headless", option, folder.url.appendingPathComponent("no" + name).path]
                ),
                status: 65, mentioning: ["no\(shown)\" does not exist"])
        }
        let json = folder.file(name + ".json", Array("{\"x\": [[1]],".utf8))
        Self.expectOneSafeLine(
            try ExecutableUnderTest.run(["--headless", "--scenario", json]), status: 65,
            mentioning: ["\(shown).json\" is not valid JSON: line 1"])
    }

    @Test(
        "a flag's value is escaped, in our messages and in swift-argument-parser's",
        arguments: [
            (["--preset", "\u{1B}[2J"], "'\\e[2J'"),
            (["--lr", "\u{1B}]0;t\u{07}"], "--lr '\\e]0;t\\u{7}' is not a number"),
            (["--activation", "\u{9B}tanh"], "'\\u{9B}tanh'"),
            (["--format", "x\u{7F}"], "'x\\u{7F}'"),
            (["--snapshot", "--size", "\u{1B}c"], "got \"\\ec\""),
            (["--hidden", "\u{7}", "--data", "x.csv"], "--hidden '\\u{7}' is not a list"),
            (["--steps", "\u{1B}[6n"], "--steps '\\e[6n' is not a whole number"),
            (["--seed", "\u{1B}[6n", "--data", "x.csv"], "--seed '\\e[6n' is not a whole number"),
            (["--until-cost", "\u{9B}1"], "--until-cost '\\u{9B}1' is not a number"),
            (["--bogus\u{1B}[2J"], "--bogus\\e[2J"),
        ])
    func flagValues(_ arguments: [String], _ fragment: String) throws {
        let mode = arguments.contains("--snapshot") ? [] : ["--headless"]
        let result = try ExecutableUnderTest.run(mode + arguments)
        Self.expectOneSafeLine(result, status: 64, mentioning: [fragment])
    }

    /// Found by scripts/fuzz-inputs.py: numbers whose cost overflows at once printed step 0
    /// twice and blamed the learning rate.
    @Test("a cost already infinite at step 0 prints step 0 once and exits 3")
    func infiniteAtStepZero() throws {
        let folder = try Folder()
        let path = folder.file(
            "big.json", Array(#"{"x": [[1e200]], "y": [[1]], "w": [[1e200]], "activation": "linear"}"#.utf8))
        let result = try ExecutableUnderTest.run(["--headless", "--steps", "5", "--scenario", path])
        #expect(result.status == 3)
        // y = 1 is a yes-or-no class, and ŷ = inf is on its side of 0.5.
        #expect(result.lines.filter { $0.hasPrefix("step ") } == ["step 0  cost inf  accuracy 1/1  ŷ [[inf]]"])
        #expect(
            result.errorLines == [
                "backprop-tui: the cost is already inf at step 0: the numbers are too large to train on; make x or w smaller"
            ])
    }

    @Test("an argument that is not UTF-8 is refused, quoted from its bytes")
    func argumentNotUTF8() throws {
        // Process passes Strings, so a shell's printf makes the bytes.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", #"exec "$0" --headless --data "$(printf 'a\233\033[2J.csv')""#, ExecutableUnderTest.path,
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = ExecutableUnderTest.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData, stderrBytes: errData)
        Self.expectOneSafeLine(
            result, status: 64, mentioning: ["argument 3, \"a\\x9B\\e[2J.csv\", is not UTF-8 text"])
    }
}
