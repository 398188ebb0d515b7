import Foundation
import Testing

/// Keys while the real binary trains at `max` speed, in tmux: the loop polls for input between
/// chunks of training, so `p` stops the steps and `q` quits, terminal restored, however busy the
/// loop is. Only whole frames are trusted: a step count is read from a status bar that also
/// shows the state that goes with it ("running"/"paused", drawn to its right).
@Suite(
    "interactive: keys at max speed", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct MaxSpeedKeysTests {
    /// The step count on the status bar, if the status bar shows `activity`.
    private func step(_ screen: TmuxScreen, _ activity: String) -> Int? {
        guard let line = screen.lines.first(where: { $0.hasPrefix(" step ") && $0.contains("  \(activity)  ") })
        else { return nil }
        return Int(line.dropFirst(" step ".count).prefix { $0.isNumber })
    }

    /// Runs at max and waits for two frames with different step counts.
    private func runAtMax(_ session: TmuxSession) throws {
        session.press("r")
        let first = try session.waitUntil("running at max") { screen in
            step(screen, "running").map { $0 > 0 } ?? false
        }
        let started = step(first, "running")!
        try session.waitUntil("the step count moving on from \(started)") { screen in
            step(screen, "running").map { $0 > started } ?? false
        }
    }

    @Test("at max, p stops the steps at once and q quits with the terminal restored")
    func pauseAndQuitAtMax() throws {
        let session = try TmuxSession(width: 80, height: 24)
        let before = try session.terminalModes()
        try session.startBackpropTUI()
        // More presses than the ladder has rungs: the top one, max, stays.
        session.press(all: Array(repeating: "]", count: 20))
        try session.waitFor("speed max")
        try runAtMax(session)

        session.press("p")
        let paused = try session.waitUntil("paused") { step($0, "paused") != nil }
        let stopped = step(paused, "paused")!
        // Later frames (each `g` draws one, with the cost pane's title changed) show the same step.
        for title in ["Cost C (log", "Cost C (linear"] {
            session.press("g")
            let later = try session.waitUntil("\(title) while paused") { screen in
                screen.text.contains(title) && step(screen, "paused") != nil
            }
            #expect(step(later, "paused") == stopped, "the steps stopped at \(stopped): \(later)")
        }

        try runAtMax(session)
        try session.quitAndExpectRestored(before: before)
    }
}
