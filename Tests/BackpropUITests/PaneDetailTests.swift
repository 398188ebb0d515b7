import BackpropCore
@testable import BackpropUI
import XCTest

/// Details of the panes that a QA pass found wrong once: the lr preview's verdicts, the too-small message, the title
/// line, the ASCII change marks and the status bar's cost.
final class PaneDetailTests: XCTestCase {
    /// The article's data through relu with negative weights: every a < 0, so every ŷ is 0, every
    /// gradient 0, and a step of any lr leaves C at exactly 2.
    private func deadRelu() -> AppState {
        let scenario = try! Scenario(
            inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
            weights: [[-0.1, -0.2], [-0.3, -0.4], [-0.5, -0.6]], learningRate: 10, activation: .relu)
        return AppState(scenario: scenario, scenarioName: "dead", size: Size(width: 80, height: 24))
    }

    func testLearningRatePreviewSaysNoChangeWhenTheCostStays() {
        var state = deadRelu()
        XCTAssertEqual(state.trainer.cost, 2)
        state.apply(.view(.toggleLearningRatePreview))
        // 80x24 has too few rows for the words: the marks alone, every rate in view.
        let compact = Frame.render(state).text
        XCTAssertEqual(
            compact.components(separatedBy: "2.0000 =").count - 1, LearningRateLadder.previewRates.count, compact)
        let screen = Frame.render(state, size: Size(width: 120, height: 40)).text
        XCTAssertTrue(screen.contains("2.0000000 = no change"), screen)
        XCTAssertFalse(screen.contains("lowers"), screen)
        XCTAssertFalse(screen.contains("raises"), screen)
    }

    func testLearningRateVerdicts() {
        typealias Verdict = LearningRatePreviewPane.Verdict
        XCTAssertEqual(Verdict(cost: 1, currentCost: 2), .lowers)
        XCTAssertEqual(Verdict(cost: 2, currentCost: 2), .same)
        XCTAssertEqual(Verdict(cost: 3, currentCost: 2), .raises)
        XCTAssertEqual(Verdict(cost: .infinity, currentCost: 2), .raises)
        XCTAssertEqual(Verdict(cost: .nan, currentCost: 2), .raises)
    }

    func testTooSmallMessageKeepsTheSizesAtEverySize() {
        for width in 1...79 {
            for height in 1...19 {
                let have = Size(width: width, height: height)
                let text = Frame.render(TestScenarios.seed(), size: have).text
                let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                let joined = lines.joined(separator: " ")
                if width >= "\(have)<80x20".count {
                    XCTAssertTrue(joined.contains("80x20"), "\(have): the needed size is lost in \(lines)")
                    XCTAssertTrue(joined.contains("\(have)"), "\(have): the current size is lost in \(lines)")
                }
                if height >= 2 && width >= "\(have) < 80x20".count {
                    XCTAssertTrue(joined.contains("q quits"), "\(have): \(lines)")
                }
            }
        }
        XCTAssertEqual(
            TooSmallMessage(have: Size(width: 20, height: 5), need: Layout.minimumSize).lines(
                for: Size(width: 20, height: 5)),
            ["terminal is 20x5;", "backprop-tui needs", "at least 80x20", "q quits"])
        XCTAssertEqual(
            TooSmallMessage(have: Size(width: 30, height: 3), need: Layout.minimumSize).lines(
                for: Size(width: 30, height: 3)),
            ["terminal 30x3 < 80x20", "q quits"])
        XCTAssertEqual(
            TooSmallMessage(have: Size(width: 60, height: 10), need: Layout.minimumSize).lines(
                for: Size(width: 60, height: 10)),
            ["terminal is 60x10;", "backprop-tui needs at least 80x20", "q quits"])
    }

