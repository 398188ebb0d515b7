import Foundation
import Testing

/// `python3` with numpy, which runs the scripts `--emit python` prints. CI installs both
/// (`.ci/run`), so a machine without them fails these tests with a line that says what to
/// install, rather than skipping them: a skipped comparison would look like a passed one.
enum PythonInterpreter {
    /// What one run of a script printed and how it ended.
    typealias Result = ExecutableUnderTest.Result

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
        let result = try ExecutableUnderTest.collect(process)
        // env's 127, or Python's ModuleNotFoundError: say what the machine lacks.
        try #require(
            result.status != 127 && !result.stderr.contains("No module named 'numpy'"),
            "the --emit python tests need python3 with numpy (pip install numpy, or apt-get install python3-numpy): \(result.stderr)"
        )
        return result
    }
}
