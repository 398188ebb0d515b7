import BackpropUI
import XCTest

final class KeyMapTests: XCTestCase {
    private func action(_ key: Key, _ state: AppState = TestScenarios.seed()) -> Action? {
        KeyMap.action(for: key, in: state)
    }

    func testIssueThreesKeys() {
        let expected: [Character: Action] = [
            "s": .training(.step), "r": .training(.run), "p": .training(.pause), " ": .training(.toggleRun),
            "x": .history(.reset), "+": .training(.learningRateUp),
            "=": .training(.learningRateUp), "-": .training(.learningRateDown), "l": .entry(.beginLearningRate),
            "]": .training(.speedUp),
            "[": .training(.speedDown), "g": .view(.toggleCostScale), "?": .view(.toggleHelp), "q": .terminal(.quit),
        ]
        for (character, want) in expected {
            XCTAssertEqual(action(.character(character)), want, "key \(character)")
        }
    }

    func testIssueFoursKeys() {
        let expected: [Character: Action] = [
            "b": .history(.stepBack), "n": .walk(.next), "c": .view(.toggleGradientCheck),
            "v": .view(.toggleLearningRatePreview),
            "d": .history(.nextScenario), "e": .file(.exportTrace), "w": .file(.saveScenario),
            // Issue 9: the sample the network pane and the inspector follow.
            "<": .selection(.chooseSample(backwards: true)), ">": .selection(.chooseSample(backwards: false)),
            // Issue 11: the optimizer, and the race of several (shift-r: r runs).
            "o": .training(.cycleOptimizer), "R": .race(.toggle),
            // Issue 12: the quiz.
            "t": .quiz(.ask),
        ]
        for (character, want) in expected {
            XCTAssertEqual(action(.character(character)), want, "key \(character)")
        }
        XCTAssertEqual(KeyMap.bindings.count, 14 + expected.count, "no keys beyond issues 3, 4, 9, 10, 11 and 12")
        XCTAssertEqual(
            action(.character("m")), .view(.togglePlane(KeyMap.planeRoom(in: TestScenarios.seed()))),
            "m carries what the screen shows of the input plane")
        XCTAssertEqual(action(.pageDown), .selection(.jumpLayer(backwards: false)))
        XCTAssertEqual(action(.pageUp), .selection(.jumpLayer(backwards: true)))
        for key in [Key.up, .down, .left, .right] {
            XCTAssertEqual(action(key), .selection(.move(key)))
        }
        XCTAssertEqual(action(.tab), .selection(.cycle(backwards: false)))
        XCTAssertEqual(action(.backTab), .selection(.cycle(backwards: true)))
        XCTAssertEqual(action(.enter), .entry(.beginParameter))
        XCTAssertNil(action(.escape), "Esc does nothing with no help, entry or walk")
        XCTAssertNil(action(.backspace))
        for character in "BSQ1" {
            XCTAssertNil(action(.character(character)), "\(character)")
        }
    }

    func testEscClosesHelp() {
        var state = TestScenarios.seed()
        state.apply(.view(.toggleHelp))
        XCTAssertEqual(action(.escape, state), .view(.closeHelp))
        XCTAssertEqual(action(.character("?"), state), .view(.toggleHelp))
        XCTAssertEqual(action(.character("q"), state), .terminal(.quit))
    }

    func testLearningRateEntryTakesCharacters() {
        var state = TestScenarios.seed()
        state.apply(.entry(.beginLearningRate))
        XCTAssertEqual(action(.character("q"), state), .entry(.type("q")), "q types, Esc leaves")
        XCTAssertEqual(action(.character("5"), state), .entry(.type("5")))
        XCTAssertEqual(action(.enter, state), .entry(.commit))
        XCTAssertEqual(action(.escape, state), .entry(.cancel))
        XCTAssertEqual(action(.backspace, state), .entry(.deleteBackward))
        XCTAssertNil(action(.up, state))
    }

    func testQuizKeys() {
        var state = TestScenarios.seed()
        state.apply(.quiz(.ask))
        XCTAssertEqual(action(.character("t"), state), .entry(.type("t")), "while asking, every character is typed")
        XCTAssertEqual(action(.tab, state), .quiz(.cycleQuestion(backwards: false)))
        XCTAssertEqual(action(.backTab, state), .quiz(.cycleQuestion(backwards: true)))
        XCTAssertEqual(action(.escape, state), .entry(.cancel))
        XCTAssertEqual(action(.enter, state), .entry(.commit))
        state.apply(.entry(.type("+")))
        state.apply(.entry(.commit))
        XCTAssertEqual(action(.escape, state), .quiz(.end), "Esc closes the explanation")
        XCTAssertEqual(action(.character("t"), state), .quiz(.ask), "t asks again")
        XCTAssertEqual(action(.tab, state), .selection(.cycle(backwards: false)), "Tab selects again once answered")
        var lr = TestScenarios.seed()
        lr.apply(.entry(.beginLearningRate))
        XCTAssertNil(action(.tab, lr), "Tab means nothing to an lr being typed")
    }
}
