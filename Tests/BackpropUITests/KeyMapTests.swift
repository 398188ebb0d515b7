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
        XCTAssertEqual(KeyMap.bindings.count, expected.count, "no keys beyond issue 3's")
    }

    func testKeysLeftFreeForLaterFeatures() {
        for key in [Key.up, .down, .left, .right, .tab, .backTab, .enter, .backspace, .escape] {
            XCTAssertNil(action(key), "\(key)")
        }
        for character in "bncvdewBSQ1" {
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
        XCTAssertEqual(action(.character("q"), state), .typeLearningRate("q"), "q types, Esc leaves")
        XCTAssertEqual(action(.character("5"), state), .typeLearningRate("5"))
        XCTAssertEqual(action(.enter, state), .commitLearningRate)
        XCTAssertEqual(action(.escape, state), .cancelLearningRateEntry)
        XCTAssertEqual(action(.backspace, state), .deleteLearningRateCharacter)
        XCTAssertNil(action(.up, state))
    }
}
