import Foundation
import Testing

/// `e` in the real binary on a network of 8,001 parameters (xor through 2,000 hidden neurons),
/// whose trace is 170 kB a row: streamed in bounded memory, and nothing left behind when a
/// signal ends it or the disk refuses it.
@Suite("export end to end", .serialized)
struct ExportEndToEndTests {
    /// A fresh folder, removed afterwards, with `xor.csv` in a folder beside it.
    private func withFolders(_ body: (_ exports: URL, _ data: String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-export-\(UUID().uuidString)")
        let exports = root.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("xor.csv")
        try "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n".write(to: data, atomically: true, encoding: .utf8)
        try body(exports, data.path)
    }

    private func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The export of `steps` steps of the 2,000-neuron network, pressed in `--snapshot`.
    private func arguments(data: String, steps: Int) -> [String] {
        ["--data", data, "--hidden", "2000", "--snapshot", "--size", "120x30", "--steps", "\(steps)", "--keys", "e"]
    }

    /// Generous: the export itself needs a few MB (one MB of buffer, a row being written, the
    /// run's copy); the whole trace held in memory, as it once was, is 170 MB for 1,000 steps
    /// and took over twice that.
    static let peakMemoryKilobytes = 150_000

    @Test("the export of 1,001 rows of 8,003 numbers (170 MB) is written in bounded memory")
    func boundedMemory() throws {
        try withFolders { exports, data in
            let program = try ExecutableUnderTest.Spawned(arguments(data: data, steps: 1000), in: exports)
            let ending = program.wait()
            #expect(ending.exitCode == 0, "\(ending.stderr)")
            let written = try names(in: exports)
            try #require(written.count == 1, "\(written)")
            #expect(ending.stdout.contains("steps 0-1000 (1001 rows) exported to ./\(written[0])"))
            let size =
                try FileManager.default.attributesOfItem(atPath: exports.appendingPathComponent(written[0]).path)[
                    .size] as? Int
            #expect((size ?? 0) > 150_000_000, "the whole trace: \(size ?? 0) bytes")
            #expect(ending.peakKilobytes > 10_000, "the program's memory was read while it ran")
            #expect(
                ending.peakKilobytes < Self.peakMemoryKilobytes,
                "peak resident set \(ending.peakKilobytes) kB for a file of \(size ?? 0) bytes")
        }
    }

    @Test(
        "a quit signal mid-export ends the program with 128 + n and leaves nothing in the folder",
        arguments: [SIGTERM, SIGINT, SIGHUP])
    func signalMidExport(signal: Int32) throws {
        try withFolders { exports, data in
            let program = try ExecutableUnderTest.Spawned(arguments(data: data, steps: 1000), in: exports)
            // The export is under way once the child holds a file in the folder: anonymous
            // (O_TMPFILE: "#inode (deleted)"), or a hidden temporary name where that is not
            // supported.
            let writing = program.waitUntil {
                program.openFiles.contains { $0.hasPrefix(exports.path + "/") }
                    || ((try? names(in: exports)) ?? []).contains { $0.hasSuffix(".tmp") }
            }
            program.send(signal)
            let ending = program.wait()
            #expect(writing, "the export never started")
            #expect(
                ending.exitCode == 128 + signal,
                "exit \(String(describing: ending.exitCode)), signal \(String(describing: ending.signal)): \(ending.stderr)"
            )
            #expect(ending.stdout.isEmpty, "no frame is printed after a signal")
            #expect(try names(in: exports) == [], "nothing is left behind")
        }
    }

    @Test("a file size limit reached mid-export is a one-line message on the screen, with nothing left behind")
    func fileTooLarge() throws {
        try withFolders { exports, data in
            // 31 rows of 170 kB, against a limit of 1 MB.
            let program = try ExecutableUnderTest.Spawned(
                arguments(data: data, steps: 30), in: exports, through: ["prlimit", "--fsize=1000000"])
            let ending = program.wait()
            #expect(ending.exitCode == 0, "\(ending.stderr)")
            let hint = ending.stdout.split(separator: "\n").last.map(String.init) ?? ""
            let message = #/ cannot write \./backprop-trace-\d{8}-\d{6}\.csv: file too large; nothing written */#
            #expect(hint.wholeMatch(of: message) != nil, "\(hint)")
            #expect(try names(in: exports) == [])
        }
    }
}
