import BackpropUI
import Foundation
import XCTest

/// Compares a rendered frame with the golden text and style files beside the tests.
///
/// The goldens are what people see, so they change only on purpose: set
/// `BACKPROP_RECORD_GOLDEN=1` to write them again; otherwise a missing or different file fails.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["BACKPROP_RECORD_GOLDEN"] == "1" }

    static func assertMatches(_ canvas: Canvas, named name: String, file: StaticString = #filePath, line: UInt = #line)
    {
        check(canvas.text + "\n", path: directory.appendingPathComponent("\(name).txt"), file: file, line: line)
        check(
            canvas.styleText + "\n", path: directory.appendingPathComponent("\(name).styles.txt"), file: file,
            line: line)
        // Only frames with the input plane set backgrounds; theirs get a third file.
        let backgrounds = directory.appendingPathComponent("\(name).backgrounds.txt")
        if canvas.hasBackground || FileManager.default.fileExists(atPath: backgrounds.path) {
            check(canvas.backgroundText + "\n", path: backgrounds, file: file, line: line)
        }
    }

    private static func check(_ actual: String, path: URL, file: StaticString, line: UInt) {
        if isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            XCTAssertNoThrow(try actual.write(to: path, atomically: true, encoding: .utf8), file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: path, encoding: .utf8) else {
            XCTFail(
                "missing golden file \(path.lastPathComponent); record it with BACKPROP_RECORD_GOLDEN=1", file: file,
                line: line)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let row =
                zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let want = row < expectedLines.count ? String(expectedLines[row]) : "<none>"
            let got = row < actualLines.count ? String(actualLines[row]) : "<none>"
            XCTFail(
                "\(path.lastPathComponent) differs at row \(row + 1):\nexpected: \(want)\nactual:   \(got)", file: file,
                line: line)
        }
    }
}
