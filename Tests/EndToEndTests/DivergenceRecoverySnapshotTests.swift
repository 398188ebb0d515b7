import Foundation
import Testing

/// The advice after a divergence, followed key by key as a teacher would type it:
/// `--activation linear --lr 0.5` diverges; `-` four times, then `x`, trains.
@Suite("recovering from a divergence")
struct DivergenceRecoverySnapshotTests {
    // `--keys=…`: a value that starts with "--" is read as a flag after a space.
    private func snapshot(_ keys: String) throws -> ExecutableUnderTest.Result {
        try ExecutableUnderTest.run(
            ["--snapshot", "--activation", "linear", "--lr", "0.5", "--steps", "1000", "--keys=\(keys)"],
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
    }

    private func statusLine(_ result: ExecutableUnderTest.Result) throws -> String {
        try #require(result.lines.first { $0.hasPrefix(" step ") }, "\(result.stdout)")
    }

    @Test("the message says - lowers lr, then x resets; doing so keeps the lr, and s trains")
    func lowerThenReset() throws {
        let diverged = try snapshot("s")
        #expect(try statusLine(diverged).contains("DIVERGED"))
        #expect(diverged.lines.last?.contains("training diverged (cost inf): - lowers lr, then x resets") == true)
        let lowered = try snapshot("----")
        #expect(lowered.lines.last?.contains("lr 0.02: x resets to step 0 with it") == true)
        let reset = try snapshot("----x")
        #expect(reset.lines.last?.contains("reset to step 0, lr stays 0.02") == true, "\(reset.stdout)")
        let stepped = try snapshot("----xsss")
        let status = try statusLine(stepped)
        #expect(status.hasPrefix(" step 3 ") && status.contains("lr 0.02") && !status.contains("DIVERGED"), "\(status)")
    }
}
