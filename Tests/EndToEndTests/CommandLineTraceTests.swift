import BackpropCore
import Foundation
import Testing

/// The headless trace, run through the real binary as a script or a person would.
@Suite("headless traces")
struct CommandLineTraceTests {
    private func close(_ text: String, _ expected: Double) -> Bool {
        guard let value = Double(text) else { return false }
        return abs(value - expected) <= 1e-12 * abs(expected)
    }

    @Test("the seed's csv trace reproduces the article's costs")
    func seedCSV() throws {
        let (header, rows) = try ExecutableUnderTest.csvRows([])
        // The targets [1, 0] and [0, 1] are classes, so the trace says how many are right.
        #expect(header == "step,cost,accuracy,grad_norm_1,w1_1,w1_2,w2_1,w2_2,w3_1,w3_2,b1,b2")
        #expect(rows.count == 1001)
        #expect(rows.map { $0[0] } == (0...1000).map(String.init))
        // grad_norm_1 is the core's ‖∂C/∂W‖ at each row's state, digit for digit. At step 0 the
        // article's ŷ is [0.900, 0.943] and [0.802, 0.881]: both samples' largest is the second
        // output, which only the second sample's target names, so half are right.
        let norm = Trainer(scenario: Preset.seed.scenario).gradientNorms()[0]
        #expect(
            rows[0] == [
                "0", "1.5562961971059417", "0.5", "\(norm)", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.0", "0.0",
            ])
        #expect(close(rows[1][1], 1.4556414717601052))
        #expect(close(rows[2][1], 1.3382380273209387))
        #expect(close(rows[3][1], 1.2216201634346888))
        #expect(close(rows[1000][1], 0.002784622453015934))
        #expect(rows.allSatisfy { $0.count == 12 })
        // After 1000 steps ŷ is near [0.98, 0.02] and [0.02, 0.98] (the article's last print):
        // both right.
        #expect(rows[1000][2] == "1.0")
    }

    @Test("--every prints every k-th step and always the last")
    func every() throws {
        let (_, rows) = try ExecutableUnderTest.csvRows(["--steps", "10", "--every", "4"])
        #expect(rows.map { $0[0] } == ["0", "4", "8", "10"])
        let (_, single) = try ExecutableUnderTest.csvRows(["--steps", "1000", "--every", "1000"])
        #expect(single.map { $0[0] } == ["0", "1000"])
        #expect(close(single[1][1], 0.002784622453015934))
    }

    @Test("--steps 0 prints only the initial state")
    func zeroSteps() throws {
        let (_, rows) = try ExecutableUnderTest.csvRows(["--steps", "0"])
        #expect(rows.map { $0[0] } == ["0"])
    }

    @Test("json lines carry step, cost, w and b")
    func json() throws {
        let result = try ExecutableUnderTest.run(["--headless", "--format", "json", "--steps", "2"])
        #expect(result.status == 0)
        let objects = try result.lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 3)
        #expect(objects.map { $0["step"] as? Int } == [0, 1, 2])
        #expect(close("\(objects[1]["cost"] as? Double ?? 0)", 1.4556414717601052))
        let w = try #require(objects[0]["w"] as? [[Double]])
        #expect(w == [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]])
        #expect(objects[0]["b"] as? [Double] == [0, 0])
    }

    @Test("text is readable and ends with the final parameters")
    func text() throws {
        let result = try ExecutableUnderTest.run(["--headless", "--steps", "3"])
        #expect(result.status == 0)
        #expect(result.lines.first?.hasPrefix("# seed: 2 samples, 3 inputs -> 2 outputs") == true)
        #expect(
            result.lines.contains(
                "step 1  cost 1.4556414717601052  accuracy 1/2  ŷ [[0.87638772 0.93574933] [0.74070904 0.87317416]]"))
        #expect(result.lines.last?.hasPrefix("# after 3 steps: w = [[") == true)
    }

    @Test("--until-cost stops at the first step at or below the threshold")
    func untilCost() throws {
        let (_, rows) = try ExecutableUnderTest.csvRows(["--steps", "1000", "--every", "1000", "--until-cost", "0.5"])
        #expect(rows.map { $0[0] } == ["0", "13"])
        let cost = try #require(Double(rows[1][1]))
        #expect(cost <= 0.5)
        // Step 12 is still above the threshold, so 13 really is the first at or below it.
        let (_, before) = try ExecutableUnderTest.csvRows(["--steps", "12", "--every", "12"])
        #expect(try #require(Double(before[1][1])) > 0.5)
    }

    @Test("flags override the preset, and presets load by name")
    func overrides() throws {
        let (_, base) = try ExecutableUnderTest.csvRows(["--steps", "1"])
        let (_, faster) = try ExecutableUnderTest.csvRows(["--steps", "1", "--lr", "0.5"])
        #expect(base[1][1] != faster[1][1])
        let (header, gate) = try ExecutableUnderTest.csvRows(["--preset", "and", "--steps", "5000", "--every", "5000"])
        #expect(header == "step,cost,accuracy,grad_norm_1,w1_1,w2_1,b1")
        #expect(try #require(Double(gate[1][1])) < 0.1)
        // AND is one line's side: learnt, all 4 are right.
        #expect(gate[1][2] == "1.0")
        let (_, xor) = try ExecutableUnderTest.csvRows(["--preset", "xor", "--steps", "5000", "--every", "5000"])
        #expect(try #require(Double(xor[1][1])) > 0.9)
    }

    @Test("a scenario file is loaded, and a diverging run stops with a message")
    func scenarioFileAndDivergence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("diverge-\(UUID()).json")
        try #"{"x": [[1, 2]], "y": [[1]], "w": [[0.5], [0.5]], "learningRate": 5, "activation": "linear"}"#
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ExecutableUnderTest.run([
            "--scenario", file.path, "--headless", "--format", "csv", "--steps", "5000", "--every", "5000",
        ])
        #expect(result.status == 3)
        #expect(result.errorLines.count == 1)
        #expect(result.stderr.contains("diverged at step"))
        #expect(result.stderr.contains("--lr"))
        let last = try #require(result.lines.last?.split(separator: ",").map(String.init))
        #expect(!(Double(last[1])?.isFinite ?? true))
        #expect(Int(last[0])! < 5000)
    }

    @Test("--data trains on a CSV file with seeded starting weights")
    func dataFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("or-\(UUID()).csv")
        try "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (header, rows) = try ExecutableUnderTest.csvRows([
            "--data", file.path, "--lr", "0.5", "--steps", "3000", "--every", "3000",
        ])
        #expect(header == "step,cost,accuracy,grad_norm_1,w1_1,w2_1,b1")
        #expect(try #require(Double(rows[1][1])) < 0.01)
        let (_, same) = try ExecutableUnderTest.csvRows(["--data", file.path, "--seed", "1", "--steps", "0"])
        let (_, other) = try ExecutableUnderTest.csvRows(["--data", file.path, "--seed", "2", "--steps", "0"])
        #expect(rows[0] == same[0], "--seed defaults to 1")
        #expect(rows[0] != other[0])
        let text = try ExecutableUnderTest.run(["--data", file.path, "--headless", "--steps", "0"])
        #expect(text.lines.first?.contains("4 samples, 2 inputs -> 1 output,") == true)
    }

    @Test("networks: --data with --hidden, L1_/L2_ columns, JSON layers, and --steps 0 replays anywhere")
    func networks() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("xor-\(UUID()).csv")
        try "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (header, rows) = try ExecutableUnderTest.csvRows([
            "--data", file.path, "--hidden", "3", "--activation", "tanh,sigmoid", "--steps", "2",
        ])
        #expect(
            header
                == "step,cost,accuracy,grad_norm_1,grad_norm_2,L1_w1_1,L1_w1_2,L1_w1_3,L1_w2_1,L1_w2_2,L1_w2_3,L1_b1,L1_b2,L1_b3,L2_w1_1,L2_w2_1,L2_w3_1,L2_b1"
        )
        #expect(rows.count == 3 && rows.allSatisfy { $0.count == 18 })
        #expect(rows[0][11...13] == ["0.0", "0.0", "0.0"], "b starts at 0")

        let text = try ExecutableUnderTest.run(["--preset", "xor-hidden", "--headless", "--steps", "0"])
        #expect(text.lines.first?.contains("network 2-3-1, activations tanh sigmoid") == true, "\(text.stdout)")
        #expect(text.lines.filter { $0.hasPrefix("# after 0 steps: layer") }.count == 2)

        let json = try ExecutableUnderTest.run([
            "--preset", "xor-hidden", "--headless", "--steps", "1", "--format", "json",
        ])
        let first = try #require(json.lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let layers = try #require(object["layers"] as? [[String: Any]])
        #expect(layers.count == 2)
        #expect(layers[1]["w"] as? [[Double]] == [[0.7], [-0.6], [0.5]])
        #expect(object["w"] == nil)
        // Every record carries the gradient's size per layer at its state: the core's, digit for
        // digit (read from the text: JSONSerialization may round a last digit).
        var trainer = Trainer(scenario: Preset.xorHidden.scenario)
        for line in json.lines.prefix(2) {
            let norms = trainer.gradientNorms().map(\.description).joined(separator: ",")
            #expect(line.contains(",\"grad_norms\":[\(norms)],\"layers\":"), "\(line)")
            trainer.step()
        }
        #expect(json.lines.count == 2)

        let learned = try ExecutableUnderTest.run([
            "--preset", "xor-hidden", "--headless", "--until-cost", "0.01", "--every", "100000",
        ])
        #expect(learned.status == 0)
        let last = try #require(learned.lines.last(where: { $0.hasPrefix("step ") }))
        let step = try #require(Int(last.split(separator: " ")[1]))
        #expect(step < 20_000 && step > 0, "\(last)")

        let drawn = try ExecutableUnderTest.run(["--preset", "xor-hidden", "--snapshot"])
        #expect(drawn.status == 0)
        #expect(
            drawn.stdout.contains("Layer 1 · W¹, b¹ · tanh") && drawn.stdout.contains("Layer 2 · W², b²"),
            "\(drawn.stdout)")
    }

    @Test("--snapshot draws ASCII when the locale is not UTF-8, as the visualiser does")
    func snapshotFollowsTheLocale() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        let ascii = try ExecutableUnderTest.run(["--snapshot"], environment: environment)
        #expect(ascii.status == 0)
        let isASCII = ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isASCII, "\(ascii.stdout)")
        environment["LC_ALL"] = "C.UTF-8"
        let unicode = try ExecutableUnderTest.run(["--snapshot"], environment: environment)
        #expect(unicode.stdout.contains("┌ Layer 1 · W and b · sigmoid"), "\(unicode.stdout)")
    }
}
