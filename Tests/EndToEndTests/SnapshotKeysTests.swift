import BackpropCore
import Foundation
import Testing

/// `--snapshot --keys`: the frame after keys typed on the article's example, from the real
/// binary, with no terminal and so no timing.
@Suite("--snapshot --keys")
struct SnapshotKeysTests {
    /// Runs `--snapshot` plus `arguments` in a UTF-8 locale, so the frame shows ω, not w.
    private func snapshot(_ arguments: [String]) throws -> ExecutableUnderTest.Result {
        try ExecutableUnderTest.run(
            ["--snapshot"] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
    }

    @Test("two Tabs move the inspector from ω11 to ω21 (W row by row)")
    func tabs() throws {
        let before = try snapshot([])
        #expect(before.stdout.contains("Inspector ω11"), "\(before.stdout)")
        let result = try snapshot(["--keys", "<Tab><Tab>"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("Inspector ω21"), "\(result.stdout)")
        #expect(result.stdout.contains("∂C/∂ω21 = 0.4733"), "\(result.stdout)")
        #expect(result.stdout.contains("ω21: 0.3000 → 0.2527"), "\(result.stdout)")
        #expect(!result.stdout.contains("ω11"), "\(result.stdout)")
        #expect(result.lines.count == 24)
    }

    @Test("--keys ss draws the frame of --steps 2, and follows --steps")
    func stepsByKeys() throws {
        let typed = try snapshot(["--keys", "ss"])
        let stepped = try snapshot(["--steps", "2"])
        #expect(typed.status == 0 && stepped.status == 0)
        #expect(typed.stdout.contains(" step 2 "), "\(typed.stdout)")
        #expect(typed.stdout == stepped.stdout)
        let both = try snapshot(["--steps", "1", "--keys", "s"])
        #expect(both.stdout == stepped.stdout, "--steps 1 then one s is step 2")
    }

    @Test("r shows the running state at the same step: no time passes in a snapshot")
    func runTakesNoStep() throws {
        let result = try snapshot(["--steps", "3", "--keys", "r"])
        #expect(result.status == 0)
        let status = try #require(result.lines.first { $0.hasPrefix(" step ") }, "\(result.stdout)")
        #expect(status.hasPrefix(" step 3 "), "\(status)")
        #expect(status.contains("running"), "\(status)")
        let paused = try snapshot(["--steps", "3"])
        #expect(paused.stdout.contains("paused"))
    }

    @Test("d comes back to the scenario the program was started with, flags and all, after the presets")
    func ownScenarioInTheCycle() throws {
        let started = try snapshot(["--preset", "xor", "--lr", "0.3", "--size", "120x40"])
        // One d for each preset, and one more comes back.
        let keys = String(repeating: "d", count: Preset.allCases.count + 1)
        let result = try snapshot(["--preset", "xor", "--lr", "0.3", "--size", "120x40", "--keys", keys])
        #expect(result.status == 0, "\(result.stderr)")
        let status = try #require(result.lines.first { $0.hasPrefix(" step ") }, "\(result.stdout)")
        #expect(status.contains("lr 0.3 "), "the --lr flag is kept: \(status)")
        #expect(
            result.lines[0].contains("xor (changed) · sigmoid · lr 0.3 ·"),
            "the title tells it from the preset: \(result.lines[0])")
        #expect(
            result.stdout.contains(
                "xor --lr 0.3: your own scenario, as the program started; b goes back to digits"),
            "\(result.stdout)")
        #expect(
            result.lines.dropLast() == started.lines.dropLast(), "the same frame as started, but for the message line")
        let back = try snapshot(["--preset", "xor", "--lr", "0.3", "--size", "120x40", "--keys", "ssdddddddddb"])
        #expect(back.stdout.contains("undid d: back to rings at step 0, lr 1"), "\(back.stdout)")
    }

    @Test("keys after q are not pressed, and the frame is still printed")
    func quitStops() throws {
        let result = try snapshot(["--keys", "sq?s"])
        #expect(result.status == 0)
        #expect(result.stdout == (try snapshot(["--steps", "1"])).stdout, "neither ? nor the second s")
    }

    @Test("<lt>/<gt>, a lone < and names in any case are accepted")
    func literalAndCase() throws {
        for keys in ["<lt><gt><", "<>", "<tab><TAB>"] {
            let result = try snapshot(["--keys", keys])
            #expect(result.status == 0, "\(keys): \(result.stderr)")
            #expect(result.lines.count == 24, "\(keys)")
        }
        #expect(try snapshot(["--keys", "<tab><TAB>"]).stdout.contains("Inspector ω21"))
    }

    @Test(
        "a bad --keys is one line on stderr and exit 64",
        arguments: [
            (
                ["--snapshot", "--keys", "s<Bogus>"],
                ["--keys", "<Bogus>", "not a key name", "<S-Tab>", "<PgDn>", "<gt>"]
            ),
            (["--keys", "s"], ["--keys needs --snapshot"]),
            (["--headless", "--keys", "s"], ["--keys needs --snapshot"]),
        ])
    func usageErrors(_ arguments: [String], _ mentions: [String]) throws {
        let result = try ExecutableUnderTest.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.errorLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("backprop-tui: "))
        for word in mentions {
            #expect(result.stderr.contains(word), "\(result.stderr) should mention \(word)")
        }
    }
}
