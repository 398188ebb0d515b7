import Foundation
import Glibc
import Testing

@testable import BackpropCore

/// `InputFile`: what is refused before reading (not a file or a pipe, larger than the limit),
/// a pipe read in chunks up to the limit, and reasons that say what is wrong.
@Suite("input files")
struct InputFileTests {
    /// A fresh folder per test, removed afterwards (tests run in parallel).
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("InputFile-\(UUID())")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit {
            chmod(url.path, 0o755)
            try? FileManager.default.removeItem(at: url)
        }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    @Test("a character device is refused before it is read, for data and scenarios alike")
    func characterDevice() {
        for path in ["/dev/zero", "/dev/null"] {
            let refusal = ScenarioError.notAFile(path: path, kind: "a character device")
            #expect(throws: refusal) { try DataTable.load(path: path) }
            #expect(throws: refusal) { try Scenario.load(path: path) }
        }
        ScenarioValidationTests.expectOneLine(
            ScenarioError.notAFile(path: "/dev/zero", kind: "a character device").description,
            mentioning: ["\"/dev/zero\" is a character device, not a file"])
    }

    @Test("a regular file is read up to the limit and refused past it, by its size")
    func regularFileLimit() throws {
        let folder = try Folder()
        let path = folder.path("ten")
        try Data(repeating: 65, count: 10).write(to: URL(fileURLWithPath: path))
        #expect(try InputFile.read(path, limit: 10) == Data(repeating: 65, count: 10))
        #expect(throws: ScenarioError.fileTooLarge(path: path, bytes: 10, limit: 9)) {
            try InputFile.read(path, limit: 9)
        }
    }

    @Test("a sparse file larger than 32 MiB is refused without being read")
    func sparseFile() throws {
        let folder = try Folder()
        let path = folder.path("huge.csv")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(Limits.inputFileBytes) * 4)
        try handle.close()
        let error = #expect(throws: ScenarioError.self) { try DataTable.load(path: path) }
        #expect(error == .fileTooLarge(path: path, bytes: Limits.inputFileBytes * 4, limit: Limits.inputFileBytes))
        ScenarioValidationTests.expectOneLine(
            error?.description ?? "",
            mentioning: ["is 134,217,728 bytes; the most this program reads is 33,554,432 bytes (32 MiB)"])
    }

    @Test("a pipe is read whole up to the limit, and refused as soon as more arrives")
    func pipe() throws {
        let folder = try Folder()
        let path = folder.path("fifo")
        #expect(mkfifo(path, 0o600) == 0)
        for (size, limit) in [(100_000, 100_000), (100_001, 100_000)] {
            let bytes = Data((0..<size).map { UInt8($0 % 251) })
            // The writer waits for the reader to open the FIFO, then writes all it can.
            let writer = Thread {
                guard let handle = FileHandle(forWritingAtPath: path) else { return }
                _ = try? handle.write(contentsOf: bytes)
                try? handle.close()
            }
            writer.start()
            if size <= limit {
                #expect(try InputFile.read(path, limit: limit) == bytes)
            } else {
                #expect(throws: ScenarioError.fileTooLarge(path: path, bytes: nil, limit: limit)) {
                    try InputFile.read(path, limit: limit)
                }
            }
            while writer.isExecuting { usleep(1000) }
        }
        ScenarioValidationTests.expectOneLine(
            ScenarioError.fileTooLarge(path: path, bytes: nil, limit: Limits.inputFileBytes).description,
            mentioning: ["holds more than 33,554,432 bytes (32 MiB), the most this program reads"])
    }

    @Test("a symbolic link loop says so, not that the file does not exist")
    func symbolicLinkLoop() throws {
        let folder = try Folder()
        let (one, two) = (folder.path("one.csv"), folder.path("two.csv"))
        #expect(symlink(two, one) == 0 && symlink(one, two) == 0)
        let error = #expect(throws: ScenarioError.self) { try DataTable.load(path: one) }
        guard case .fileUnreadable(one, let reason) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("too many levels of symbolic links"))
    }

    @Test("symbolic links are followed, as before; a dangling one is a missing file")
    func symbolicLinks() throws {
        let folder = try Folder()
        try "x,y\n1,0\n".write(toFile: folder.path("real.csv"), atomically: true, encoding: .utf8)
        #expect(symlink(folder.path("real.csv"), folder.path("link.csv")) == 0)
        #expect(try DataTable.load(path: folder.path("link.csv")).inputs == [[1]])
        #expect(symlink(folder.path("gone.csv"), folder.path("dangling.csv")) == 0)
        #expect(throws: ScenarioError.fileMissing(path: folder.path("dangling.csv"))) {
            try DataTable.load(path: folder.path("dangling.csv"))
        }
    }

    @Test("a file in a folder that cannot be entered: permission denied")
    func unreadableFolder() throws {
        // The wording is the mapping's; root enters any folder, so the file system case only
        // runs for other users.
        #expect(InputFile.reason(for: EACCES).hasPrefix("permission denied; check the permissions"))
        #expect(
            InputFile.failure(path: "f.csv", errno: EACCES)
                == .fileUnreadable(path: "f.csv", reason: InputFile.reason(for: EACCES)))
        #expect(InputFile.failure(path: "f.csv", errno: ENOENT) == .fileMissing(path: "f.csv"))
        #expect(InputFile.reason(for: EIO) == String(cString: strerror(EIO)).lowercased())
        guard geteuid() != 0 else { return }
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.path("locked"), withIntermediateDirectories: false)
        try "x,y\n1,0\n".write(toFile: folder.path("locked/d.csv"), atomically: true, encoding: .utf8)
        #expect(chmod(folder.path("locked"), 0) == 0)
        defer { chmod(folder.path("locked"), 0o755) }
        let error = #expect(throws: ScenarioError.self) { try DataTable.load(path: folder.path("locked/d.csv")) }
        #expect(error == .fileUnreadable(path: folder.path("locked/d.csv"), reason: InputFile.reason(for: EACCES)))
    }
}
