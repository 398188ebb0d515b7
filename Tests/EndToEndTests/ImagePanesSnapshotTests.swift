import BackpropCore
import Foundation
import Testing

/// The image panes as a class sees them, from the real binary: `--snapshot --preset digits
/// --keys m --ascii` at 80x24 draws the chosen sample as the data's pixels on the ink ramp,
/// names its label, and marks the network's pick; at 120x40 they show by themselves, and the
/// neurons' weight pictures differ after a few epochs.
@Suite("--snapshot: the image panes of the digits")
struct ImagePanesSnapshotTests {
    private static let ramp = Array(" .:-=+*#%@")

    /// The columns of `line` from `start` on, `count` of them (the screens are ASCII).
    private static func columns(_ line: String, _ start: Int, _ count: Int) -> String {
        String(Array(line).dropFirst(start).prefix(count))
    }

    @Test("at 80x24 after m: the sample's pixels on the ink ramp, its label, and the pick marked right or wrong")
    func sampleAtSmallSize() throws {
        let result = try ExecutableUnderTest.run([
            "--snapshot", "--preset", "digits", "--steps", "45", "--size", "80x24", "--ascii", "--keys", "m>>",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.lines
        #expect(lines.count == 24)
        let top = try #require(lines.firstIndex { $0.contains("+ Sample ") }, "\(result.stdout)")
        let title = try #require(lines[top].range(of: #"Sample (\d+) \| label (\d)"#, options: .regularExpression))
        let words = lines[top][title].split(separator: " ")
        let sample = try #require(Int(words[1])) - 1
        let digits = DigitImages.shipped
        #expect(Int(words[4]) == digits.labels[sample], "\(lines[top])")
        #expect(!result.stdout.contains("Inspector"), "the images take the inspector's place")
        // The picture, magnified twice: a pixel is two characters across and one row down.
        let left = try #require(lines[top].range(of: "+ Sample ")).lowerBound.utf16Offset(in: lines[top]) + 2
        for row in 0..<8 {
            let drawn = Self.columns(lines[top + 1 + row], left, 16)
            let expected = String(
                (0..<8).flatMap { column -> [Character] in
                    let level = min(9, Int(Double(digits.pixels[sample][row * 8 + column]) / 16 * 10))
                    return [Self.ramp[level], Self.ramp[level]]
                })
            #expect(drawn == expected, "row \(row) of sample \(sample + 1):\n\(result.stdout)")
        }
        // All ten classes, and the largest ŷ marked right or wrong.
        let bars = lines[(top + 1)...(top + 10)]
        #expect(bars.filter { $0.contains("< right") || $0.contains("< wrong") }.count == 1, "\(result.stdout)")
        #expect(bars.contains { $0.contains(" 9 #") })
    }

    @Test("at 120x40 they show by themselves, and the neurons' pictures are not those of step 0 after an epoch")
    func neuronsChange() throws {
        func neurons(steps: Int) throws -> [String] {
            let result = try ExecutableUnderTest.run([
                "--snapshot", "--preset", "digits", "--steps", "\(steps)", "--size", "120x40", "--ascii",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let top = try #require(result.lines.firstIndex { $0.contains("Layer 1 neurons (1-12 of 16)") })
            let left = try #require(result.lines[top].range(of: "+ Layer 1 neurons")).lowerBound.utf16Offset(
                in: result.lines[top])
            return (top...(top + 16)).map { Self.columns(result.lines[$0], left, 40) }
        }
        let start = try neurons(steps: 0)
        let trained = try neurons(steps: 45)
        #expect(start[1].contains("h[1]1") && start[1].contains("h[1]4"))
        #expect(start != trained, "\(start.joined(separator: "\n"))")
    }
}
