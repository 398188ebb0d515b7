import Foundation
import Testing

/// The mouse in a real terminal: the program asks it to report presses, a click on the
/// drawing's canvas paints the pixel under it and a right click erases it, and on the way out
/// the terminal reports the mouse no more.
///
/// tmux cannot click, so the click is written into the pane as a terminal would send it: the
/// X10 form `ESC [ M` then the button, the column and the row, each plus 32 (the form ncurses
/// asks of `screen-256color`, the session's terminal type).
@Suite(
    "interactive: the mouse paints on the drawing", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct DrawingInteractiveTests {
    /// The bytes a terminal sends for `button` (0 left, 2 right) pressed and released at
    /// `column` and `row`, both 1-based (X10 reports a release as button 3).
    private func press(_ button: Int, column: Int, row: Int) -> String {
        let bytes = [27, 91, 77, 32 + button, 32 + column, 32 + row, 27, 91, 77, 32 + 3, 32 + column, 32 + row]
        return String(bytes.map { Character(Unicode.Scalar(UInt8($0))) })
    }

    @Test("a click paints the pixel under it, a right click erases it; after q no mouse reports")
    func clickPaints() throws {
        let session = try TmuxSession()
        let before = try session.terminalModes()
        session.launchBackpropTUI(["--preset", "digits"])
        try session.waitFor("step 0 · epoch 1")
        #expect(session.pane("mouse_any_flag") == "1", "the program asks for the mouse")
        session.type("D")
        let drawing = try session.waitFor("Drawing 8x8 · cursor on x28")
        // The canvas starts under the pane's top border, two columns in: pixel (0, 0).
        let top = try #require(drawing.lines.firstIndex { $0.contains("┌ Drawing 8x8") })
        let (column, row) = (3, top + 2)
        session.type(press(0, column: column, row: row))
        try session.waitFor("cursor on x1, row 1 column 1: ink 1")
        // The second pixel of the second row: two columns right, a row down.
        session.type(press(0, column: column + 2, row: row + 1))
        try session.waitFor("cursor on x10, row 2 column 2: ink 1")
        session.type(press(2, column: column, row: row))
        try session.waitFor("cursor on x1, row 1 column 1: ink 0")
        // Outside the canvas a click does nothing: the title stays.
        session.type(press(0, column: 70, row: 3))
        session.type("<")
        try session.waitUntil("the sample chosen with <, after the click") { screen in
            screen.text.contains("cursor on x1, row 1 column 1: ink 0") && !screen.text.contains("▸ 245")
        }
        try session.quitAndExpectRestored(before: before)
    }
}