    func testALongScenarioNameNeverRunsIntoHelp() {
        let name = "/home/teacher/class/2026/backprop-scenario-20261127-133655-2.json"
        for ascii in [false, true] {
            for width in [80, 100, 120] {
                var state = TestScenarios.seed(size: Size(width: width, height: 24))
                state.scenarioName = name
                state.options = RenderOptions(ascii: ascii)
                let title = String(Frame.render(state).text.split(separator: "\n")[0])
                XCTAssertTrue(title.hasSuffix(" ? help "), "\(width): \(title)")
                XCTAssertTrue(title.dropLast("? help ".count).hasSuffix(" "), "\(width): \(title)")
                XCTAssertTrue(
                    title.contains(" /home/") || title.contains(ascii ? " .../" : " …/"),
                    "the path is cut only at a slash: \(title)")
                XCTAssertTrue(
                    title.contains("/backprop-scenario-20261127-133655-2.json"), "the file name is kept: \(title)")
            }
        }
        // A short name is shown whole with every part.
        let seedTitle = String(Frame.render(TestScenarios.seed()).text.split(separator: "\n")[0])
        XCTAssertTrue(seedTitle.contains("preset seed · sigmoid · lr 0.1 · loss sse "), seedTitle)
    }

    func testAsciiChangeMarksAreNotSigns() {
        var state = AppState(
            scenario: Preset.seed.scenario, scenarioName: "seed", options: RenderOptions(ascii: true),
            size: Size(width: 80, height: 24))
        state.apply(.training(.step))
        let screen = Frame.render(state).text
        XCTAssertTrue(screen.contains("v"), screen)
        XCTAssertFalse(screen.contains("0-"), "a mark after a number reads as a sign: \(screen)")
        XCTAssertFalse(screen.contains("0+"), screen)
    }

    func testStatusBarCostHasExactlyTenSignificantDigits() {
        let cases: [(Double, String)] = [
            (1.22452059, "1.224520590"), (2, "2.000000000"), (1, "1.000000000"),
            (0.0027846224530159356, "0.002784622453"), (2.5025063503254145e-07, "2.502506350e-7"),
            (.nan, "NaN"), (.infinity, "inf"),
        ]
        for (cost, expected) in cases {
            XCTAssertEqual(statusCost(cost, wide: false), expected)
        }
        // Wide: every digit when ten are not all, at one width so the bar does not jump.
        XCTAssertEqual(statusCost(2, wide: true), "2.000000000".padding(toLength: 23, withPad: " ", startingAt: 0))
        XCTAssertEqual(
            statusCost(0.0027846224530159356, wide: true),
            "0.0027846224530159356".padding(toLength: 23, withPad: " ", startingAt: 0))
    }

    private func statusCost(_ cost: Double, wide: Bool) -> String {
        StatusBar.costText(cost, showsFullCost: wide)
    }

    func testADeadReluLayerGetsOneLineSayingSo() {
        var state = deadRelu()
        state.apply(.training(.step))
        let screen = Frame.render(state).text
        XCTAssertTrue(screen.contains("every gradient is 0: layer 1's relu is off for every sample (x resets)"), screen)
        // A message answering a key comes first; a live run never gets the line.
        state.apply(.training(.learningRateDown))
        XCTAssertFalse(Frame.render(state).text.contains("every gradient is 0"))
        XCTAssertFalse(Frame.render(TestScenarios.seed()).text.contains("every gradient is 0"))
    }

    func testTheLearningRatePreviewSaysDivergedRatherThanCostsFromInfinity() {
        var state = TestScenarios.diverging()
        state.apply(.training(.run))
        state.apply(.training(.advance(steps: 1_000_000)))
        XCTAssertTrue(state.hasDiverged)
        state.apply(.view(.toggleLearningRatePreview))
        let screen = Frame.render(state, size: Size(width: 120, height: 40)).text
        XCTAssertTrue(screen.contains("training diverged:") && screen.contains("no step to preview;"), screen)
        XCTAssertFalse(screen.contains("▼ lowers") || screen.contains("raises C"), screen)
    }
}
