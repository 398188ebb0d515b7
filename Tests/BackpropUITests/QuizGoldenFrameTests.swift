import BackpropCore
import BackpropUI
import XCTest

/// The quiz as the class sees it, characters and styles: the question waiting at 80x24 (the
/// asked gradient a `?` in the layer pane), the verdict with the inspector's lines at 120x40,
/// and on the 2-3-1 network in ASCII the error sent back to a hidden neuron, answered wrong.
final class QuizGoldenFrameTests: XCTestCase {
    private func press(_ keys: String, on state: inout AppState) {
        try! KeySequence(parsing: keys).press(on: &state)
    }

    func testTheQuestionWaits() {
        var state = AppState(scenario: Preset.seed.scenario, scenarioName: "seed")
        press("t+<Enter>t0.0", on: &state)
        let canvas = Frame.render(state)
        XCTAssertTrue(canvas.text.contains("Quiz · question 2 · score 1/1"), canvas.text)
        GoldenFile.assertMatches(canvas, named: "quiz-seed-asking-step1-80x24")
    }

    func testTheAnswerRevealed() {
        var state = AppState(
            scenario: Preset.seed.scenario, scenarioName: "seed", size: Size(width: 120, height: 40))
        press("<Down>t0.45<Enter>", on: &state)
        let canvas = Frame.render(state)
        XCTAssertTrue(canvas.text.contains("right: ∂C/∂ω21 = 0.4733474; you said 0.45, off by"), canvas.text)
        GoldenFile.assertMatches(canvas, named: "quiz-seed-omega21-right-120x40")
    }

    func testTheErrorSentBackAnsweredWrongInAscii() {
        var state = AppState(
            scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden", options: RenderOptions(ascii: true))
        state.apply(.training(.advance(steps: 200)))
        press("<gt>t<S-Tab>+<Enter>", on: &state)
        let canvas = Frame.render(state)
        XCTAssertTrue(canvas.text.unicodeScalars.allSatisfy(\.isASCII))
        XCTAssertTrue(canvas.text.contains("wrong: e[1]1 of sample 2 = "), canvas.text)
        GoldenFile.assertMatches(canvas, named: "quiz-xor-hidden-ascii-error-step201-80x24")
    }
}
