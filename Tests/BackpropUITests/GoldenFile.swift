import BackpropUI
import Foundation
import Testing
import XCTest

/// Compares a rendered frame with the golden text and style files beside the tests.
///
/// The goldens are what people see, so they change only on purpose: set
/// `BACKPROP_RECORD_GOLDEN=1` to write them again; otherwise a missing or different file fails.
/// XCTest cases call `assertMatches`, Swift Testing tests `expectMatches`: the same files, the
/// same switch, the same messages.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["BACKPROP_RECORD_GOLDEN"] == "1" }

    /// Fails the running XCTest case for each golden file of `name` that `canvas` does not match.
    static func assertMatches(_ canvas: Canvas, named name: String, file: StaticString = #filePath, line: UInt = #line)
    {
        for problem in problems(canvas, named: name) { XCTFail(problem, file: file, line: line) }
    }

    /// Records an issue in the running Swift Testing test for each golden file of `name` that
    /// `canvas` does not match.
    static func expectMatches(
        _ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for problem in problems(canvas, named: name) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }

    /// What is wrong with `canvas` against the golden files of `name`, one message a file; none
    /// when it matches them all. When recording, writes the files instead.
    static func problems(_ canvas: Canvas, named name: String) -> [String] {
        var problems: [String] = []
        problems += check(canvas.text + "\n", path: directory.appendingPathComponent("\(name).txt"))
        problems += check(canvas.styleText + "\n", path: directory.appendingPathComponent("\(name).styles.txt"))
        // Only frames with the input plane set backgrounds; theirs get a third file.
        let backgrounds = directory.appendingPathComponent("\(name).backgrounds.txt")
        if canvas.hasBackground || FileManager.default.fileExists(atPath: backgrounds.path) {
            problems += check(canvas.backgroundText + "\n", path: backgrounds)
        }
        return problems
    }

    private static func check(_ actual: String, path: URL) -> [String] {
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: path, atomically: true, encoding: .utf8)
                return []
            } catch {
                return ["could not record golden file \(path.lastPathComponent): \(error)"]
            }
        }
        guard let expected = try? String(contentsOf: path, encoding: .utf8) else {
            return ["missing golden file \(path.lastPathComponent); record it with BACKPROP_RECORD_GOLDEN=1"]
        }
        guard expected != actual else { return [] }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let row =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let want = row < expectedLines.count ? String(expectedLines[row]) : "<none>"
        let got = row < actualLines.count ? String(actualLines[row]) : "<none>"
        return ["\(path.lastPathComponent) differs at row \(row + 1):\nexpected: \(want)\nactual:   \(got)"]
    }
}
