import Foundation
import Testing

/// `python3` with numpy, which runs the scripts `--emit python` prints. CI installs both
/// (`.ci/run`), so a machine without them fails these tests with a line that says what to
/// install, rather than skipping them: a skipped comparison would look like a passed one.
enum PythonInterpreter {
    /// What one run of a script printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// stdout split into lines, without the final empty one.
        var lines: [String] {
            stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    /// Writes `script` to a file of its own and runs `python3 file arguments…` on it.
    static func run(script: String, arguments: [String] = []) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backprop-emit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("train.py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", file.path] + arguments
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
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
        let result = Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
        // env's 127, or Python's ModuleNotFoundError: say what the machine lacks.
        try #require(
            result.status != 127 && !result.stderr.contains("No module named 'numpy'"),
            "the --emit python tests need python3 with numpy (pip install numpy, or apt-get install python3-numpy): \(result.stderr)"
        )
        return result
    }
}
