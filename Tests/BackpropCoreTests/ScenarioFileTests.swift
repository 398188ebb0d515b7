import BackpropCore
import Foundation
import Testing

/// `Scenario.load(path:)`: every way a file can fail gets one line naming the path.
@Suite struct ScenarioFileTests {
    /// A fresh folder per test, removed afterwards (tests run in parallel).
    final class TemporaryFolder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "BackpropCoreTests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func file(_ name: String, contents: String) throws -> String {
            let path = url.appendingPathComponent(name).path
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    static let runningAsRoot = getuid() == 0

    static func rejects(
        _ path: String, as expected: ScenarioError, mentioning fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: ScenarioError.self, sourceLocation: sourceLocation) {
            try Scenario.load(path: path)
        }
        guard let error else { return }
        #expect(error == expected, sourceLocation: sourceLocation)
        ScenarioValidationTests.expectOneLine(
            error.description, mentioning: [path] + fragments, sourceLocation: sourceLocation)
    }

    @Test func aValidFileLoads() throws {
        let folder = try TemporaryFolder()
        let path = try folder.file("seed.json", contents: Preset.seed.scenario.jsonText())
        #expect(try Scenario.load(path: path) == Preset.seed.scenario)
    }

    @Test func aMissingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("nowhere.json").path
        Self.rejects(path, as: .fileMissing(path: path), mentioning: ["does not exist"])
    }

    @Test func aFolder() throws {
        let folder = try TemporaryFolder()
        Self.rejects(folder.url.path, as: .fileIsDirectory(path: folder.url.path), mentioning: ["folder"])
    }

    @Test(arguments: ["", "   \n\t\n"])
    func anEmptyFile(contents: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.file("empty.json", contents: contents)
        Self.rejects(path, as: .fileEmpty(path: path), mentioning: ["empty"])
    }

    @Test(arguments: [
        ("x = [[1, 2, 3]]", "line 1, column 1: expected a value (a number, a string, a list or an object), found 'x'"),
        ("{\"x\": [[1, 2, 3]]", "line 1, column 18: expected ',' or '}', found the end of the document"),
        ("\u{FEFF}{", "line 1, column 2: expected a key in double quotes, found the end of the document"),
    ])
    func aFileThatIsNotJSON(contents: String, detail: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.file("broken.json", contents: contents)
        Self.rejects(path, as: .notJSON(path: path, detail: detail), mentioning: ["not valid JSON", detail])
    }

    @Test func errorsInsideAFileNameTheField() throws {
        let folder = try TemporaryFolder()
        let path = try folder.file("typo.json", contents: ScenarioValidationTests.json(more: "\"learning_rate\": 1"))
        let error = #expect(throws: ScenarioError.self) { try Scenario.load(path: path) }
        #expect(error == ScenarioValidationTests.at(1, 97, .unknownKey("learning_rate"), path: path))
    }

    /// chmod 000 only stops a reader who is not root; as root the file reads fine, so the test
    /// could not fail and is skipped rather than pretending.
    @Test(.disabled(if: runningAsRoot, "running as root, which reads a chmod 000 file anyway"))
    func aFileWithoutReadPermission() throws {
        let folder = try TemporaryFolder()
        let path = try folder.file("secret.json", contents: Preset.seed.scenario.jsonText())
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        Self.rejects(
            path, as: .fileUnreadable(path: path, reason: "permission denied"),
            mentioning: ["cannot read", "permission denied"])
    }

    /// A file that exists but cannot be read even by root: Linux refuses to read offset 0 of a
    /// process's memory. This keeps the unreadable path tested when the test above is skipped.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem"), "needs Linux's /proc"))
    func aFileThatFailsToRead() {
        let path = "/proc/self/mem"
        let error = #expect(throws: ScenarioError.self) { try Scenario.load(path: path) }
        guard case .fileUnreadable(let errorPath, _) = error else {
            Issue.record("expected fileUnreadable, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        ScenarioValidationTests.expectOneLine(error?.description ?? "", mentioning: ["cannot read", path])
    }
}
