import Foundation
import Testing

/// `o` in the real binary inside tmux, on the article's example at 80x24: the status bar and the
/// title say which rule is in force, the inspector's optimizer lines say what it will do and the
/// step does it, and `b` goes back across the change; `q` leaves the terminal as it was found.
///
/// Only whole frames are trusted: a frame is read once the last row (the message line) shows the
/// new state.
@Suite(
    "interactive: the optimizer key in a real terminal", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct OptimizerInteractiveTests {
    /// The status bar, if drawn.
    private func statusBar(_ screen: TmuxScreen) -> String? {
        screen.lines.first { $0.hasPrefix(" step ") && $0.contains("  C ") }
    }

    @Test("o cycles to adam; the inspector's Δ is the step the layer pane then shows; b undoes it all")
    func cycleStepAndBack() throws {
        let session = try TmuxSession(width: 80, height: 24)
        let before = try session.terminalModes()
        session.launchBackpropTUI()
        try session.waitFor("step 0")
        for name in ["momentum", "nesterov", "rmsprop", "adam"] {
            session.press("o")
            let screen = try session.waitUntil("\(name) in force") { $0.lastLine.contains("optimizer \(name)") }
            #expect(statusBar(screen)?.contains("lr 0.1  \(name)  paused") == true, "\(screen)")
            #expect(screen.lines.first?.contains("· \(name) ·") == true, "the title says which: \(screen)")
        }
        let adam = try session.waitUntil("adam's inspector lines") { $0.text.contains("adam t = 1, g = 0.7459:") }
        // Adam's first step is lr·g/(|g| + ε): 0.1 whatever g, here 0.7459 (sgd's would be 0.0746).
        #expect(adam.text.contains("Δω11 = -lr · m̂/(√v̂ + ε) = -0.1000   (sgd: -lr · g = -0.0746)"), "\(adam)")

        session.press("s")
        let stepped = try session.waitUntil("step 1 by adam") { screen in
            statusBar(screen)?.hasPrefix(" step 1 ") == true && screen.text.contains("adam t = 2")
        }
        // ω11 was 0.1; Adam took it to 1.3e-9 (0.1 - 0.1·(1 - a hair)), not a zero it is not.
        #expect(stepped.lines.contains { $0.hasPrefix("│ x1  1.3e-9▼") }, "\(stepped)")

        session.press("b")
        let back = try session.waitUntil("back to step 0") { $0.lastLine.contains("back to step 0") }
        #expect(back.text.contains("adam t = 1, g = 0.7459:"), "adam again from its fresh state: \(back)")
        session.press("b")
        let undone = try session.waitUntil("the change undone") { $0.lastLine.contains("optimizer change undone") }
        #expect(statusBar(undone)?.contains("lr 0.1  rmsprop  paused") == true, "\(undone)")
        #expect(undone.text.contains("rmsprop t = 1, g = 0.7459:"), "\(undone)")
        try session.quitAndExpectRestored(before: before)
    }
}
