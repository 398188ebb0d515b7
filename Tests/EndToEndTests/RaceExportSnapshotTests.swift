import Foundation
import Testing

/// `e` during a race writes the run on screen (the first runner), and the message says whose
/// run it is and that the others are not in it.
@Suite("e during a race")
struct RaceExportSnapshotTests {
    @Test("--compare sgd,momentum,adam then e: sgd's rows, named in the message and the file")
    func exportNamesTheRunner() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ExecutableUnderTest.run(
            [
                "--snapshot", "--size", "120x40", "--preset", "xor-hidden", "--compare", "sgd,momentum,adam",
                "--steps", "5", "--keys", "e",
            ], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 1)
        let message = try #require(result.lines.last)
        #expect(
            message.contains("sgd's steps 0-5 (6 rows) exported, not momentum's or adam's, to ./\(names[0])"),
            "\(message)")
        let rows = try String(contentsOf: folder.appendingPathComponent(names[0]), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        #expect(rows.count == 6)
        #expect(rows.allSatisfy { $0.contains(",sgd,") })
    }
}
