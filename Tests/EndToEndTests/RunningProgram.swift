import Foundation

/// The built binary running in the background with its stdout and stderr on pipes, for tests
/// that act while it runs: read its first lines, send it a signal, close the pipe it writes to.
///
/// Every wait has a generous deadline and fails the test past it: the runs these tests start
/// would otherwise go on for days.
final class RunningProgram {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    /// stdout read so far.
    private(set) var read = Data()
    private var outputClosed = false

    /// How long any wait may take before the test fails; a passing test never waits for it.
    static let deadline: TimeInterval = 60

    /// Starts the binary with `arguments`, stdin from /dev/null.
    convenience init(_ arguments: [String]) throws {
        try self.init(executable: ExecutableUnderTest.path, arguments: arguments)
    }

    /// Starts `sh -c script` with `arguments` as $0, $1, ...: for what only a shell can set up,
    /// such as a closed stdout (`exec "$0" "$@" >&-`).
    convenience init(shell script: String, arguments: [String]) throws {
        try self.init(executable: "/bin/sh", arguments: ["-c", script] + arguments)
    }

    private init(executable: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Reads stdout until it holds `count` complete lines; throws past the deadline or at its end.
    func waitForLines(_ count: Int) throws {
        let start = Date()
        while read.split(separator: 10, omittingEmptySubsequences: false).count <= count {
            guard Date().timeIntervalSince(start) < Self.deadline else {
                throw Timeout(what: "\(count) lines", read: read)
            }
            guard readSome(waiting: 100) else {
                throw Timeout(what: "\(count) lines before the end of stdout", read: read)
            }
        }
    }

    /// Reads what stdout has within `milliseconds`; false at its end.
    private func readSome(waiting milliseconds: Int32) -> Bool {
        let descriptor = output.fileHandleForReading.fileDescriptor
        var status = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&status, 1, milliseconds) == 1 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let got = Glibc.read(descriptor, &buffer, buffer.count)
        guard got > 0 else { return false }
        read.append(contentsOf: buffer[0..<got])
        return true
    }

    /// Closes the reading end of stdout, as `head` does once it has its lines.
    func closeOutput() throws {
        try output.fileHandleForReading.close()
        outputClosed = true
    }

    /// Sends `signal` to the program.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the program to end; returns its exit status (128 + n had a signal killed it:
    /// the test then sees the same number a shell would, and fails on the missing stderr line
    /// or output rather than on a number only), all of stdout and stderr.
    func waitForExit() throws -> (status: Int32, stdout: Data, stderr: String) {
        let start = Date()
        while process.isRunning {
            guard Date().timeIntervalSince(start) < Self.deadline else {
                throw Timeout(what: "the program to end", read: read)
            }
            // Keep reading, so a program writing its last lines never waits on a full pipe.
            if outputClosed || !readSome(waiting: 10) { Thread.sleep(forTimeInterval: 0.01) }
        }
        if !outputClosed { read.append(output.fileHandleForReading.readDataToEndOfFile()) }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let status =
            process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return (status, read, stderr)
    }

    /// A wait that passed its deadline, with what had been read.
    struct Timeout: Error, CustomStringConvertible {
        let what: String
        let read: Data
        var description: String {
            "waited \(Int(RunningProgram.deadline)) s for \(what); stdout so far: \(String(decoding: read, as: UTF8.self))"
        }
    }
}
