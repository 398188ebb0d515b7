import BackpropCore
@testable import BackpropUI
import XCTest

/// Typed entries edit like a line editor, refuse what is not a
/// decimal number (and input past the limit) in words that read well, the too-small screen's
/// "q quits" holds in every mode, and `+` / `-` say when the ladder ends.
final class TextEntryTests: XCTestCase {
    /// `keys` pressed as a person types them (`KeyMap`, then `apply`).
    private func press(_ keys: [Key], on state: inout AppState) {
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { state.apply(action) }
        }
    }

    private func type(_ text: String, on state: inout AppState) {
        press(text.map { .character($0) }, on: &state)
    }

    /// The last row of the frame: the prompt while an entry is open.
    private func promptRow(_ state: AppState) -> (text: String, cells: [Cell]) {
        let canvas = Frame.render(state)
        let y = canvas.size.height - 1
        let cells = (0..<canvas.size.width).map { canvas[$0, y] }
        return (String(cells.map(\.character)), cells)
    }

    private func lrEntry(_ text: String) -> AppState {
        var state = TestScenarios.seed()
        state.apply(.entry(.beginLearningRate))
        type(text, on: &state)
        return state
    }

    // MARK: item 9: the cursor

    func testEditingKeysMoveTheCursorAndTypingInsertsAtIt() {
        var state = lrEntry("0.5")
        XCTAssertEqual(state.entry?.cursor, 3, "typing leaves the cursor after the text")
        press([.left], on: &state)
        type("2", on: &state)
        XCTAssertEqual(state.learningRateEntry, "0.25", "typed before the 5")
        press([.home], on: &state)
        type("+", on: &state)
        XCTAssertEqual(state.learningRateEntry, "+0.25")
        press([.left, .backspace], on: &state)
        XCTAssertEqual(state.learningRateEntry, "+0.25", "Backspace at the start deletes nothing")
        press([.right, .right, .backspace], on: &state)
        XCTAssertEqual(state.learningRateEntry, "+.25", "Backspace deletes the character before the cursor")
        XCTAssertEqual(state.entry?.cursor, 1)
        press([.end, .right, .right], on: &state)
        XCTAssertEqual(state.entry?.cursor, 4, "Right stops after the last character")
        press([.backspace], on: &state)
        XCTAssertEqual(state.learningRateEntry, "+.2")
        press([.enter], on: &state)
        XCTAssertEqual(state.trainer.learningRate, 0.2)
    }

    func testTheEditingKeysAreTheEntrysWhileOneIsOpen() {
        let state = lrEntry("1")
        XCTAssertEqual(KeyMap.action(for: .left, in: state), .entry(.moveCursor(.left)))
        XCTAssertEqual(KeyMap.action(for: .right, in: state), .entry(.moveCursor(.right)))
        XCTAssertEqual(KeyMap.action(for: .home, in: state), .entry(.moveCursor(.home)))
        XCTAssertEqual(KeyMap.action(for: .end, in: state), .entry(.moveCursor(.end)))
        XCTAssertNil(KeyMap.action(for: .up, in: state), "the selection does not move under an open entry")
    }

    func testTheCursorIsOneReverseVideoCell() {
        var state = lrEntry("0.05")
        var row = promptRow(state)
        XCTAssertTrue(row.text.hasPrefix(" learning rate: 0.05 "), row.text)
        let start = " learning rate: ".count
        XCTAssertEqual(row.cells.indices.filter { row.cells[$0].style.reverse }, [start + 4], "a block after the text")

        press([.home, .right], on: &state)
        row = promptRow(state)
        XCTAssertTrue(row.text.hasPrefix(" learning rate: 0.05 "), "the text does not move: \(row.text)")
        XCTAssertEqual(row.cells.indices.filter { row.cells[$0].style.reverse }, [start + 1], "on the point")
        XCTAssertEqual(row.cells[start + 1].character, ".")
    }

    // MARK: item 9: the length limit

    func testInputPastTheLimitIsRefusedAsTypedWithAMessage() {
        var state = lrEntry(String(repeating: "9", count: TextEntry.limit))
        XCTAssertNil(state.message)
        type("9", on: &state)
        XCTAssertEqual(state.learningRateEntry, String(repeating: "9", count: TextEntry.limit), "refused, not cut")
        XCTAssertEqual(state.message, StatusMessage("\(TextEntry.limit) characters at most", kind: .error))
        let row = promptRow(state)
        XCTAssertTrue(row.text.contains("\(TextEntry.limit) characters at most"), "the prompt says why: \(row.text)")

        // Inserting in the middle is refused too, and the next key takes the message away.
        press([.home], on: &state)
        XCTAssertNil(state.message)
        type("1", on: &state)
        XCTAssertEqual(state.learningRateEntry, String(repeating: "9", count: TextEntry.limit))
        press([.backspace, .end, .backspace], on: &state)
        type("1", on: &state)
        XCTAssertEqual(state.learningRateEntry, String(repeating: "9", count: TextEntry.limit - 1) + "1")
        XCTAssertNil(state.message)
    }

    func testACharacterNoNumberHoldsIsRefusedAsTyped() {
        // U+2212 MINUS SIGN, what a word processor puts in a pasted "−0.5".
        var state = TestScenarios.seed()
        state.apply(.entry(.beginParameter))
        type("\u{2212}", on: &state)
        XCTAssertEqual(state.parameterEntry, "")
        XCTAssertEqual(state.message?.kind, .error)
        XCTAssertTrue(
            state.message?.text.contains("not an ASCII character") ?? false, "\(String(describing: state.message))")
    }

    // MARK: item 9 and 15a: only decimal numbers, refused in one line that reads well

    func testTheDecimalFormsAreAccepted() {
        for (text, value) in [("-0.5", -0.5), (".5", 0.5), ("2e-3", 0.002), ("1E+2", 100.0), (" 0.25 ", 0.25)] {
            var state = TestScenarios.seed()
            state.apply(.entry(.beginParameter))
            type(text, on: &state)
            press([.enter], on: &state)
            XCTAssertEqual(state.trainer.network[state.selection], value, "\"\(text)\"")
            XCTAssertEqual(state.message?.kind, .info, "\"\(text)\": \(String(describing: state.message))")
        }
        var state = lrEntry("2e-3")
        press([.enter], on: &state)
        XCTAssertEqual(state.trainer.learningRate, 0.002)
    }

    func testWhatIsNotADecimalNumberIsRefusedSayingWhy() {
        for text in ["0x10", "inf", "nan", "1_000", "0.1e", "-", "1,5"] {
            var state = lrEntry(text)
            press([.enter], on: &state)
            XCTAssertEqual(state.trainer.learningRate, 0.1, "\"\(text)\" changed lr")
            XCTAssertEqual(
                state.message, StatusMessage("\"\(text)\" is not a decimal number; lr stays 0.1", kind: .error))
            XCTAssertNil(state.entry)

            var edit = TestScenarios.seed()
            edit.apply(.entry(.beginParameter))
            type(text, on: &edit)
            press([.enter], on: &edit)
            XCTAssertEqual(edit.trainer.network, TestScenarios.seed().trainer.network, "\"\(text)\" changed W")
            XCTAssertEqual(
                edit.message, StatusMessage("\"\(text)\" is not a decimal number; ω11 stays 0.1", kind: .error))
        }
    }

    func testAnEmptyEntrySaysNothingWasTyped() {
        for text in ["", "   "] {
            var state = lrEntry(text)
            press([.enter], on: &state)
            XCTAssertEqual(state.message, StatusMessage("nothing typed; lr stays 0.1", kind: .error))

            var edit = TestScenarios.seed()
            edit.apply(.entry(.beginParameter))
            type(text, on: &edit)
            press([.enter], on: &edit)
            XCTAssertEqual(edit.message, StatusMessage("nothing typed; ω11 stays 0.1", kind: .error))
        }
    }

    func testTheLearningRateRangeRuleIsSaid() {
        for text in ["0", "-1", "1e999", "-0"] {
            var state = lrEntry(text)
            press([.enter], on: &state)
            XCTAssertEqual(state.trainer.learningRate, 0.1, "\"\(text)\"")
            XCTAssertEqual(
                state.message, StatusMessage("lr must be a finite number > 0, like 0.1; lr stays 0.1", kind: .error))
        }
    }

    func testAParameterBeyondTheLargestDoubleIsRefused() {
        var state = TestScenarios.seed()
        state.apply(.entry(.beginParameter))
        type("-1e999", on: &state)
        press([.enter], on: &state)
        XCTAssertEqual(state.trainer.network, TestScenarios.seed().trainer.network)
        XCTAssertEqual(
            state.message,
            StatusMessage("\"-1e999\" is too large: numbers end near 1.8e308; ω11 stays 0.1", kind: .error))
    }

    // MARK: item 10: too small

    func testOnATooSmallTerminalQQuitsEvenWithAnEntryOpen() {
        var state = lrEntry("0.2")
        state.apply(.terminal(.resize(Size(width: 60, height: 20))))
        XCTAssertTrue(Frame.render(state).text.contains("q quits"))
        type("s5", on: &state)
        XCTAssertEqual(state.learningRateEntry, "0.2", "nothing goes into an entry nobody can see")
        XCTAssertEqual(state.trainer.stepCount, 0)
        type("q", on: &state)
        XCTAssertTrue(state.shouldQuit, "the too-small screen says q quits")
    }

    func testOnATooSmallTerminalEscCancelsTheEntryAndOtherKeysDoNothing() {
        var state = lrEntry("0.2")
        state.apply(.terminal(.resize(Size(width: 80, height: 19))))
        press([.left, .backspace, .enter], on: &state)
        XCTAssertEqual(state.learningRateEntry, "0.2")
        XCTAssertEqual(state.trainer.learningRate, 0.1, "Enter applies nothing unseen")
        press([.escape], on: &state)
        XCTAssertNil(state.entry, "Esc cancels the entry")
        XCTAssertFalse(state.shouldQuit)

        let before = state
        for key in [
            Key.character("s"), .character("l"), .character("x"), .character("r"), .character(" "), .enter,
            .escape, .up, .tab, .pageDown, .character("?"), .character("+"), .character("e"),
        ] {
            XCTAssertNil(KeyMap.action(for: key, in: state), "\(key) does something on the too-small screen")
        }
        XCTAssertEqual(state.trainer.stepCount, before.trainer.stepCount)
        XCTAssertEqual(KeyMap.action(for: .character("q"), in: state), .terminal(.quit))

        state.apply(.terminal(.resize(Size(width: 80, height: 20))))
        XCTAssertEqual(
            KeyMap.action(for: .character("s"), in: state), .training(.step), "the keys come back with the room")
    }

    // MARK: item 11: the ends of the ladder

    func testPlusAtTheTopAndMinusAtTheBottomSayItIsTheLimit() {
        var state = lrEntry("1000")
        press([.enter], on: &state)
        type("+", on: &state)
        XCTAssertEqual(state.trainer.learningRate, 1000)
        XCTAssertEqual(
            state.message?.text, "lr 1000 is the ladder's top: + goes no higher; l types any lr")
        type("b", on: &state)
        XCTAssertEqual(state.trainer.learningRate, 0.1, "+ changed nothing, so b undoes the typed lr")

        state = lrEntry("0.000001")
        press([.enter], on: &state)
        type("-", on: &state)
        XCTAssertEqual(state.trainer.learningRate, 1e-6)
        XCTAssertEqual(
            state.message?.text,
            "lr \(DecimalNumber.text(1e-6)) is the ladder's bottom: - goes no lower; l types any lr")

        state = lrEntry("5000")
        press([.enter], on: &state)
        type("+", on: &state)
        XCTAssertEqual(
            state.message?.text, "lr 5000 is above the ladder's top (1000): + goes no higher; l types any lr")
        type("-", on: &state)
        XCTAssertEqual(state.trainer.learningRate, 1000, "- comes back onto the ladder")
    }
}
