import Foundation
import Glibc
import Testing

/// What a user feeds the program never crashes it or fills the memory: devices, pipes and files
/// past 32 MiB are refused with one line and exit 65, networks past the limits with one line
/// (64 when `--hidden` set the sizes, 65 when a file did), and the largest accepted cases run.
@Suite("input limits")
struct InputLimitTests {
    typealias Folder = TerminalSafeOutputTests.Folder

    static let xor = Array("x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n".utf8)

    @Test("a character device is refused before it is read", arguments: ["--data", "--scenario"])
    func characterDevice(option: String) throws {
        let result = try ExecutableUnderTest.run(["--headless", option, "/dev/zero"])
        TerminalSafeOutputTests.expectOneSafeLine(
            result, status: 65,
            mentioning: ["backprop-tui: \"/dev/zero\" is a character device, not a file; give the path of a file"])
    }

    @Test("a file larger than 32 MiB is refused by its size, naming the file and the limit")
    func oversizeFile() throws {
        let folder = try Folder()
        let path = folder.file("huge.json", [])
        // Sparse: the size is what is refused, so no 32 MB need be written.
        #expect(truncate(path, off_t(33_554_433)) == 0)
        let result = try ExecutableUnderTest.run(["--headless", "--scenario", path])
        TerminalSafeOutputTests.expectOneSafeLine(
            result, status: 65,
            mentioning: [
                "file \"\(path)\" is 33,554,433 bytes; the most this program reads is 33,554,432 bytes (32 MiB)"
            ])
    }

    /// Runs the binary on a FIFO that `/bin/sh -c script` writes into (its `$0` is the FIFO),
    /// as `--data <(command)` would.
    private static func runOnFIFO(_ arguments: [String], option: String, writer script: String) throws
        -> ExecutableUnderTest.Result
    {
        let folder = try Folder()
        let fifo = folder.url.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", script, fifo]
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        let result = try ExecutableUnderTest.run(arguments + [option, fifo])
        writer.waitUntilExit()
        return result
    }

    @Test("a pipe is read like a file")
    func pipe() throws {
        let result = try Self.runOnFIFO(
            ["--headless", "--steps", "1", "--format", "csv"], option: "--data",
            writer: "printf 'x1,x2,y\\n0,1,1\\n' > \"$0\"")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.lines.count == 3)
    }

    @Test("a pipe that brings more than 32 MiB is refused once that much has come")
    func endlessPipe() throws {
        // The writer would go on for ever; the program stops reading at the limit.
        let result = try Self.runOnFIFO(
            ["--headless"], option: "--scenario", writer: "exec cat /dev/zero > \"$0\"")
        TerminalSafeOutputTests.expectOneSafeLine(
            result, status: 65,
            mentioning: ["holds more than 33,554,432 bytes (32 MiB), the most this program reads: use a sample"])
    }

    @Test("a symbolic link loop is named as one")
    func symbolicLinkLoop() throws {
        let folder = try Folder()
        let (one, two) = (
            folder.url.appendingPathComponent("a.csv").path, folder.url.appendingPathComponent("b.csv").path
        )
        #expect(symlink(two, one) == 0 && symlink(one, two) == 0)
        let result = try ExecutableUnderTest.run(["--headless", "--data", one])
        TerminalSafeOutputTests.expectOneSafeLine(
            result, status: 65, mentioning: ["cannot read file \"\(one)\": too many levels of symbolic links"])
    }

    @Test("a file in a folder that cannot be entered: permission denied", .enabled(if: geteuid() != 0))
    func unreadableFolder() throws {
        // Root enters any folder; the wording is checked by InputFileTests for everyone.
        let folder = try Folder()
        let locked = folder.url.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        let path = locked.appendingPathComponent("d.csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.xor)))
        #expect(chmod(locked.path, 0) == 0)
        defer { chmod(locked.path, 0o755) }
        let result = try ExecutableUnderTest.run(["--headless", "--data", path])
        TerminalSafeOutputTests.expectOneSafeLine(
            result, status: 65, mentioning: ["cannot read file \"\(path)\": permission denied"])
    }

    @Test("--hidden past the parameter limit is refused before anything is allocated (64)")
    func hugeHidden() throws {
        let folder = try Folder()
        let data = folder.file("xor.csv", Self.xor)
        for (hidden, count) in [("999999999", "3,999,999,997"), ("5000,5000", "25,025,001")] {
            let result = try ExecutableUnderTest.run(["--headless", "--data", data, "--hidden", hidden])
            TerminalSafeOutputTests.expectOneSafeLine(
                result, status: 64,
                mentioning: [
                    "the network would have \(count) parameters; the most is 1,000,000: give --hidden smaller sizes"
                ])
        }
    }

    @Test("the widest network the limits allow on XOR trains")
    func wideNetworkRuns() throws {
        let folder = try Folder()
        let data = folder.file("xor.csv", Self.xor)
        let (header, rows) = try ExecutableUnderTest.csvRows([
            "--data", data, "--hidden", "100000", "--steps", "2",
        ])
        #expect(header.hasPrefix("step,cost"))
        #expect(rows.count == 3)
    }

    @Test("a scenario file with more samples than the limit names the file (65)")
    func scenarioFileSamples() throws {
        let folder = try Folder()
        let rows = Array(repeating: "[1]", count: 100_001).joined(separator: ",")
        let path = folder.file("big.json", Array(#"{"x": [\#(rows)], "y": [\#(rows)], "w": [[1]]}"#.utf8))
        let result = try ExecutableUnderTest.run(["--headless", "--scenario", path])
        TerminalSafeOutputTests.expectOneSafeLine(
            result, status: 65,
            mentioning: ["scenario file \"\(path)\": there are 100,001 samples; the most is 100,000"])
    }
}
