import BackpropCore
import Foundation
@testable import BackpropUI
import Testing

/// Drawing a digit (`D`): the canvas's keys as reducers, the label that adds the drawing as a
/// sample, and `b` taking it out again bit for bit.
@Suite("drawing a digit")
struct DrawingTests {
    /// `state` with a canvas open.
    private func drawing(_ state: AppState = PictureScenarios.tiny()) -> AppState {
        var state = state
        state.apply(.drawing(.toggle))
        return state
    }

    @Test("D opens a blank canvas of the pictures' shape, the cursor in the middle")
    func opens() {
        let state = PictureScenarios.tiny()
        assertUpdate(state, .drawing(.toggle)) {
            $0.drawing = DrawingCanvas(shape: ImageShape(width: 3, height: 2)!)
        }
        #expect(DrawingCanvas(shape: ImageShape(width: 8, height: 8)!).cursor == DrawingPixel(column: 3, row: 3))
    }

    @Test("D on data that is not pictures, or not one-hot classes, says why and opens nothing")
    func refused() throws {
        let seed = TestScenarios.seed()
        let after = assertUpdate(seed, .drawing(.toggle)) {
            $0.message = StatusMessage(try #require(seed.drawingRefusal), kind: .error)
        }
        #expect(after.message?.text.contains("pictures") == true)
        // Pictures whose targets are not classes: a 4-pixel picture with one number to fit.
        var scenario = try Scenario(
            inputs: [[0, 1, 1, 0], [1, 0, 0, 1]], targets: [[0.3], [0.7]], weights: [[0.1], [0.2], [0.3], [0.4]],
            activation: .linear, loss: .mse)
        try scenario.setImage(ImageShape(width: 2, height: 2))
        let regression = AppState(scenario: scenario, scenarioName: "regression")
        let refusedAgain = assertUpdate(regression, .drawing(.toggle)) {
            $0.message = StatusMessage(try #require(regression.drawingRefusal), kind: .error)
        }
        #expect(refusedAgain.message?.text.contains("one-hot") == true)
    }

    @Test("D or Esc leaves; the drawing is dropped")
    func leaves() {
        var state = drawing()
        state.apply(.drawing(.paintAtCursor(.full)))
        assertUpdate(state, .drawing(.toggle)) { $0.drawing = nil }
        assertUpdate(state, .drawing(.leave)) { $0.drawing = nil }
    }

    @Test("the arrows move the cursor one pixel and stop at the edges")
    func cursor() {
        var state = drawing()
        #expect(state.drawing?.cursor == DrawingPixel(column: 1, row: 0))
        state = assertUpdate(state, .drawing(.moveCursor(.up)))
        state = assertUpdate(state, .drawing(.moveCursor(.right))) { $0.drawing?.move(.right) }
        #expect(state.drawing?.cursor == DrawingPixel(column: 2, row: 0))
        state = assertUpdate(state, .drawing(.moveCursor(.right)))
        state.apply(.drawing(.moveCursor(.down)))
        state.apply(.drawing(.moveCursor(.down)))
        #expect(state.drawing?.cursor == DrawingPixel(column: 2, row: 1))
        for _ in 0..<5 { state.apply(.drawing(.moveCursor(.left))) }
        #expect(state.drawing?.cursor == DrawingPixel(column: 0, row: 1))
    }

    @Test("Space paints full ink and erases an inked pixel; . paints light and erases a light one")
    func strokes() {
        var state = drawing()
        let pixel = DrawingPixel(column: 1, row: 0)
        state.apply(.drawing(.paintAtCursor(.full)))
        #expect(state.drawing?[pixel] == 1)
        #expect(state.drawing?.pixels == [0, 1, 0, 0, 0, 0])
        state.apply(.drawing(.paintAtCursor(.light)))
        #expect(state.drawing?[pixel] == 0.5, "a full pixel under . becomes light")
        state.apply(.drawing(.paintAtCursor(.full)))
        #expect(state.drawing?[pixel] == 0, "Space on any ink erases")
        state.apply(.drawing(.paintAtCursor(.light)))
        state.apply(.drawing(.paintAtCursor(.light)))
        #expect(state.drawing?[pixel] == 0, ". on a light pixel erases")
        #expect(state.trainer == PictureScenarios.tiny().trainer, "strokes change no number of the run")
    }

    @Test("a click sets its pixel and puts the cursor there; Backspace clears every pixel")
    func clicksAndClear() {
        var state = drawing()
        let corner = DrawingPixel(column: 2, row: 1)
        state = assertUpdate(state, .drawing(.setPixel(corner, ink: 1))) { $0.drawing?.set(corner, ink: 1) }
        #expect(state.drawing?.cursor == corner)
        #expect(state.drawing?.pixels == [0, 0, 0, 0, 0, 1])
        state.apply(.drawing(.setPixel(DrawingPixel(column: 0, row: 0), ink: 1)))
        state.apply(.drawing(.setPixel(corner, ink: 0)))
        #expect(state.drawing?.pixels == [1, 0, 0, 0, 0, 0], "a right click erases")
        state.apply(.drawing(.setPixel(DrawingPixel(column: 3, row: 0), ink: 1)))
        #expect(state.drawing?.pixels == [1, 0, 0, 0, 0, 0], "a pixel off the canvas is nothing")
        state.apply(.drawing(.clear))
        #expect(state.drawing?.isBlank == true)
        #expect(state.drawing?.cursor == corner, "clearing leaves the cursor where the last click put it")
    }

    @Test("Enter on a blank canvas says to draw first; on a drawing it asks for the class")
    func asksForLabel() {
        let blank = drawing()
        assertUpdate(blank, .drawing(.askLabel)) {
            $0.message = StatusMessage(
                "nothing drawn yet: Space paints the pixel under the cursor, then Enter adds it", kind: .error)
        }
        var drawn = blank
        drawn.apply(.drawing(.paintAtCursor(.full)))
        assertUpdate(drawn, .drawing(.askLabel)) { $0.entry = TextEntry(.drawingLabel(classes: 2)) }
    }

    /// `state`'s drawing labelled `label`, as typed.
    private func label(_ state: AppState, _ label: String) -> AppState {
        var state = state
        state.apply(.drawing(.askLabel))
        for character in label { state.apply(.entry(.type(character))) }
        state.apply(.entry(.commit))
        return state
    }

    @Test(
        "a label that is not a class is refused in one line, and nothing is added",
        arguments: ["2", "-1", "x", "", "1.0"])
    func badLabel(_ typed: String) {
        var state = drawing()
        state.apply(.drawing(.paintAtCursor(.full)))
        let after = label(state, typed)
        #expect(after.trainer == state.trainer)
        #expect(after.entry == nil)
        #expect(after.drawing == state.drawing, "the drawing stays to be labelled again")
        #expect(after.message?.kind == .error)
        #expect(after.message?.text.contains("0 to 1") == true, "\(after.message?.text ?? "")")
    }

    @Test("Esc on the label prompt goes back to the drawing")
    func escapeLabel() {
        var state = drawing()
        state.apply(.drawing(.paintAtCursor(.full)))
        state.apply(.drawing(.askLabel))
        let key = KeyMap.action(for: .escape, in: state)
        #expect(key == .entry(.cancel))
        var cancelled = state
        cancelled.apply(key!)
        #expect(cancelled.entry == nil)
        #expect(cancelled.drawing == state.drawing)
    }

    @Test("a class adds the drawing as a training sample; the run goes on from where it was")
    func adds() throws {
        var state = drawing()
        state.apply(.training(.step))
        state.apply(.training(.step))
        state.apply(.drawing(.paintAtCursor(.full)))
        let before = state
        let after = label(state, " 1 ")
        let scenario = after.trainer.scenario
        #expect(scenario.sampleCount == 5)
        #expect(scenario.inputs.rowArrays.last == [0, 1, 0, 0, 0, 0])
        #expect(scenario.targets.rowArrays.last == [0, 1])
        #expect(scenario.split.training == [0, 1, 2, 3, 4])
        #expect(after.trainer.state == before.trainer.state, "the same W, b, step count, lr and optimizer")
        #expect(after.trainer.stepCount == 2)
        #expect(after.trainer.cost != before.trainer.cost, "C is over five samples now")
        #expect(after.drawing == before.drawing, "the drawing stays, to watch its ŷ as the network trains")
        #expect(after.message?.text.contains("sample 5, class 1") == true, "\(after.message?.text ?? "")")
        #expect(after.earlierRuns.count == 1)
    }

    @Test("b takes the added sample out, bit for bit: the data, the state, the way back and the curve")
    func backTakesItOut() {
        var state = drawing()
        for _ in 0..<3 { state.apply(.training(.step)) }
        state.apply(.drawing(.paintAtCursor(.full)))
        let before = state
        var after = label(state, "0")
        after.apply(.training(.step))
        after.apply(.history(.stepBack))
        #expect(after.trainer.scenario.sampleCount == 5, "the first b undoes the step after the add")
        after.apply(.history(.stepBack))
        #expect(after.trainer == before.trainer)
        #expect(after.history == before.history)
        #expect(after.costCurve == before.costCurve)
        #expect(after.gradientFlow == before.gradientFlow)
        #expect(after.trail == before.trail)
        #expect(after.earlierRuns.isEmpty)
        #expect(after.message?.text.contains("took the drawn sample out: back to 4 samples at step 3") == true)
        // And the way back goes on as before the add: to step 2.
        var further = after
        var expected = before
        further.apply(.history(.stepBack))
        expected.apply(.history(.stepBack))
        #expect(further.trainer == expected.trainer)
        #expect(further.trainer.stepCount == 2)
    }

    @Test("adding ends a race: the other runners never saw the sample")
    func endsRace() {
        var state = drawing()
        state.apply(.race(.toggle))
        state.apply(.drawing(.paintAtCursor(.full)))
        let after = label(state, "1")
        #expect(after.race == nil)
        #expect(after.message?.text.hasPrefix("race ended: a drawn sample was added") == true)
    }

    @Test("w after adding saves the sample with the rest of the data")
    func saved() throws {
        var state = drawing()
        state.apply(.drawing(.paintAtCursor(.full)))
        state = label(state, "1")
        let effects = state.apply(.file(.saveScenario))
        guard case .writeFile(let text, _, _, _)? = effects.first else {
            Issue.record("w wrote nothing: \(effects)")
            return
        }
        let loaded = try Scenario(json: Data(text.utf8))
        #expect(loaded.sampleCount == 5)
        #expect(loaded.inputs.rowArrays.last == [0, 1, 0, 0, 0, 0])
        #expect(loaded.targets.rowArrays.last == [0, 1])
    }

    @Test("the walk and the quiz, which share the drawing's place, wait until it is left")
    func walkAndQuizWait() {
        let state = drawing()
        for action in [Action.walk(.next), .quiz(.ask)] {
            var after = state
            after.apply(action)
            #expect(after.walkPhase == nil)
            #expect(after.quiz == nil)
            #expect(after.message?.text.contains("Esc leaves the drawing first") == true)
        }
    }

    @Test("d to data of another shape closes the canvas; b back to the pictures does not reopen it")
    func otherData() {
        var state = drawing()
        state.apply(.history(.nextScenario))
        #expect(state.drawing == nil)
        #expect(state.trainer.scenario.image == nil)
    }
}
