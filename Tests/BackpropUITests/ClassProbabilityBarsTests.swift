import BackpropCore
import Testing

@testable import BackpropUI

/// One sample's probabilities as bars: the picked class marked right or wrong, the label shown
/// when the pick is wrong, and no pick on a tie.
@Suite struct ClassProbabilityBarsTests {
    let context = PaneContext(
        glyphs: .unicode, number: NumberFormat(width: 7, decimals: 4), selection: .weight(layer: 0, row: 0, column: 0),
        sample: 0, walkPhase: nil)

    func lines(_ bars: ClassProbabilityBars, width: Int = 40, glyphs: Glyphs = .unicode) -> [String] {
        var canvas = Canvas(size: Size(width: width, height: bars.height))
        let context = PaneContext(
            glyphs: glyphs, number: self.context.number, selection: self.context.selection, sample: 0, walkPhase: nil)
        bars.draw(on: &canvas, in: Rect(x: 0, y: 0, width: width, height: bars.height), context: context)
        return canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
    }

    @Test func aRightPickIsMarkedRight() {
        let bars = ClassProbabilityBars(probabilities: [0.1, 0.7, 0.2], label: 1, names: ["0", "1", "2"])
        #expect(bars.predicted == 1 && bars.isRight == true)
        let text = lines(bars)
        #expect(text[1].hasSuffix("0.7000 ◂ right"), "\(text)")
        #expect(!text[0].contains("◂") && !text[2].contains("◂"), "\(text)")
    }

    @Test func aWrongPickIsMarkedWrongAndTheLabelShown() {
        let bars = ClassProbabilityBars(probabilities: [0.1, 0.7, 0.2], label: 2, names: ["0", "1", "2"])
        let text = lines(bars)
        #expect(text[1].hasSuffix("◂ wrong") && text[2].hasSuffix("◂ label"), "\(text)")
        let ascii = lines(bars, glyphs: .ascii)
        #expect(ascii[1].hasSuffix("< wrong") && ascii[1].contains("#"), "\(ascii)")
    }

    @Test func aTieOrANaNPicksNothing() {
        #expect(ClassVerdicts.largest(of: [0.5, 0.5, 0]) == nil)
        #expect(ClassVerdicts.largest(of: [0.9, .nan, 0]) == nil)
        let bars = ClassProbabilityBars(probabilities: [0.5, 0.5], label: 0, names: ["a", "b"])
        #expect(bars.isRight == false)
        #expect(lines(bars)[0].hasSuffix("◂ label"))
    }

    @Test func withoutALabelThePickIsNamed() {
        let bars = ClassProbabilityBars(probabilities: [0.2, 0.8], label: nil, names: ["0", "1"])
        #expect(lines(bars)[1].hasSuffix("◂ picked"))
    }

    @Test func barsGrowInEighthsAndASliverShowsAnything() {
        #expect(ClassProbabilityBars.bar(1, width: 4, ascii: false) == "████")
        #expect(ClassProbabilityBars.bar(0.5, width: 4, ascii: false) == "██  ")
        #expect(ClassProbabilityBars.bar(0.5 + 1 / 32, width: 4, ascii: false) == "██▏ ")
        #expect(ClassProbabilityBars.bar(0.001, width: 4, ascii: false) == "▏   ")
        #expect(ClassProbabilityBars.bar(0, width: 4, ascii: false) == "    ")
        #expect(ClassProbabilityBars.bar(0.001, width: 4, ascii: true) == "#   ")
        #expect(ClassProbabilityBars.bar(.nan, width: 3, ascii: true) == "   ")
    }
}
