import BackpropCore
import Foundation
import Testing

/// `K` and `X` on the digits through the real binary, `--snapshot --keys`: the Confusion pane
/// counts every test sample once, `<` `>` walk its cell, and data that is not classes gets one
/// line saying why.
@Suite("--snapshot --keys: the Confusion pane and the wrong ones")
struct ClassViewSnapshotTests {
    /// The digits after 100 steps at `size`, with `keys`, in a UTF-8 locale (or `--ascii`).
    private func digits(keys: String, size: String = "80x24", ascii: Bool = false) throws -> ExecutableUnderTest.Result
    {
        try ExecutableUnderTest.run(
            ["--snapshot", "--preset", "digits", "--steps", "100", "--size", size, "--keys", keys]
                + (ascii ? ["--ascii"] : []),
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
    }

    /// The cell the Confusion pane's bottom edge names, its samples and the selected one's place.
    private func cell(_ result: ExecutableUnderTest.Result, arrow: String) throws -> (String, Int, Int) {
        let edge = try #require(
            result.lines.first { $0.contains(" samples, ") && $0.contains("walk them") }, "\(result.stdout)")
        let match = try #require(edge.firstMatch(of: /(\d \S+ \d): (\d+) samples?, (\d+)\//), "\(edge)")
        #expect(match.output.1.contains(arrow))
        return (String(match.output.1), Int(match.output.2)!, Int(match.output.3)!)
    }

    @Test(
        "K at 80x24 and 120x40, in Unicode and ASCII: ten rows of ten counts that add up to the test samples",
        arguments: [
            ("80x24", false), ("120x40", false), ("80x24", true), ("120x40", true),
        ])
    func confusionCountsEveryTestSample(size: String, ascii: Bool) throws {
        let result = try digits(keys: "K", size: size, ascii: ascii)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let (width, height) = (Int(size.split(separator: "x")[0])!, Int(size.split(separator: "x")[1])!)
        #expect(result.lines.count == height && result.lines.allSatisfy { $0.count == width })
        // The matrix's rows: a class digit, then ten counts, one in brackets.
        let rows = result.lines.compactMap { line -> [Int]? in
            guard let match = line.firstMatch(of: /\s(\d) ((?:\s*\[?\d+\]?){10})/) else { return nil }
            return match.output.2.split(separator: " ").compactMap { Int($0.filter(\.isNumber)) }
        }
        #expect(rows.count == 10 && rows.allSatisfy { $0.count == 10 }, "\(result.stdout)")
        #expect(rows.joined().reduce(0, +) == Preset.digits.scenario.split.test.count, "\(result.stdout)")
        let right = (0..<min(rows.count, 10)).reduce(0) { $0 + rows[$1][$1] }
        #expect(result.stdout.contains("\(right)/\(Preset.digits.scenario.split.test.count) right"), "\(result.stdout)")
        #expect(ascii == result.stdout.unicodeScalars.allSatisfy(\.isASCII))
    }

    @Test("> walks to the cell's next sample, < back, and the arrows move the cell")
    func walkTheCell() throws {
        let opened = try digits(keys: "K")
        let (name, count, first) = try cell(opened, arrow: "→")
        #expect(first == 1)
        let next = try cell(try digits(keys: "K>"), arrow: "→")
        #expect(next.0 == name && next.2 == (count > 1 ? 2 : 1))
        let back = try cell(try digits(keys: "K><"), arrow: "→")
        #expect(back.2 == 1)
        let moved = try digits(
            keys: "K<Up><Up><Up><Up><Up><Up><Up><Up><Up><Left><Left><Left><Left><Left><Left><Left><Left><Left>")
        #expect(moved.stdout.contains("0 → 0: "), "nine ups and lefts reach the corner: \(moved.stdout)")
        let closed = try digits(keys: "K<Esc>")
        #expect(!closed.stdout.contains("Confusion") && closed.stdout.contains("Inspector"))
    }

    @Test("K and X on targets that are numbers, not classes: one line says why, and the program goes on")
    func notClasses() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("numbers-\(UUID()).csv")
        try "x1,y\n0,0.25\n1,0.75\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        for (key, words) in [("K", "the Confusion pane needs"), ("X", "listing only the wrong ones needs")] {
            let result = try ExecutableUnderTest.run(["--snapshot", "--data", url.path, "--keys", key])
            #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
            let hint = try #require(result.lines.last)
            #expect(hint.contains(words), "\(result.stdout)")
        }
    }
}
