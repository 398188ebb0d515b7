import BackpropCore
import Foundation
import Testing

/// The flags for mini-batches, epochs, a test split, noise, penalties, features and hidden
/// layers on generated presets, run through the built binary.
@Suite("training flags on the command line")
struct TrainingFlagsCommandLineTests {
    /// The step numbers of a headless text trace.
    static func steps(_ arguments: [String]) throws -> [Int] {
        let result = try ExecutableUnderTest.run(["--headless"] + arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return result.lines.compactMap { line in
            guard line.hasPrefix("step ") else { return nil }
            return Int(line.dropFirst(5).prefix { $0.isNumber })
        }
    }

    @Test("--epochs N runs N times ceil(training samples / batch) steps")
    func epochs() throws {
        // circle: 50 samples; a fifth held out leaves 40, in batches of 8 five steps an epoch;
        // of 7, six steps (the last batch 5).
        #expect(
            try Self.steps(["--preset", "circle", "--test-ratio", "0.2", "--batch", "8", "--epochs", "2"]).last == 10)
        #expect(
            try Self.steps(["--preset", "circle", "--test-ratio", "0.2", "--batch", "7", "--epochs", "3"]).last == 18)
        // No batch: an epoch is one step.
        #expect(try Self.steps(["--preset", "circle", "--epochs", "4"]).last == 4)
    }

    @Test("--batch and --no-shuffle change the steps; --batch of every sample changes nothing")
    func batchAndOrder() throws {
        let full = try ExecutableUnderTest.csvRows(["--preset", "circle", "--steps", "6"]).rows
        let all = try ExecutableUnderTest.csvRows(["--preset", "circle", "--steps", "6", "--batch", "50"]).rows
        let batched = try ExecutableUnderTest.csvRows(["--preset", "circle", "--steps", "6", "--batch", "10"]).rows
        let ordered = try ExecutableUnderTest.csvRows([
            "--preset", "circle", "--steps", "6", "--batch", "10", "--no-shuffle",
        ]).rows
        #expect(full == all)
        #expect(full.last != batched.last)
        #expect(batched.last != ordered.last)
        // The same start: cost and circle's 17 parameters (a batched trace adds epoch and batch).
        #expect(full.first?[1] == batched.first?[1])
        #expect(full.first?.suffix(17) == batched.first?.suffix(17), "the same start")
    }

    @Test("--seed draws the held-out samples: another seed, another test cost")
    func testRatioFollowsTheSeed() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("ratio-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        let rows = (0..<20).map { "\($0),\($0 % 3),\($0 % 2)" }.joined(separator: "\n")
        try "a,b,y\n\(rows)\n".write(to: csv, atomically: true, encoding: .utf8)
        let one = try ExecutableUnderTest.csvRows(["--data", csv.path, "--test-ratio", "0.5", "--steps", "0"])
        let same = try ExecutableUnderTest.csvRows([
            "--data", csv.path, "--test-ratio", "0.5", "--seed", "1", "--steps", "0",
        ])
        let whole = try ExecutableUnderTest.csvRows(["--data", csv.path, "--steps", "0"])
        #expect(one.rows == same.rows)
        #expect(one.rows.first?[1] != whole.rows.first?[1], "the training cost is over the other half")
    }

    /// The lesson features enable: a circle around (0, 0) is a straight line in (x1², x2²), so a
    /// network with no hidden layer gets every sample of circle right; without the features no
    /// line can enclose the inside, and some stay wrong.
    @Test("circle with x1^2,x2^2 and no hidden layer gets every training sample right")
    func circleFeaturesSeparate() throws {
        let targets = Preset.circle.scenario.targets.rowArrays.map { $0[0] }
        func rightCount(_ extra: [String]) throws -> Int {
            let result = try ExecutableUnderTest.run(
                ["--headless", "--preset", "circle", "--hidden", "none", "--steps", "3000", "--every", "3000"] + extra)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.lines.first?.contains("2 inputs -> 1 output") == true, "\(result.lines.first ?? "")")
            let last = try #require(result.lines.last { $0.hasPrefix("step 3000 ") })
            let predictions = try #require(last.split(separator: "ŷ").last)
            let values = predictions.split { "[] ".contains($0) }.compactMap { Double($0) }
            try #require(values.count == targets.count)
            return zip(values, targets).count { ($0 >= 0.5) == ($1 >= 0.5) }
        }
        #expect(try rightCount(["--features", "x1^2,x2^2"]) == targets.count)
        #expect(try rightCount([]) < targets.count)
    }

    @Test("--hidden on a generated preset replaces its hidden layers")
    func hiddenOnPreset() throws {
        let result = try ExecutableUnderTest.run(["--headless", "--preset", "spiral", "--hidden", "5", "--steps", "0"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.lines.first?.contains("network 2-5-1") == true, "\(result.lines.first ?? "")")
    }

    /// The batch, the penalty, the test split and the features have parts of their own, taken
    /// from the trainer (keys change the batch and the penalty); the other flags are named as typed.
    @Test("the title names the new flags")
    func title() throws {
        let result = try ExecutableUnderTest.run([
            "--snapshot", "--size", "200x40", "--preset", "circle", "--features", "x1^2,x2^2", "--hidden", "none",
            "--no-shuffle", "--l2", "0.01", "--noise", "0.1", "--batch", "8", "--test-ratio", "0.2",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let title = result.lines.first ?? ""
        for part in [
            " · x1^2,x2^2 · ", " · batch 8 · L2 0.01 · test 10 · ", "--hidden none", "--no-shuffle", "--noise 0.1",
        ] {
            #expect(title.contains(part), "\(title)")
        }
        #expect(!title.contains("--l2") && !title.contains("--features"), "named once: \(title)")
    }

    @Test("a scenario file's settings are overridden by the flags")
    func flagsOverrideTheFile() throws {
        var scenario = Preset.circle.scenario
        try scenario.setBatchSize(5)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try scenario.jsonText().write(to: file, atomically: true, encoding: .utf8)
        #expect(try Self.steps(["--scenario", file.path, "--epochs", "1"]).last == 10)
        #expect(try Self.steps(["--scenario", file.path, "--batch", "25", "--epochs", "1"]).last == 2)
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var mentions: String
        var csv: String? = nil
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refusals: [Refusal] = [
        Refusal(arguments: ["--steps", "5", "--epochs", "1"], mentions: "give either --steps or --epochs, not both"),
        Refusal(arguments: ["--epochs", "2"], mentions: "--epochs needs --headless, --snapshot or --emit python"),
        Refusal(arguments: ["--headless", "--epochs", "x"], mentions: "--epochs x is not a whole number"),
        Refusal(arguments: ["--headless", "--batch", "0"], mentions: "--batch 0 is less than 1"),
        Refusal(
            arguments: ["--headless", "--l1", "0.1", "--l2", "0.1"], mentions: "give either --l1 or --l2, not both"),
        Refusal(arguments: ["--headless", "--l2", "-1"], mentions: "--l2 -1 is not valid; λ must be a finite number"),
        Refusal(arguments: ["--headless", "--l1", "nan"], mentions: "--l1 nan is not a number"),
        Refusal(arguments: ["--headless", "--l2", "1e999"], mentions: "--l2 1e999 is too large"),
        Refusal(
            arguments: ["--headless", "--test-ratio", "1"],
            mentions: "--test-ratio 1 is not valid; it must be at least 0 and below 1"),
        Refusal(arguments: ["--headless", "--test-ratio", "-0.1"], mentions: "--test-ratio -0.1 is not valid"),
        Refusal(
            arguments: ["--headless", "--preset", "xor", "--noise", "0.1"],
            mentions: "--noise works only with a preset drawn from a seed"),
        Refusal(arguments: ["--headless", "--preset", "circle", "--noise", "-1"], mentions: "--noise -1 is not valid"),
        Refusal(arguments: ["--headless", "--preset", "circle", "--noise", "2"], mentions: "from 0 to 1"),
        Refusal(
            arguments: ["--headless", "--preset", "xor", "--features", "x1"],
            mentions: "--features works with --data or a preset drawn from a seed"),
        Refusal(
            arguments: ["--headless", "--preset", "seed", "--hidden", "3"],
            mentions: "--hidden works with --data or a preset drawn from a seed"),
        Refusal(
            arguments: ["--headless", "--preset", "circle", "--features", "x1,x3"],
            mentions: #"--features x1,x3: "x3" is not a feature"#),
        Refusal(arguments: ["--headless", "--preset", "circle", "--features", "x1,x1"], mentions: "x1 is named twice"),
        Refusal(
            arguments: ["--headless", "--preset", "circle", "--features", ""],
            mentions: "backprop-tui: --features needs at least one feature, like x1^2,x2^2"),
        Refusal(
            arguments: ["--headless", "--preset", "circle", "--features", "x1,,x2"],
            mentions: "--features x1,,x2: a name is missing between commas"),
        Refusal(
            arguments: ["--headless", "--noise", "0.1"], mentions: "--noise works only with a preset drawn from a seed",
            csv: "a,b,y\n1,2,0\n"),
        Refusal(
            arguments: ["--headless", "--features", "x1^2"],
            mentions: "features are computed from two inputs x1 and x2, but the data has 3 input columns",
            csv: "a,b,c,y\n1,2,3,0\n"),
        Refusal(
            arguments: ["--headless", "--test-ratio", "0.5"],
            mentions: #"--test-ratio draws the test samples, but the column "split" of"#,
            csv: "a,split,y\n1,train,0\n2,test,1\n"),
    ]

    @Test("refused in one line, exit 64, nothing on stdout", arguments: refusals)
    func refused(_ refusal: Refusal) throws {
        var arguments = refusal.arguments
        var file: URL?
        if let csv = refusal.csv {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("flags-\(UUID()).csv")
            try csv.write(to: url, atomically: true, encoding: .utf8)
            file = url
            arguments += ["--data", url.path]
        }
        defer { if let file { try? FileManager.default.removeItem(at: file) } }
        let result = try ExecutableUnderTest.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("backprop-tui: "))
        #expect(result.stderr.contains(refusal.mentions), "\(result.stderr)")
    }

    @Test("a bad split cell in a CSV file is the file's error: its line and column, exit 65")
    func badSplitCell() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "a,split,y\n1,train,0\n2,maybe,1\n".write(to: url, atomically: true, encoding: .utf8)
        let result = try ExecutableUnderTest.run(["--headless", "--data", url.path])
        #expect(result.status == 65)
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(#"line 3: column "split" is "maybe"; write train or test there"#), "\(result.stderr)"
        )
    }
}
