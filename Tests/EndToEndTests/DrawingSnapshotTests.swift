import Foundation
import Testing

/// Drawing a digit through `--snapshot --keys`, from the real binary: the drawn digit changes
/// the probabilities, and a drawing added as a sample is taken out again by `b`.
@Suite("--snapshot --keys: drawing a digit")
struct DrawingSnapshotTests {
    /// The keys that draw `rows` (8 strings of 8: `#` full ink, `+` light, anything else none)
    /// with the arrows and Space from the cursor's start (column 4, row 4), row by row.
    static func keys(drawing rows: [String]) -> String {
        var keys = "D" + String(repeating: "<Up>", count: 3) + String(repeating: "<Left>", count: 3)
        for (r, row) in rows.enumerated() {
            let columns = Array(row)
            // Back and forth, so the cursor never has to go back across the row.
            let order = r % 2 == 0 ? Array(0..<8) : Array((0..<8).reversed())
            for (i, c) in order.enumerated() {
                if i > 0 { keys += r % 2 == 0 ? "<Right>" : "<Left>" }
                if columns[c] == "#" { keys += "<Space>" }
                if columns[c] == "+" { keys += "." }
            }
            if r < rows.count - 1 { keys += "<Down>" }
        }
        return keys
    }

    static let one = ["...##...", "..###...", ".####...", "...##...", "...##...", "...##...", "...##...", ".######."]
    static let zero = ["..####..", ".##..##.", ".#....#.", ".#....#.", ".#....#.", ".#....#.", ".##..##.", "..####.."]

    private func snapshot(_ arguments: [String]) throws -> ExecutableUnderTest.Result {
        try ExecutableUnderTest.run(
            ["--snapshot", "--preset", "digits"] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
    }

    /// The class the drawing's bars mark picked: the last one-digit word before `◂ picked`
    /// (the words between are its bar and its ŷ).
    private func picked(_ result: ExecutableUnderTest.Result) -> Int? {
        guard let line = result.lines.first(where: { $0.contains("◂ picked") }),
            let range = line.range(of: "◂ picked")
        else { return nil }
        return line[..<range.lowerBound].split(separator: " ").last { $0.count == 1 && Int($0) != nil }
            .flatMap { Int($0) }
    }

    @Test("after training, a drawn 1 is picked as 1 and a drawn 0 as 0: the drawing changes ŷ")
    func drawnDigitChangesProbabilities() throws {
        let one = try snapshot(["--steps", "300", "--keys", Self.keys(drawing: Self.one)])
        let zero = try snapshot(["--steps", "300", "--keys", Self.keys(drawing: Self.zero)])
        #expect(one.status == 0 && zero.status == 0, "\(one.stderr)\(zero.stderr)")
        #expect(one.stdout.contains("Drawing 8x8"), "\(one.stdout)")
        #expect(picked(one) == 1, "\(one.stdout)")
        #expect(picked(zero) == 0, "\(zero.stdout)")
        // The same network, other pixels: other numbers in the bars.
        let blank = try snapshot(["--steps", "300", "--keys", "D"])
        #expect(blank.stdout.contains("Drawing 8x8"))
        let lines = { (result: ExecutableUnderTest.Result) in result.lines.filter { $0.contains("picked") } }
        #expect(lines(one) != lines(zero))
        #expect(lines(one) != lines(blank))
    }

    @Test("clicks paint and erase as the keys do")
    func clicks() throws {
        // At 80x24 the canvas's pixel (0, 0) is at column 3, row 14 of the screen (1-based): the
        // title, the layer pane's 5 rows, the predictions' 6 and the drawing's top border above.
        let painted = try snapshot(["--keys", "D<Click 3 14><Click 5 15>"])
        let keyed = try snapshot(["--keys", "D<Up><Up><Up><Left><Left><Left><Space><Down><Right><Space>"])
        #expect(painted.status == 0, "\(painted.stderr)")
        let drawingLines = { (result: ExecutableUnderTest.Result) in
            result.lines.drop { !$0.contains("Drawing 8x8") }.prefix(9).map { $0 }
        }
        #expect(drawingLines(painted) == drawingLines(keyed), "\(painted.stdout)\n\(keyed.stdout)")
        let erased = try snapshot(["--keys", "D<Click 3 14><Click 5 15><RightClick 5 15><RightClick 3 14>"])
        // The last right click left the cursor on pixel (0, 0).
        let blank = try snapshot(["--keys", "D<Up><Up><Up><Left><Left><Left>"])
        #expect(drawingLines(erased) == drawingLines(blank), "\(erased.stdout)")
    }

    @Test("Enter and a class add the drawing as a sample; b takes it out again")
    func addAndTakeOut() throws {
        let draw = Self.keys(drawing: Self.one)
        let added = try snapshot(["--steps", "20", "--keys", draw + "<Enter>1<Enter>"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("added as sample 1798, class 1; b takes it out"), "\(added.stdout)")
        #expect(added.stdout.contains("/1439 right"), "1,438 training samples and the drawing: \(added.stdout)")
        let back = try snapshot(["--steps", "20", "--keys", draw + "<Enter>1<Enter>b"])
        #expect(back.stdout.contains("took the drawn sample out: back to 1,797 samples at step 20"), "\(back.stdout)")
        #expect(back.stdout.contains("/1438 right"))
        // b put back the run exactly: the frame is the one before the add, but for the message.
        let before = try snapshot(["--steps", "20", "--keys", draw])
        let withoutHint = { (result: ExecutableUnderTest.Result) in result.lines.dropLast() }
        #expect(withoutHint(back) == withoutHint(before), "\(back.stdout)\n\(before.stdout)")
    }

    @Test("a bad click is one line saying how to write one, and exit status 64")
    func badClick() throws {
        let result = try snapshot(["--keys", "D<Click 0 3>"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let message = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(message.hasPrefix("backprop-tui: "), "\(message)")
        #expect(message.contains("<Click c r>"), "\(message)")
    }

    @Test("D on data that is not pictures says so on the hint line")
    func refused() throws {
        let result = try ExecutableUnderTest.run(
            ["--snapshot", "--keys", "D"],
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
        #expect(result.status == 0)
        #expect(result.lines.last?.contains("D draws a picture for data that is pictures") == true, "\(result.stdout)")
    }
}
