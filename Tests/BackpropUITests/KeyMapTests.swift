import BackpropUI
import XCTest

final class KeyMapTests: XCTestCase {
    private func action(_ key: Key, _ state: AppState = TestScenarios.seed()) -> Action? {
        KeyMap.action(for: key, in: state)
    }

    func testIssueThreesKeys() {
        let expected: [Character: Action] = [
            "s": .step, "r": .run, "p": .pause, " ": .toggleRun, "x": .reset, "+": .learningRateUp,
            "=": .learningRateUp, "-": .learningRateDown, "l": .beginLearningRateEntry, "]": .speedUp,
            "[": .speedDown, "g": .toggleCostScale, "?": .toggleHelp, "q": .quit,
        ]
        for (character, want) in expected {
            XCTAssertEqual(action(.character(character)), want, "key \(character)")
        }
    }

    func testIssueFoursKeys() {
        let expected: [Character: Action] = [
            "b": .stepBack, "n": .walk, "c": .toggleGradientCheck, "v": .toggleLearningRatePreview,
            "d": .nextPreset, "e": .exportTrace, "w": .saveScenario,
            // Issue 9: the sample the network pane and the inspector follow.
            "<": .chooseSample(backwards: true), ">": .chooseSample(backwards: false),
            // Issue 10: the input plane.
            "m": .togglePlane,
            // Issue 11: the optimizer, and the race of several (shift-r: r runs).
            "o": .cycleOptimizer, "R": .toggleRace,
            // Issue 12: the quiz.
            "t": .askQuestion,
        ]
        for (character, want) in expected {
            XCTAssertEqual(action(.character(character)), want, "key \(character)")
        }
        XCTAssertEqual(KeyMap.bindings.count, 14 + expected.count, "no keys beyond issues 3, 4, 9, 10, 11 and 12")
        XCTAssertEqual(action(.pageDown), .jumpLayer(backwards: false))
        XCTAssertEqual(action(.pageUp), .jumpLayer(backwards: true))
        for key in [Key.up, .down, .left, .right] {
            XCTAssertEqual(action(key), .moveSelection(key))
        }
        XCTAssertEqual(action(.tab), .cycleSelection(backwards: false))
        XCTAssertEqual(action(.backTab), .cycleSelection(backwards: true))
        XCTAssertEqual(action(.enter), .beginParameterEntry)
        XCTAssertNil(action(.escape), "Esc does nothing with no help, entry or walk")
        XCTAssertNil(action(.backspace))
        for character in "BSQ1" {
            XCTAssertNil(action(.character(character)), "\(character)")
        }
    }

    func testEscClosesHelp() {
        var state = TestScenarios.seed()
        state.apply(.toggleHelp)
        XCTAssertEqual(action(.escape, state), .closeHelp)
        XCTAssertEqual(action(.character("?"), state), .toggleHelp)
        XCTAssertEqual(action(.character("q"), state), .quit)
    }

    func testLearningRateEntryTakesCharacters() {
        var state = TestScenarios.seed()
        state.apply(.beginLearningRateEntry)
        XCTAssertEqual(action(.character("q"), state), .typeEntry("q"), "q types, Esc leaves")
        XCTAssertEqual(action(.character("5"), state), .typeEntry("5"))
        XCTAssertEqual(action(.enter, state), .commitEntry)
        XCTAssertEqual(action(.escape, state), .cancelEntry)
        XCTAssertEqual(action(.backspace, state), .deleteEntryCharacter)
        XCTAssertNil(action(.up, state))
    }

    func testQuizKeys() {
        var state = TestScenarios.seed()
        state.apply(.askQuestion)
        XCTAssertEqual(action(.character("t"), state), .typeEntry("t"), "while asking, every character is typed")
        XCTAssertEqual(action(.tab, state), .cycleQuestion(backwards: false))
        XCTAssertEqual(action(.backTab, state), .cycleQuestion(backwards: true))
        XCTAssertEqual(action(.escape, state), .cancelEntry)
        XCTAssertEqual(action(.enter, state), .commitEntry)
        state.apply(.typeEntry("+"))
        state.apply(.commitEntry)
        XCTAssertEqual(action(.escape, state), .endQuiz, "Esc closes the explanation")
        XCTAssertEqual(action(.character("t"), state), .askQuestion, "t asks again")
        XCTAssertEqual(action(.tab, state), .cycleSelection(backwards: false), "Tab selects again once answered")
        var lr = TestScenarios.seed()
        lr.apply(.beginLearningRateEntry)
        XCTAssertNil(action(.tab, lr), "Tab means nothing to an lr being typed")
    }
}
