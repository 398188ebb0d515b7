import Foundation
import Testing

/// `--data FILE --hidden …` with nothing else named trains: tanh hidden layers, an output that
/// suits the targets, `--reduction mean`, lr 0.5, said where the user looks; a choice named on
/// the command line, and a single layer, stay as they were.
@Suite("--data --hidden defaults", .serialized)
struct HiddenLayerDefaultsCommandLineTests {
    /// 12 points of two classes (y = 1 where x1·x2 > 0), which the article's choices through
    /// 2-4-3-1 leave at C 1.0006 after 20,000 steps.
    private static let quadrants = """
        x1,x2,y
        -0.524,0.088,0
        -0.260,0.208,0
        0.251,-0.869,0
        -0.974,0.675,0
        -0.481,-0.531,1
        0.991,-0.059,0
        0.673,-0.047,0
        0.278,-0.699,0
        0.270,0.736,1
        0.046,0.483,1
        0.343,-0.872,0
        0.516,0.182,1

        """

    private func withData(_ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quadrants-\(UUID().uuidString).csv")
        try Self.quadrants.write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        try body(path.path)
    }

    /// The cost of the last printed step of a text trace.
    private func lastCost(_ result: ExecutableUnderTest.Result) throws -> Double {
        let line = try #require(result.lines.last { $0.hasPrefix("step ") }, "\(result.stdout)")
        return try #require(Double(line.split(separator: " ")[3]))
    }

    @Test("with nothing named: the header says what was chosen, and 2,000 steps get C below 0.05")
    func defaultsTrain() throws {
        try withData { path in
            let result = try ExecutableUnderTest.run(
                ["--headless", "--data", path, "--hidden", "4,3", "--steps", "2000", "--every", "2000"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.lines.first?.hasSuffix(
                    "12 samples, network 2-4-3-1, activations tanh tanh sigmoid, loss sse, reduction mean, lr 0.5")
                    == true, "\(result.lines.first ?? "")")
            #expect(try lastCost(result) < 0.05)
        }
    }

    @Test("the article's choices named as flags give the article's run, which barely trains")
    func namedChoicesAreKept() throws {
        try withData { path in
            let result = try ExecutableUnderTest.run(
                [
                    "--headless", "--data", path, "--hidden", "4,3", "--activation", "sigmoid", "--reduction", "seed",
                    "--lr", "0.1", "--steps", "2000", "--every", "2000",
                ])
            #expect(
                result.lines.first?.hasSuffix("activations sigmoid sigmoid sigmoid, loss sse, reduction seed, lr 0.1")
                    == true, "\(result.lines.first ?? "")")
            #expect(try lastCost(result) > 0.9)
            // Each flag alone is kept, the others defaulted.
            let lr = try ExecutableUnderTest.run([
                "--headless", "--data", path, "--hidden", "4", "--lr", "0.3", "--steps", "0",
            ])
            #expect(lr.lines.first?.hasSuffix("activations tanh sigmoid, loss sse, reduction mean, lr 0.3") == true)
            let ce = try ExecutableUnderTest.run(
                ["--headless", "--data", path, "--hidden", "4", "--loss", "bce", "--reduction", "sum", "--steps", "0"])
            #expect(ce.lines.first?.hasSuffix("activations tanh sigmoid, loss bce, reduction sum, lr 0.5") == true)
        }
    }

    @Test("a single layer keeps the article's choices")
    func singleLayerUnchanged() throws {
        try withData { path in
            let result = try ExecutableUnderTest.run(["--headless", "--data", path, "--steps", "0"])
            #expect(result.lines.first?.hasSuffix("activation sigmoid, loss sse, reduction seed, lr 0.1") == true)
        }
    }

    @Test("the visualiser opens saying what --hidden chose")
    func snapshotSaysWhatWasChosen() throws {
        try withData { path in
            let result = try ExecutableUnderTest.run(
                ["--snapshot", "--size", "120x40", "--data", path, "--hidden", "4,3"],
                environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
            #expect(result.lines[0].contains("2-4-3-1 tanh,tanh,sigmoid"), "\(result.lines[0])")
            #expect(
                result.lines.last?.contains(
                    "with --hidden: tanh hidden layers, sigmoid output, reduction mean, lr 0.5 (flags change them)")
                    == true, "\(result.stdout)")
        }
    }
}
