import Foundation
import Testing

/// SIGINT, SIGTERM and SIGHUP stop a headless run between chunks of steps: every line computed
/// is written, then the line of the step reached and the footer, and the exit status is
/// 128 + the signal's number. On a terminal each line shows as soon as it is made.
@Suite("headless: signals lose no line")
struct HeadlessSignalTests {
    enum Signal: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sigint, sigterm, sighup
        var testDescription: String { rawValue }
        var number: Int32 {
            switch self {
            case .sigint: SIGINT
            case .sigterm: SIGTERM
            case .sighup: SIGHUP
            }
        }
    }

    /// The lines of `data`, which must end in a newline (a line cut in two would not).
    static func completeLines(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        #expect(data.last == 10, "the output ends inside a line", sourceLocation: sourceLocation)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("a run of 10¹² steps stops on the signal with the step it reached and the footer", arguments: Signal.allCases)
    func singleRun(_ signal: Signal) throws {
        let program = try RunningProgram(["--headless", "--steps", "1000000000000", "--every", "1000000000"])
        try program.waitForLines(2)
        // Time to take steps past step 0, so the line of the step reached has something to say.
        Thread.sleep(forTimeInterval: 0.5)
        program.send(signal.number)
        let result = try program.waitForExit()
        #expect(result.status == 128 + signal.number)
        #expect(result.stderr.isEmpty)
        let lines = Self.completeLines(result.stdout)
        try #require(lines.count == 4, "header, step 0, the step reached, the footer: \(lines)")
        #expect(lines[1].hasPrefix("step 0  cost 1.5562961971059417"))
        let reached = try #require(lines[2].split(separator: " ").dropFirst().first.flatMap { Int($0) })
        #expect(reached > 0, "the run had time to take steps: \(lines[2])")
        #expect(lines[3].hasPrefix("# after \(reached) steps: w = [["), "\(lines[3])")
    }

    @Test("a signal ignored when the run started (nohup) stays ignored: SIGHUP, then SIGTERM ends it with 143")
    func ignoredSignalStaysIgnored() throws {
        let program = try RunningProgram(
            shell: #"trap '' HUP; exec "$0" "$@""#,
            arguments: [ExecutableUnderTest.path, "--headless", "--steps", "1000000000000", "--every", "1000000000"])
        try program.waitForLines(2)
        program.send(SIGHUP)
        // Time for a handled SIGHUP to be the first signal, which decides the status.
        Thread.sleep(forTimeInterval: 0.3)
        program.send(SIGTERM)
        let result = try program.waitForExit()
        #expect(result.status == 143)
        #expect(Self.completeLines(result.stdout).last?.hasPrefix("# after ") == true)
    }

    @Test("--compare stops on SIGTERM with a row for the step reached")
    func race() throws {
        let program = try RunningProgram([
            "--headless", "--compare", "sgd,adam", "--steps", "1000000000000", "--every", "1000000000",
        ])
        try program.waitForLines(2)
        Thread.sleep(forTimeInterval: 0.5)
        program.send(SIGTERM)
        let result = try program.waitForExit()
        #expect(result.status == 143)
        #expect(result.stderr.isEmpty)
        let lines = Self.completeLines(result.stdout)
        try #require(lines.count == 3, "\(lines)")
        let last = lines[2].split(separator: ",", omittingEmptySubsequences: false)
        #expect(last.count == 3 && Int(last[0])! > 0 && last.dropFirst().allSatisfy { Double($0) != nil }, "\(lines)")
    }

    @Test(
        "on a terminal each line shows at once, and Ctrl-C ends with the step reached, exit 130",
        .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
    func terminal() throws {
        let session = try TmuxSession()
        // A line every 100,000 steps is one a fraction of a second; in blocks of 64 KB it would
        // take hundreds of them to show anything.
        session.launchBackpropTUI(["--headless", "--steps", "1000000000000", "--every", "100000"])
        try session.waitFor("step 100000  cost")
        session.press("C-c")
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 130)
        let lines = session.unwrappedScreen.lines
        let footer = try #require(lines.last { $0.hasPrefix("# after ") }, "\(lines)")
        let reached = try #require(footer.split(separator: " ").dropFirst(2).first.map(String.init))
        // The terminal echoes Ctrl-C as ^C in front of the line that follows it.
        #expect(lines.contains { $0.contains("step \(reached)  cost") }, "the step reached, then the footer: \(lines)")
    }
}
