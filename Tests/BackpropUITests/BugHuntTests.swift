import BackpropCore
import Testing

@testable import BackpropUI

/// A bug hunt on screen: the title says "bug hunt" and never which, the gradient check marks the
/// broken rows and names their layers, `t` asks "which bug?" first and its verdict shows the
/// program's wrong line beside the right one; golden frames of both at 80x24 and 120x40.
@Suite("bug hunt: --bug on screen")
struct BugHuntTests {
    private static let sizes = [(Size(width: 80, height: 24), "80x24"), (Size(width: 120, height: 40), "120x40")]

    private func hunt(_ bug: PlantedBug, size: Size = Size(width: 120, height: 40)) -> AppState {
        AppState(
            trainer: Trainer(scenario: Preset.xorHidden.scenario, bug: bug), scenarioName: "xor-hidden", size: size)
    }

    private func press(_ keys: String, on state: inout AppState) {
        try! KeySequence(parsing: keys).press(on: &state)
    }

    @Test("the title says bug hunt, never which")
    func title() {
        for bug in PlantedBug.allCases where bug.canShow(in: Preset.xorHidden.scenario) {
            let text = Frame.render(hunt(bug), size: Size(width: 120, height: 40)).text
            let title = text.split(separator: "\n").first.map(String.init) ?? ""
            #expect(title.contains("bug hunt"), "\(title)")
            #expect(!text.contains(bug.rawValue), "\(bug)")
        }
        let plain = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden")
        #expect(!Frame.render(plain, size: Size(width: 80, height: 24)).text.contains("bug hunt"))
    }

    @Test(
        "c marks the rows of the layers a bug breaks, and the bottom edge names them",
        arguments: [
            (PlantedBug.sign, "wrong in layer 2"), (.noBias, "wrong in layers 1 and 2"),
            (.updatedWeights, "wrong in layer 1"),
        ])
    func checkNamesTheLayers(bug: PlantedBug, note: String) {
        // Room for all 13 rows of xor-hidden's check.
        let size = Size(width: 200, height: 60)
        var state = hunt(bug, size: size)
        state.apply(.view(.toggleGradientCheck))
        let text = Frame.render(state, size: size).text
        #expect(text.contains(note), "\(text)")
        #expect(text.contains("✗"))
    }

    @Test(
        "at 80x24, where the check shows 4 of xor-hidden's 13 rows, the note still names every layer the bug breaks",
        arguments: [
            (PlantedBug.sign, "wrong in layer 2"), (.noBias, "wrong in layers 1 and 2"),
            (.noDerivative, "wrong in layers 1 and 2"), (.updatedWeights, "wrong in layer 1"),
        ])
    func checkNamesLayersOutOfView(bug: PlantedBug, note: String) {
        let size = Size(width: 80, height: 24)
        var state = hunt(bug, size: size)
        state.apply(.view(.toggleGradientCheck))
        let text = Frame.render(state, size: size).text
        // The window shows layer 1's first rows only (the selection is ω¹11): no layer 2 row
        // is shown marked, so a note naming layer 2 was read from rows out of view.
        #expect(text.contains("1-4 of 13") && !text.contains("✗ω²") && !text.contains("✗b²"), "\(text)")
        #expect(text.contains(note), "\(text)")
    }

    @Test("a right backprop marks no row")
    func rightMarksNothing() {
        var state = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden")
        state.apply(.view(.toggleGradientCheck))
        let text = Frame.render(state, size: Size(width: 120, height: 40)).text
        #expect(!text.contains("✗") && !text.contains("wrong in layer"), "\(text)")
    }

    @Test("ASCII and no colour still mark the rows: ! before the name")
    func asciiMark() {
        var state = AppState(
            trainer: Trainer(scenario: Preset.xorHidden.scenario, bug: .noBias), scenarioName: "xor-hidden",
            options: RenderOptions(ascii: true, color: false), size: Size(width: 200, height: 60))
        state.apply(.view(.toggleGradientCheck))
        let text = Frame.render(state, size: Size(width: 200, height: 60)).text
        #expect(text.contains("!b"), "\(text)")
    }

    @Test("t asks which bug first; Tab reaches the step's questions")
    func asksWhichBugFirst() {
        var state = hunt(.transpose)
        press("t", on: &state)
        #expect(state.quiz?.question == .whichBug(.transpose))
        press("<Tab>", on: &state)
        #expect(state.quiz?.question == .gradient(.weight(layer: 0, row: 0, column: 0)))
    }

    @Test("an answer by number or name is judged and counted, no step taken; nonsense is refused")
    func answers() {
        var right = hunt(.noBias)
        press("t3<Enter>", on: &right)
        #expect(right.quiz?.verdict?.isRight == true)
        #expect(right.quizScore.text == "1/1")
        #expect(right.trainer.stepCount == 0)
        var byName = hunt(.noBias)
        press("tNo_Bias<Enter>", on: &byName)
        #expect(byName.quiz?.verdict?.isRight == true)
        var wrong = hunt(.noBias)
        press("tsign<Enter>", on: &wrong)
        #expect(wrong.quiz?.verdict?.isRight == false)
        #expect(wrong.quizScore.text == "0/1")
        var nonsense = hunt(.noBias)
        press("t9<Enter>", on: &nonsense)
        #expect(nonsense.quiz?.isAsking == true)
        #expect(nonsense.message?.text.contains("1 to 6") == true, "\(nonsense.message as Any)")
    }

    @Test("golden frames: the check with marks, the question and the verdict")
    func goldens() {
        for (size, suffix) in Self.sizes {
            // b¹1 selected: the check's rows around it hold the first marked one.
            var check = hunt(.noBias, size: size)
            press("<Down><Down>c", on: &check)
            GoldenFile.expectMatches(Frame.render(check, size: size), named: "bug-hunt-no-bias-check-\(suffix)")
            var asking = hunt(.updatedWeights, size: size)
            press("t", on: &asking)
            GoldenFile.expectMatches(Frame.render(asking, size: size), named: "bug-hunt-which-bug-\(suffix)")
            var revealed = hunt(.updatedWeights, size: size)
            press("t2<Enter>", on: &revealed)
            let text = Frame.render(revealed, size: size).text
            #expect(text.contains("wrong: you said no-derivative"), "\(text)")
            GoldenFile.expectMatches(
                Frame.render(revealed, size: size), named: "bug-hunt-which-bug-wrong-\(suffix)")
        }
    }
}
