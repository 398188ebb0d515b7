import Foundation
import Testing

/// Clicks in a real terminal: a click on a weight selects it, a left click on the input plane
/// adds a class 1 sample and a right click a class 0 one, and the terminal is left as it was.
///
/// tmux cannot click, so each press is written into the pane as the terminal would send it
/// (the X10 form ncurses asks of the session's `screen-256color`, as `DrawingInteractiveTests`
/// sends it); the places are found in the screen's text, as a user's eye finds them.
@Suite(
    "interactive: clicks select weights and add points on the plane", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct MouseInteractiveTests {
    /// X10 writes a column as one byte, 32 more than it: past column 94 the byte is not ASCII,
    /// and tmux's UTF-8 pane would not pass it on as it is, so the clicks stay left of that.
    private static let lastColumn = 94

    /// The bytes a terminal sends for `button` (0 left, 2 right) pressed and released at
    /// `column` and `row`, both 1-based (X10 reports a release as button 3).
    private func press(_ button: Int, column: Int, row: Int) -> String {
        let bytes = [27, 91, 77, 32 + button, 32 + column, 32 + row, 27, 91, 77, 32 + 3, 32 + column, 32 + row]
        return String(bytes.map { Character(Unicode.Scalar(UInt8($0))) })
    }

    /// The 1-based column and row where `text` starts on `lines`.
    private func place(of text: String, in lines: [String]) -> (column: Int, row: Int)? {
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: text) {
                return (line.distance(from: line.startIndex, to: range.lowerBound) + 1, index + 1)
            }
        }
        return nil
    }

    @Test("a click on a weight selects it; clicks on the plane add points of class 1 and 0; after q no mouse reports")
    func clicks() throws {
        let session = try TmuxSession(width: 120, height: 40)
        let before = try session.terminalModes()
        session.launchBackpropTUI(["--preset", "circle"])
        let screen = try session.waitFor("┌ Input plane")
        #expect(session.pane("mouse_any_flag") == "1", "the program asks for the mouse")
        let (column, _) = try #require(place(of: "h¹3", in: screen.lines))
        let (_, row) = try #require(place(of: "│ x2 ", in: screen.lines))
        session.type(press(0, column: column, row: row))
        try session.waitFor("Inspector ω¹23")
        let plane = try #require(place(of: "┌ Input plane", in: screen.lines))
        // The plot starts after the box, x2's labels and a space: 7 columns in, and the
        // columns up to 94 are on it.
        #expect(plane.column + 10 <= Self.lastColumn)
        session.type(press(0, column: plane.column + 10, row: plane.row + 5))
        try session.waitFor("added a class 1 sample at (")
        try session.waitFor("/51 right")
        session.type(press(2, column: plane.column + 12, row: plane.row + 8))
        try session.waitFor("added a class 0 sample at (")
        try session.waitFor("/52 right")
        session.type("b")
        try session.waitFor("took the point added on the plane out: back to 51 samples")
        try session.quitAndExpectRestored(before: before)
    }
}
