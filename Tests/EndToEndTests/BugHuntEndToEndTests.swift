import Foundation
import Testing

/// `--bug` through the real binary: the headless trace is the buggy trainer's, a bug that cannot
/// show (or an unknown name) is refused in one line, and in `--snapshot` the gradient check
/// marks the broken rows and `t` asks which bug it is.
@Suite("bug hunt: --bug in the real binary")
struct BugHuntEndToEndTests {
    private static let utf8 = ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 }

    /// A run that must succeed, its stdout.
    private func output(_ arguments: [String]) throws -> String {
        let result = try ExecutableUnderTest.run(arguments, environment: Self.utf8)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return result.stdout
    }

    /// A run that must be refused: its one line on stderr, exit 64, nothing on stdout.
    private func refusal(_ arguments: [String]) throws -> String {
        let result = try ExecutableUnderTest.run(arguments, environment: Self.utf8)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("backprop-tui: "), "\(result.stderr)")
        return result.stderr
    }

    @Test(
        "--headless --bug NAME prints a trace that leaves the right one from step 1",
        arguments: [
            "sign", "no-derivative", "no-bias", "transpose", "updated-weights", "batch-sum",
        ])
    func headlessDiffers(bug: String) throws {
        let flags = ["--headless", "--steps", "5", "--preset", "spiral", "--format", "csv"]
        let right = try output(flags).split(separator: "\n")
        let wrong = try output(flags + ["--bug", bug]).split(separator: "\n")
        #expect(right.count == wrong.count)
        // The header and step 0's cost (before any step) are the same; its gradient norms are
        // the buggy program's, and every step after leaves the right path.
        #expect(right.first == wrong.first)
        func cost(_ line: Substring) -> Substring { line.split(separator: ",")[1] }
        #expect(cost(right[1]) == cost(wrong[1]))
        for (r, w) in zip(right.dropFirst(2), wrong.dropFirst(2)) { #expect(cost(r) != cost(w), "\(bug)") }
        // Nothing names the bug.
        #expect(!wrong.joined().contains(bug))
    }

    @Test("--bug random picks by the seed, the same seed the same trace")
    func randomBySeed() throws {
        let flags = ["--headless", "--steps", "3", "--preset", "spiral", "--format", "csv", "--bug", "random"]
        #expect(try output(flags + ["--seed", "4"]) == output(flags + ["--seed", "4"]))
    }

    @Test("a bug that cannot show, an unknown name and --compare are refused in one line")
    func refusals() throws {
        #expect(try refusal(["--headless", "--bug", "transpose"]).contains("--hidden 3,3"))
        #expect(try refusal(["--headless", "--bug", "updated-weights"]).contains("--hidden 3"))
        #expect(try refusal(["--headless", "--bug", "batch-sum"]).contains("--reduction mean"))
        let unknown = try refusal(["--headless", "--bug", "typo"])
        #expect(unknown.contains("sign, no-derivative, no-bias, transpose, updated-weights, batch-sum, random"))
        #expect(try refusal(["--bug", "sign", "--compare", "sgd,adam", "--snapshot"]).contains("--compare"))
    }

    @Test("--snapshot --bug no-bias --keys c: the bias rows marked, the layers named, the bug not")
    func checkMarks() throws {
        // Room for all 13 rows of the check.
        let frame = try output([
            "--snapshot", "--preset", "xor-hidden", "--bug", "no-bias", "--keys", "c", "--size", "200x60",
        ])
        #expect(frame.contains("bug hunt"), "\(frame)")
        #expect(!frame.contains("no-bias"), "\(frame)")
        #expect(frame.contains("wrong in layers 1 and 2"), "\(frame)")
        let marked = frame.split(separator: "\n").filter { $0.contains("✗") }
        // Every marked row is a bias's: 3 in layer 1, 1 in layer 2.
        #expect(marked.map { $0.components(separatedBy: "✗").count - 1 }.reduce(0, +) == 4, "\(frame)")
        let right = try output(["--snapshot", "--preset", "xor-hidden", "--keys", "c", "--size", "200x60"])
        #expect(!right.contains("✗") && !right.contains("wrong in layer"), "\(right)")
    }

    @Test("--snapshot --bug sign --keys 't1<Enter>': which bug?, answered right, the maths shown")
    func quizReveals() throws {
        let asking = try output(["--snapshot", "--preset", "xor-hidden", "--bug", "sign", "--keys", "t"])
        #expect(asking.contains("Which bug"), "\(asking)")
        let right = try output(["--snapshot", "--preset", "xor-hidden", "--bug", "sign", "--keys", "t1<Enter>"])
        #expect(right.contains("right: the bug is sign"), "\(right)")
        #expect(right.contains("score 1/1"), "\(right)")
        #expect(right.contains("-(hᴸ⁻¹)ᵀδᴸ"), "\(right)")
        let wrong = try output(["--snapshot", "--preset", "xor-hidden", "--bug", "sign", "--keys", "tno-bias<Enter>"])
        #expect(wrong.contains("wrong: you said no-bias"), "\(wrong)")
        #expect(wrong.contains("score 0/1"), "\(wrong)")
    }
}
