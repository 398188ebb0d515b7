import Foundation
import Testing

/// `--snapshot` of a scenario file named in Chinese, from the real binary: every row of the
/// printed frame is as many terminal columns as the frame is wide, the name counted two
/// columns a character.
@Suite("--snapshot with a wide file name")
struct WideNameSnapshotTests {
    /// The columns `line` takes on a terminal, counted apart from the program's own measure:
    /// CJK ideographs two, everything else in these frames (ASCII, Greek, box drawing) one.
    private func columns(_ line: some StringProtocol) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
    }

    /// Runs `--snapshot` on a copy of the README's smallest scenario named 数据数据数据.json, by
    /// that name, in a fresh folder.
    private func snapshot(_ arguments: [String] = []) throws -> ExecutableUnderTest.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wide-name-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = #"{"x": [[1,2,3],[3,2,1]], "y": [[1,0],[0,1]], "w": [[0.1,0.2],[0.3,0.4],[0.5,0.6]]}"#
        try json.write(to: folder.appendingPathComponent("数据数据数据.json"), atomically: true, encoding: .utf8)
        return try ExecutableUnderTest.run(
            ["--scenario", "数据数据数据.json", "--snapshot"] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 }, in: folder)
    }

    @Test("at 80x24 the frame is the golden frame, every row 80 columns, the name whole in the title")
    func theFrameIsEightyColumnsWide() throws {
        let result = try snapshot()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.lines.count == 24)
        for (row, line) in result.lines.enumerated() {
            #expect(columns(line) == 80, "row \(row + 1): \(line)")
        }
        #expect(
            result.lines.first?.hasPrefix(" backprop-tui · 数据数据数据.json · sigmoid · lr 0.1 · loss sse  ") == true,
            "\(result.lines.first ?? "")")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BackpropUITests/Golden/wide-name-initial-80x24.txt")
        #expect(result.stdout == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test("at 120x40 every row is 120 columns")
    func theFrameIsAsWideAsAsked() throws {
        let result = try snapshot(["--size", "120x40"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 40)
        for (row, line) in result.lines.enumerated() {
            #expect(columns(line) == 120, "row \(row + 1): \(line)")
        }
        #expect(result.lines.first?.contains(" 数据数据数据.json ") == true, "\(result.lines.first ?? "")")
    }
}
