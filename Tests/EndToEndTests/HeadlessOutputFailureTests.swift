import Foundation
import Testing

/// A trace or a frame that cannot be written ends the program at once: a reader that went away
/// (`| head`) quietly with 141, as SIGPIPE would; any other write error with one line and 74
/// (EX_IOERR). Each run here asks for 10¹² steps, so one that computes on instead of stopping
/// never ends and fails on the deadline.
@Suite("headless and snapshot: an output that fails")
struct HeadlessOutputFailureTests {
    /// A run long enough never to end by itself, printing a line every 10⁹ steps.
    static let endless = ["--headless", "--steps", "1000000000000", "--every", "1000000000"]

    /// The ways of writing something to stdout, and what each calls it in a message.
    static let modes: [(arguments: [String], what: String)] = [
        (endless, "trace"), (endless + ["--compare", "sgd,adam"], "trace"), (["--snapshot"], "frame"),
    ]

    /// Runs the binary through `sh` with `redirection` applied to its stdout (`>/dev/full`,
    /// `>&-`), and waits for it.
    static func run(_ arguments: [String], redirection: String) throws -> (status: Int32, stderr: String) {
        let program = try RunningProgram(
            shell: "exec \"$0\" \"$@\" \(redirection)", arguments: [ExecutableUnderTest.path] + arguments)
        let result = try program.waitForExit()
        return (result.status, result.stderr)
    }

    @Test("a full disk: one line naming the error, exit 74", arguments: modes)
    func fullDisk(arguments: [String], what: String) throws {
        let result = try Self.run(arguments, redirection: ">/dev/full")
        #expect(result.status == 74)
        #expect(result.stderr == "backprop-tui: cannot write the \(what): no space left on device\n")
    }

    @Test("a closed stdout: one line naming the error, exit 74", arguments: modes)
    func closedDescriptor(arguments: [String], what: String) throws {
        let result = try Self.run(arguments, redirection: ">&-")
        #expect(result.status == 74)
        #expect(result.stderr == "backprop-tui: cannot write the \(what): bad file descriptor\n")
    }

    @Test("a pipe nobody reads any more: quiet, exit 141, computing stops", arguments: modes)
    func readerGoneBeforeTheStart(arguments: [String], what: String) throws {
        let program = try RunningProgram(arguments)
        try program.closeOutput()
        let result = try program.waitForExit()
        #expect(result.status == 141)
        #expect(result.stderr.isEmpty)
    }

    /// `| head -1`: the reader takes the first line and goes. With a line every 10⁹ steps the
    /// next write would be minutes away, so the run must notice the closed pipe without writing;
    /// with a line every step it finds it in the write that fails.
    @Test(
        "| head -1: quiet, exit 141, whether lines come every step or once in minutes", arguments: ["1000000000", "1"])
    func headTakesOneLine(every: String) throws {
        for extra in [[], ["--compare", "sgd,momentum"]] {
            let program = try RunningProgram(
                ["--headless", "--steps", "1000000000000", "--every", every, "--format", "csv"] + extra)
            try program.waitForLines(1)
            try program.closeOutput()
            let result = try program.waitForExit()
            #expect(result.status == 141, "\(extra)")
            #expect(result.stderr.isEmpty, "\(extra)")
        }
    }
}
