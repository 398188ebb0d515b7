import BackpropCore
import Foundation
import Testing

/// The streaming writer behind `e` and `w`: a file gets its name only when whole, never over
/// another, and nothing is left when it is not finished, with `O_TMPFILE` or without it.
@Suite("new file")
struct NewFileTests {
    private func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    private func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test("a name taken 150 times over gets -151: presses are never refused for want of a number")
    func numbersPastNinetyNine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var paths: [String] = []
        for number in 1...151 {
            paths.append(try NewFileWriter.write("\(number)\n", folder: folder, base: "trace", ext: "csv"))
        }
        #expect(paths.first == "\(folder)/trace.csv")
        #expect(paths[98] == "\(folder)/trace-99.csv")
        #expect(paths[99] == "\(folder)/trace-100.csv")
        #expect(paths.last == "\(folder)/trace-151.csv")
        #expect(Set(paths).count == 151)
        #expect(try String(contentsOfFile: "\(folder)/trace-120.csv", encoding: .utf8) == "120\n")
        #expect(try names(in: folder).count == 151, "only the files, no temporary ones")
    }

    @Test("where the folder allows it the bytes have no name at all until commit", arguments: [1, 3_000_000])
    func anonymousUntilCommitted(byteCount: Int) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try NewFile(folder: folder, shownPath: "\(folder)/t.csv")
        #expect(file.storage == .anonymous, "this machine's temporary folder supports O_TMPFILE")
        let bytes = (0..<byteCount).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        try file.write(bytes)
        #expect(try names(in: folder) == [], "nothing is visible while the file is written")
        let path = try file.commit(base: "t", ext: "csv")
        #expect(path == "\(folder)/t.csv")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
        #expect(try names(in: folder) == ["t.csv"])
        #expect(!file.isOpen)
    }

    @Test("without O_TMPFILE a hidden temporary name holds the bytes, and becomes the final name")
    func namedTemporaryFallback() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try NewFile(folder: folder, shownPath: "\(folder)/t.csv", anonymous: false)
        guard case .temporaryName(let temporary) = file.storage else {
            Issue.record("the fallback was asked for: \(file.storage)")
            return
        }
        #expect(temporary.hasPrefix("\(folder)/.t.csv."), "hidden, and in the same folder so link works")
        try file.write("row 1\n")
        try file.write(Array(repeating: UInt8(ascii: "x"), count: 2_000_000))
        #expect(try names(in: folder) == [String(temporary.split(separator: "/").last!)])
        let path = try file.commit(base: "t", ext: "csv")
        #expect(try names(in: folder) == ["t.csv"], "the temporary name is gone")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 6 + 2_000_000)
    }

    @Test("a file discarded, or dropped unfinished, leaves nothing behind", arguments: [true, false])
    func discardedLeavesNothing(anonymous: Bool) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try NewFile(folder: folder, shownPath: "\(folder)/t.csv", anonymous: anonymous)
        try file.write(Array(repeating: UInt8(ascii: "x"), count: 3_000_000))
        file.discard()
        #expect(try names(in: folder) == [])
        #expect(throws: NewFileError.self, "a discarded file takes no more bytes") { try file.write("more") }
        do {
            let dropped = try NewFile(folder: folder, shownPath: "\(folder)/t.csv", anonymous: anonymous)
            try dropped.write("half a trace")
        }
        #expect(try names(in: folder) == [], "an unfinished file is removed when it is let go")
    }

    @Test("a symlink at the name is never followed, dangling or not: the file takes the next number")
    func symlinkAtTheName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = "\(folder)/elsewhere.csv"
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/t.csv", withDestinationPath: target)
        for anonymous in [true, false] {
            let file = try NewFile(folder: folder, shownPath: "\(folder)/t.csv", anonymous: anonymous)
            try file.write("mine\n")
            let path = try file.commit(base: "t", ext: "csv")
            #expect(path == "\(folder)/t-\(anonymous ? 2 : 3).csv")
        }
        #expect(!FileManager.default.fileExists(atPath: target), "nothing was written through the link")
        #expect(try names(in: folder) == ["t-2.csv", "t-3.csv", "t.csv"])
    }

    @Test("a folder that cannot take the file is an error naming the file asked for, not a temporary one")
    func missingFolder() throws {
        let folder = try temporaryFolder() + "/not-there"
        for anonymous in [true, false] {
            #expect {
                _ = try NewFile(folder: folder, shownPath: "\(folder)/a.csv", anonymous: anonymous)
            } throws: { error in
                (error as? NewFileError) == NewFileError(path: "\(folder)/a.csv", reason: "no such file or directory")
            }
        }
    }
}
