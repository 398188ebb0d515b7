import Foundation

/// The built `backprop-tui` binary, found beside the running test bundle (SwiftPM puts every
/// product of a build in one folder, whatever the scratch path), and a way to run it.
enum ExecutableUnderTest {
    /// The path of the `backprop-tui` binary of this build.
    static let path: String = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the test runner is `<products>/backprop-tuiPackageTests.xctest`, a file; on
        // macOS it is a bundle folder several levels deep. Walk up until the binary is there.
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("backprop-tui").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("backprop-tui").path
    }()

    /// What one run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// stdout's bytes as written (`stdout` turns bytes that are not UTF-8 into U+FFFD).
        var stdoutBytes = Data()
        /// stderr's bytes as written.
        var stderrBytes = Data()
        /// stdout split into lines, without the final empty one.
        var lines: [String] {
            stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        /// stderr split into lines, without the final empty one.
        var errorLines: [String] {
            stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    /// Runs the binary with `arguments`, stdin from /dev/null, in `directory` (this process's
    /// when nil), and waits for it.
    static func run(_ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil) throws
        -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        return try collect(process)
    }

    /// Runs the binary with `arguments` through `/bin/sh` with `ulimit -v kilobytes`, so an
    /// allocation past that address space fails (and Swift aborts) instead of swapping.
    static func run(_ arguments: [String], addressSpaceKilobytes kilobytes: Int) throws -> Result {
        let quoted = ([path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(kilobytes) && exec \(quoted)"]
        return try collect(process)
    }

    /// Starts `process` with stdin from /dev/null, reads what it prints and waits for it (any
    /// program: `PythonInterpreter` runs the scripts `--emit python` prints with it).
    static func collect(_ process: Process) throws -> Result {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a long trace cannot fill a pipe and stall.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData, stderrBytes: errData)
    }
}
