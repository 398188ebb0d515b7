import Foundation
import Testing

/// Malformed flags and scenario files: one line on stderr that names the problem, a non-zero
/// exit, and nothing on stdout.
@Suite("command-line errors")
struct CommandLineErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var file: String?
        var mentions: [String]
        /// 64 for a wrong flag, 65 for a wrong file (the README's exit statuses); nil for the
        /// usual one: 65 with a file, 64 without.
        var status: Int32? = nil
        var testDescription: String { (arguments + [file ?? ""]).joined(separator: " ") }
    }

    static let cases: [Case] = [
        // What is not a number is called that, not "not > 0"; the rule follows.
        Case(arguments: ["--lr", "nan"], mentions: ["--lr nan is not a number;", "greater than 0"]),
        Case(arguments: ["--lr", "0.1e"], mentions: ["--lr 0.1e is not a number;", "greater than 0, like 0.1"]),
        Case(arguments: ["--lr", "0x10"], mentions: ["--lr 0x10 is not a number;"]),
        Case(arguments: ["--until-cost", "0.1e"], mentions: ["--until-cost 0.1e is not a number;"]),
        Case(arguments: ["--until-cost", "0x10"], mentions: ["--until-cost 0x10 is not a number;"]),
        Case(arguments: ["--until-cost", "inf"], mentions: ["--until-cost inf is not a number;"]),
        // A number past a double's range would be infinity: refused like inf, for every flag.
        Case(
            arguments: ["--until-cost", "1e999"], mentions: ["--until-cost 1e999 is too large: it would be infinity;"]),
        Case(arguments: ["--until-cost", "-1e999"], mentions: ["--until-cost -1e999 is too large"]),
        Case(arguments: ["--lr", "1e999"], mentions: ["--lr 1e999 is too large: it would be infinity;"]),
        Case(
            arguments: ["--optimizer", "adam", "--epsilon", "1e400"],
            mentions: ["--epsilon 1e400 is too large: it would be infinity;"]),
        // An empty value shows as '', not as nothing between two spaces.
        Case(arguments: ["--hidden", "", "--data", "x.csv"], mentions: ["--hidden '' is not a list of sizes"]),
        Case(arguments: ["--lr", ""], mentions: ["--lr '' is not a number"]),
        Case(arguments: ["--steps", ""], mentions: ["--steps '' is not a whole number"]),
        // Whole-number flags read like the rest, never "The value ... is invalid for".
        Case(
            arguments: ["--seed", "-1", "--data", "x.csv"],
            mentions: ["--seed -1 is less than 0; it must be 0 or more"]),
        Case(arguments: ["--seed", "abc", "--data", "x.csv"], mentions: ["--seed abc is not a whole number;"]),
        Case(arguments: ["--seed", "1.5", "--data", "x.csv"], mentions: ["--seed 1.5 is not a whole number;"]),
        Case(
            arguments: ["--seed", "99999999999999999999", "--data", "x.csv"],
            mentions: ["--seed 99999999999999999999 is more than 18446744073709551615"]),
        Case(arguments: ["--steps", "abc"], mentions: ["--steps abc is not a whole number; it must be 0 or more"]),
        Case(arguments: ["--every", "x"], mentions: ["--every x is not a whole number; it must be 1 or more"]),
        Case(arguments: ["--hidden", "x", "--data", "x.csv"], mentions: ["--hidden x is not a list of sizes"]),
        Case(arguments: ["--lr", "0"], mentions: ["--lr 0 ", "greater than 0"]),
        Case(arguments: ["--lr", "-1"], mentions: ["--lr -1 "]),
        Case(arguments: ["--lr", "inf"], mentions: ["--lr inf "]),
        Case(arguments: ["--lr", "1e999"], mentions: ["--lr 1e999 "]),
        Case(arguments: ["--lr", "fast"], mentions: ["--lr fast "]),
        Case(arguments: ["--steps", "-1"], mentions: ["--steps", "-1"]),
        Case(arguments: ["--every", "0"], mentions: ["--every"]),
        Case(arguments: ["--format", "xml"], mentions: ["format", "xml", "csv"]),
        Case(arguments: ["--activation", "softplus"], mentions: ["activation", "softplus", "softmax"]),
        Case(arguments: ["--loss", "hinge"], mentions: ["loss", "hinge", "sse", "bce", "ce"]),
        Case(arguments: ["--reduction", "max"], mentions: ["reduction", "max", "seed"]),
        Case(arguments: ["--preset", "nand"], mentions: ["preset", "nand", "xor"]),
        Case(arguments: ["--preset", "and", "--scenario", "x.json"], mentions: ["--preset", "--scenario"]),
        Case(arguments: ["--bogus"], mentions: ["--bogus"]),
        Case(arguments: ["--preset", "and", "--data", "x.csv"], mentions: ["--preset", "--data"]),
        Case(arguments: ["--seed", "3"], mentions: ["--seed", "--data"]),
        Case(arguments: ["--data", "/no/such.csv"], mentions: ["/no/such.csv", "does not exist"], status: 65),
        Case(arguments: ["--data", "/tmp"], mentions: ["/tmp", "folder"], status: 65),
        Case(arguments: ["--until-cost", "nan"], mentions: ["--until-cost"]),
        Case(
            arguments: ["--scenario", "/no/such/file.json"], mentions: ["/no/such/file.json", "does not exist"],
            status: 65),
        Case(arguments: ["--scenario", "/tmp"], mentions: ["/tmp", "folder"], status: 65),
        Case(arguments: [], file: "", mentions: ["empty"]),
        Case(arguments: [], file: "  \n", mentions: ["empty"]),
        Case(arguments: [], file: "{\"x\": [[1,2,3]],", mentions: ["not valid JSON"]),
        Case(arguments: [], file: "[1, 2]", mentions: ["JSON object"]),
        Case(arguments: [], file: #"{"x": [[1,2,3]], "y": [[1,0]]}"#, mentions: ["missing", "\"w\""]),
        Case(
            arguments: [], file: #"{"x": [[1,2,3]], "y": [[1,0]], "w": [[1,2],[3,4],[5,6]], "learning_rate": 1}"#,
            mentions: ["learning_rate", "learningRate"]),
        Case(
            arguments: [], file: #"{"x": [[1,2,3],[1,2]], "y": [[1,0],[0,1]], "w": [[1,2],[3,4],[5,6]]}"#,
            mentions: ["\"x\"", "row 2"]),
        Case(arguments: [], file: #"{"x": [], "y": [[1,0]], "w": [[1,2],[3,4],[5,6]]}"#, mentions: ["\"x\"", "empty"]),
        Case(
            arguments: [], file: #"{"x": [[1,2,3]], "y": [[1,0]], "w": [[1,2],[3,4]]}"#,
            mentions: ["\"w\"", "2x2", "3x2"]),
        Case(
            arguments: [], file: #"{"x": [[1,2,3]], "y": [[1,0]], "w": [[1],[3],[5]]}"#,
            mentions: ["\"w\"", "3x1", "3x2"]),
        Case(
            arguments: [], file: #"{"x": [[1,2,3]], "y": [[1,0],[0,1]], "w": [[1,2],[3,4],[5,6]]}"#,
            mentions: ["\"y\"", "1 sample (row) but", "2"]),
        Case(
            arguments: [], file: #"{"x": [[1,2,3]], "y": [[1,0]], "w": [[1,2],[3,4],[5,6]], "b": [0]}"#,
            mentions: ["\"b\"", "has 1 entry but \"y\" has 2 outputs"]),
        Case(
            arguments: [], file: #"{"x": [[1,"a",3]], "y": [[1,0]], "w": [[1,2],[3,4],[5,6]]}"#,
            mentions: ["\"x\"[1][2]", "\"a\"", "finite"]),
        Case(
            arguments: [], file: #"{"x": [[1,2,3]], "y": [[1,null]], "w": [[1,2],[3,4],[5,6]]}"#,
            mentions: ["\"y\"[1][2]", "null"]),
        Case(
            arguments: [], file: #"{"x": [[1,2,3]], "y": [[1,0]], "w": [[1,2],[3,4],[5,6]], "learningRate": "fast"}"#,
            mentions: ["learning rate", "fast"]),
        Case(
            arguments: [], file: #"{"x": [[1,2,3]], "y": [[1,0]], "w": [[1,2],[3,4],[5,6]], "activation": "step"}"#,
            mentions: ["activation", "step"]),
        // Networks: hidden layers from flags and files.
        Case(arguments: ["--hidden", "4"], mentions: ["--hidden", "--data"]),
        Case(arguments: ["--hidden", "0", "--data", "x.csv"], mentions: ["--hidden", "got 0"]),
        Case(arguments: ["--hidden", "4,,3", "--data", "x.csv"], mentions: ["--hidden", "4,,3"]),
        Case(arguments: ["--activation", "tanh,sigmoid"], mentions: ["2 activations", "a network of 1 layer;"]),
        Case(arguments: ["--preset", "xor-hidden", "--activation", "tanh,tanh,tanh"], mentions: ["3 activations"]),
        Case(arguments: ["--activation", "tanh,step"], mentions: ["--activation", "tanh,step", "sigmoid"]),
        Case(
            arguments: [], file: #"{"x": [[1,2]], "y": [[1]], "layers": []}"#, mentions: ["\"layers\" is empty"]),
        Case(
            arguments: [], file: #"{"x": [[1,2]], "y": [[1]], "w": [[1],[2]], "layers": [{"w": [[1],[2]]}]}"#,
            mentions: ["\"layers\"", "\"w\"", "not both"]),
        Case(
            arguments: [],
            file: #"{"x": [[1,2]], "y": [[1]], "layers": [{"w": [[1,2,3,4],[1,2,3,4]]}, {"w": [[1],[2],[3]]}]}"#,
            mentions: ["layers[2].w has 3 rows but layers[1] has 4 outputs"]),
        Case(
            arguments: [], file: #"{"x": [[1,2]], "y": [[1]], "layers": [{"w": [[1],[2]], "act": "tanh"}]}"#,
            mentions: ["\"act\"", "layers[1]"]),
        Case(arguments: [], file: #"{"x": [[1,2]], "y": [[1]], "layers": [{}]}"#, mentions: ["layers[1]", "\"w\""]),
        // The losses' pairings and targets, from flags (64) and from files (65).
        Case(arguments: ["--activation", "softmax"], mentions: ["softmax goes only with loss ce", "use loss ce"]),
        Case(arguments: ["--loss", "ce"], mentions: ["loss ce needs softmax in the last layer, not sigmoid"]),
        Case(arguments: ["--loss", "bce", "--activation", "tanh"], mentions: ["loss bce needs sigmoid"]),
        Case(
            arguments: ["--preset", "xor", "--activation", "softmax", "--loss", "ce"],
            mentions: ["loss ce needs at least 2 outputs", "loss bce"]),
        Case(
            arguments: ["--preset", "xor-hidden", "--activation", "softmax,sigmoid"],
            mentions: ["softmax is only for the last layer", "layer 1 of 2"]),
        Case(arguments: ["--preset", "rings", "--loss", "sse"], mentions: ["softmax goes only with loss ce"]),
        Case(arguments: ["--preset", "rings", "--activation", "tanh,sigmoid"], mentions: ["loss ce needs softmax"]),
        Case(
            arguments: [], file: #"{"x": [[1,2]], "y": [[1,0]], "w": [[1,2],[3,4]], "loss": "ce"}"#,
            mentions: ["loss ce needs softmax in the last layer"]),
        Case(
            arguments: [], file: #"{"x": [[1,2]], "y": [[1,0]], "w": [[1,2],[3,4]], "activation": "softmax"}"#,
            mentions: ["softmax goes only with loss ce"]),
        Case(
            arguments: [],
            file: #"{"x": [[1,2]], "y": [[0.5,0.25]], "w": [[1,2],[3,4]], "activation": "softmax", "loss": "ce"}"#,
            mentions: ["loss ce needs each row of y to sum to 1", "row 1 sums to 0.75"]),
        Case(
            arguments: [], file: #"{"x": [[1,2]], "y": [[2]], "w": [[1],[3]], "loss": "bce"}"#,
            mentions: ["loss bce needs every target in [0, 1]", "\"y\"[1][1] is 2.0"]),
        Case(
            arguments: [],
            file:
                #"{"x": [[1,2]], "y": [[1,0]], "loss": "ce", "layers": [{"w": [[1,2],[3,4]], "activation": "softmax"}, {"w": [[1,2],[3,4]], "activation": "softmax"}]}"#,
            mentions: ["softmax is only for the last layer"]),
        // A valid file made wrong by a flag is the flag's fault.
        Case(
            arguments: ["--activation", "sigmoid"],
            file: #"{"x": [[1,2]], "y": [[1,0]], "w": [[1,2],[3,4]], "activation": "softmax", "loss": "ce"}"#,
            mentions: ["loss ce needs softmax in the last layer, not sigmoid"], status: 64),
        Case(
            arguments: ["--loss", "bce"], file: #"{"x": [[1,2]], "y": [[3]], "w": [[1],[3]]}"#,
            mentions: ["loss bce needs every target in [0, 1]"], status: 64),
    ]

    @Test("one line, non-zero exit, empty stdout", arguments: cases)
    func malformed(_ testCase: Case) throws {
        var arguments = ["--headless"] + testCase.arguments
        var file: URL?
        if let contents = testCase.file {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).json")
            try contents.write(to: url, atomically: true, encoding: .utf8)
            file = url
            arguments += ["--scenario", url.path]
        }
        defer { if let file { try? FileManager.default.removeItem(at: file) } }
        let result = try ExecutableUnderTest.run(arguments)
        #expect(result.status == testCase.status ?? (testCase.file == nil ? 64 : 65))
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)")
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)")
        for word in testCase.mentions {
            #expect(result.stderr.contains(word), "\(result.stderr) should mention \(word)")
        }
        #expect(result.stderr.hasPrefix("backprop-tui: "), "\(result.stderr)")
        // Numbers are read by the program, so a wrong one never gets ArgumentParser's words.
        let numberFlags: Set = ["--lr", "--until-cost", "--seed", "--steps", "--every", "--hidden"]
        if testCase.arguments.contains(where: numberFlags.contains) {
            #expect(!result.stderr.contains("The value '"), "ArgumentParser's words: \(result.stderr)")
        }
    }

    static let long = String(repeating: "1", count: 10_000)
    static let longName = String(repeating: "a", count: 10_000)

    /// Every place a message quotes what was typed, with a 10,000-character value, and the
    /// exit status: 65 when the value names a file.
    static let longValues: [([String], Int32)] = [
        (["--headless", "--lr", long], 64), (["--headless", "--lr", long + "x"], 64),
        (["--headless", "--until-cost", long], 64), (["--headless", "--steps", long], 64),
        (["--headless", "--every", long + "x"], 64), (["--headless", "--seed", long, "--data", "x.csv"], 64),
        (["--headless", "--hidden", long + "x", "--data", "x.csv"], 64), (["--headless", "--preset", longName], 64),
        (["--headless", "--compare", "sgd," + longName], 64),
        (["--headless", "--optimizer", "adam", "--beta1", long], 64),
        (["--headless", "--format", longName], 64), (["--headless", "--format=" + longName], 64),
        (["--headless", "--" + longName], 64), (["--headless", "--activation", longName], 64),
        (["--headless", "--loss", longName], 64), (["--headless", "--optimizer", longName], 64),
        (["--snapshot", "--size", long], 64), (["--snapshot", "--keys", "<\(longName)>"], 64),
        (["--headless", "--data", longName], 65), (["--headless", "--scenario", "/tmp/" + longName + "/x.json"], 65),
    ]

    @Test("a 10,000-character value is cut in the one line that quotes it", arguments: longValues)
    func longValue(_ arguments: [String], status: Int32) throws {
        let result = try ExecutableUnderTest.run(arguments)
        #expect(result.status == status, "stderr: \(result.stderr)")
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("backprop-tui: "))
        #expect(result.stderr.contains("…"), "\(result.stderr)")
        // The rest of the line (what is wrong, how to fix it) is what matters; the value is
        // 111 characters of it at most.
        #expect(result.stderr.count < 450, "\(result.stderr.count) characters: \(result.stderr.prefix(200))")
    }

    @Test("a CSV file's errors name its line and column, whatever found them")
    func csvLineAndColumn() throws {
        let folder = try TerminalSafeOutputTests.Folder()
        let repeated = folder.file("repeated.csv", Array("x1,x1,y\n0,1,1\n".utf8))
        TerminalSafeOutputTests.expectOneSafeLine(
            try ExecutableUnderTest.run(["--headless", "--data", repeated]), status: 65,
            mentioning: ["data file \"\(repeated)\" line 1: header column 2 is named \"x1\" like column 1"])
        let targets = folder.file("targets.csv", Array("x1,x2,y\n0,0,0\n\n0,1,2\n".utf8))
        // The loss is the flag's: 64, as any pairing the flags make wrong.
        TerminalSafeOutputTests.expectOneSafeLine(
            try ExecutableUnderTest.run(["--headless", "--data", targets, "--loss", "bce"]), status: 64,
            mentioning: [
                "data file \"\(targets)\" line 4: column \"y\" is 2.0, but loss bce needs every target in [0, 1]"
            ])
        let sums = folder.file("sums.csv", Array("x,y1,y2\n0,1,0\n0,0.5,0\n".utf8))
        TerminalSafeOutputTests.expectOneSafeLine(
            try ExecutableUnderTest.run(["--headless", "--data", sums, "--loss", "ce", "--activation", "softmax"]),
            status: 64, mentioning: ["data file \"\(sums)\" line 3: the 2 target columns sum to 0.5"])
    }

    @Test("--help describes the options and exits 0")
    func help() throws {
        let result = try ExecutableUnderTest.run(["--help"])
        #expect(result.status == 0)
        for option in [
            "--preset", "--scenario", "--lr", "--activation", "--loss", "--reduction", "--headless", "--steps",
            "--every", "--format", "--snapshot", "--size", "--keys",
        ] {
            #expect(result.stdout.contains(option), "--help should list \(option)")
        }
    }
}
