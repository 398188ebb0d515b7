import Foundation
import Testing

/// `--headless --until-cost`: a target no step reaches within `--steps` is said on stderr, in one
/// line, and ends the run with status 4, so neither a script nor a person takes it for success.
@Suite("--until-cost not reached")
struct UntilCostCommandLineTests {
    @Test("the circle preset does not reach 0.25 in 1000 steps: one line naming the cost, exit 4")
    func notReached() throws {
        let result = try ExecutableUnderTest.run(["--preset", "circle", "--headless", "--until-cost", "0.25"])
        #expect(result.status == 4)
        let last = try #require(result.lines.last { $0.hasPrefix("step ") })
        #expect(last.hasPrefix("step 1000 "), "every step was run: \(last)")
        let cost = try #require(last.split(separator: " ").dropFirst(3).first.map(String.init))
        #expect(
            result.errorLines == [
                "backprop-tui: cost \(cost) did not reach 0.25 within 1,000 steps; raise --steps or --lr"
            ])
        #expect(Double(cost)! > 0.25)
    }

    @Test("a target reached, or no target, ends with 0 and says nothing")
    func reached() throws {
        let reached = try ExecutableUnderTest.run(["--preset", "xor-hidden", "--headless", "--until-cost", "0.01"])
        #expect(reached.status == 0)
        #expect(reached.stderr.isEmpty)
        #expect(reached.lines.last { $0.hasPrefix("step ") }?.hasPrefix("step 271 ") == true)
        let plain = try ExecutableUnderTest.run(["--headless", "--steps", "3"])
        #expect(plain.status == 0 && plain.stderr.isEmpty)
    }

    @Test("one step, in every format: the count is singular and the status 4")
    func oneStep() throws {
        for format in ["text", "csv", "json"] {
            let result = try ExecutableUnderTest.run(
                ["--headless", "--steps", "1", "--until-cost", "0.01", "--format", format])
            #expect(result.status == 4)
            #expect(
                result.errorLines == [
                    "backprop-tui: cost 1.4556414717601052 did not reach 0.01 within 1 step; raise --steps or --lr"
                ], "\(format)")
        }
    }

    @Test("a divergence is still status 3, with its own line, not the target's")
    func divergenceComesFirst() throws {
        let result = try ExecutableUnderTest.run(
            ["--headless", "--activation", "linear", "--lr", "0.5", "--until-cost", "0.01"])
        #expect(result.status == 3)
        #expect(result.errorLines.count == 1)
        #expect(result.stderr.contains("training diverged"))
    }
}
