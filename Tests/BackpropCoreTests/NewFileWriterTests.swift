import BackpropCore
import Foundation
import Testing

/// The writer behind the interactive export and save: whole files, never over an existing one.
@Suite("new file writer")
struct NewFileWriterTests {
    private func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test("writes the text under the name, then -2, -3 when the name is taken; leaves no temporary file")
    func numbersInsteadOfOverwriting() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try NewFileWriter.write("one\n", folder: folder, base: "trace", ext: "csv")
        let second = try NewFileWriter.write("two\n", folder: folder, base: "trace", ext: "csv")
        let third = try NewFileWriter.write("three\n", folder: folder, base: "trace", ext: "csv")
        #expect(first == "\(folder)/trace.csv")
        #expect(second == "\(folder)/trace-2.csv")
        #expect(third == "\(folder)/trace-3.csv")
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "one\n", "the first file was overwritten")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == "two\n")
        #expect(try String(contentsOfFile: third, encoding: .utf8) == "three\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["trace-2.csv", "trace-3.csv", "trace.csv"], "a temporary file was left behind: \(names)")
    }

    @Test("a folder that does not exist is an error that names the path and the reason")
    func missingFolder() throws {
        let folder = try temporaryFolder() + "/not-there"
        #expect(throws: NewFileError.self) {
            try NewFileWriter.write("x", folder: folder, base: "a", ext: "json")
        }
        do {
            _ = try NewFileWriter.write("x", folder: folder, base: "a", ext: "json")
        } catch {
            #expect(error.description.contains("no such file or directory"), "\(error)")
            // The file asked for, not the hidden temporary name it is written under first.
            #expect(error.path == folder + "/a.json", "\(error)")
        }
    }
}
