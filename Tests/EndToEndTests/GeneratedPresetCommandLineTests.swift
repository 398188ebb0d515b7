import Foundation
import Testing

/// `--preset circle` and `--preset spiral` on the command line: `--seed` draws their points and
/// starting weights, other presets and scenario files refuse it, and the built binary learns
/// both from their default seed.
@Suite("generated presets on the command line")
struct GeneratedPresetCommandLineTests {
    @Test(
        "--seed picks the starting weights and the points; it defaults to 1", arguments: ["circle", "spiral", "rings"])
    func seedChangesTheScenario(preset: String) throws {
        let (_, plain) = try ExecutableUnderTest.csvRows(["--preset", preset, "--steps", "0"])
        let (_, one) = try ExecutableUnderTest.csvRows(["--preset", preset, "--seed", "1", "--steps", "0"])
        let (_, two) = try ExecutableUnderTest.csvRows(["--preset", preset, "--seed", "2", "--steps", "0"])
        #expect(plain == one)
        #expect(plain[0][2...] != two[0][2...], "another seed, other starting weights")
        #expect(plain[0][1] != two[0][1], "another seed, other points, so another cost at the same start")
    }

    @Test("the title names a changed seed, and only a changed one")
    func titleNamesTheSeed() throws {
        let changed = try ExecutableUnderTest.run([
            "--snapshot", "--preset", "circle", "--seed", "2", "--lr", "1", "--size", "120x40",
        ])
        #expect(changed.status == 0)
        let title = changed.lines.first ?? ""
        #expect(title.contains("· circle (changed) ·") && title.contains("· lr 1 · --seed 2 ·"), "\(title)")
        let same = try ExecutableUnderTest.run(["--snapshot", "--preset", "spiral", "--seed", "1"])
        #expect(same.status == 0)
        #expect(same.lines.first?.contains("· preset spiral ·") == true, "\(same.lines.first ?? "")")
    }

    @Test(
        "--seed is refused in one line with the presets it does not apply to and with a scenario file",
        arguments: [["--preset", "xor"], ["--preset", "xor-hidden"], [], ["--scenario"]])
    func seedRefused(source: [String]) throws {
        var arguments = ["--headless", "--seed", "2"] + source
        var file: URL?
        if source == ["--scenario"] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID()).json")
            try #"{"x": [[1, 2]], "y": [[1]], "w": [[0.5], [0.5]]}"#.write(to: url, atomically: true, encoding: .utf8)
            file = url
            arguments.append(url.path)
        }
        defer { if let file { try? FileManager.default.removeItem(at: file) } }
        let result = try ExecutableUnderTest.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "--seed works only with --data, --preset circle, --preset spiral, --preset rings, --preset gauss, --preset overfit, --preset deep-sigmoid or --preset digits"
            ),
            "\(result.stderr)")
    }

    /// Below a cost of 0.25 every sample is on the right side of 0.5 (one on the wrong side adds
    /// at least 0.25 by itself). Seed 1 gets there at step 1108 (circle) and 9743 (spiral); the
    /// budgets leave room for a platform whose tanh differs in the last bit. The spiral is here
    /// rather than in the core tests because it crosses a plateau first: about 2.4 s of steps in
    /// a debug build.
    @Test("the built binary learns circle and spiral", arguments: [("circle", 3000), ("spiral", 15000)])
    func learned(preset: String, budget: Int) throws {
        let (_, rows) = try ExecutableUnderTest.csvRows([
            "--preset", preset, "--until-cost", "0.25", "--steps", "\(budget)", "--every", "\(budget)",
        ])
        let last = try #require(rows.last)
        #expect(try #require(Int(last[0])) < budget, "stopped at step \(last[0])")
        #expect(try #require(Double(last[1])) <= 0.25)
    }
}
