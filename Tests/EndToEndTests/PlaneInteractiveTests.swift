import Foundation
import Testing

/// The input plane in a real terminal: it shows by itself at 120x40 for two inputs,
/// `m` hides and shows it, it moves with a step and `b` brings the earlier picture back exactly;
/// in a 256-colour terminal its pixels are the ramp's colours, in an 8-colour one the ANSI ones.
///
/// The first test runs under NO_COLOR, where the plane is drawn with the ramp's characters, so
/// the picture can be read as text; a frame is trusted once the status bar below it is new.
@Suite(
    "interactive: the input plane in a real terminal", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct PlaneInteractiveTests {
    /// The step count on the status bar, if the status bar is drawn.
    private func step(_ screen: TmuxScreen) -> Int? {
        guard let line = screen.lines.first(where: { $0.hasPrefix(" step ") && $0.contains("  C ") }) else {
            return nil
        }
        return Int(line.dropFirst(" step ".count).prefix { $0.isNumber })
    }

    /// The plane pane's rows: the right-hand 40 columns from its title down to its bottom border.
    private func plane(_ screen: TmuxScreen) -> [String] {
        let rows = screen.lines.map { Array($0) }
        guard let top = rows.firstIndex(where: { String($0).contains("Input plane") }) else { return [] }
        let pane = rows[top...].prefix { $0.count >= 120 }.map { String($0.suffix(40)) }
        // Down to its bottom border, included.
        guard let bottom = pane.firstIndex(where: { $0.hasPrefix("└") }) else { return pane }
        return Array(pane[...bottom])
    }

    @Test("m hides and shows the plane; a step moves it and b brings back the picture exactly")
    func toggleStepAndBack() throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["NO_COLOR": "1"])
        let before = try session.terminalModes()
        session.launchBackpropTUI(["--preset", "xor-hidden"])
        let first = try session.waitUntil("the first frame with the plane") { screen in
            screen.text.contains("Input plane · ŷ1") && screen.text.contains("Layer 1 neurons") && step(screen) == 0
        }
        let start = plane(first)
        #expect(start.count == 20, "the plane pane's 20 rows: \(first)")
        #expect(start.joined().contains("●") && start.joined().contains("○"), "the samples: \(first)")

        session.type("m")
        // The whole new frame: under load tmux can show the hint line before the panes above it
        // are redrawn, so the wait is for the network pane that takes the plane's width too.
        let hidden = try session.waitUntil("the plane hidden, the other panes taking the width") { screen in
            !screen.text.contains("Input plane") && screen.lastLine.contains("input plane hidden (m shows it)")
                && screen.text.contains("Network · sample 1 of 4")
        }
        #expect(!hidden.text.contains("Layer 1 neurons"), "the neuron maps go with the plane: \(hidden)")
        session.type("m")
        let shownAgain = try session.waitUntil("the plane shown again") { screen in
            screen.text.contains("Input plane · ŷ1") && step(screen) == 0
        }
        #expect(plane(shownAgain) == start, "\(shownAgain)")

        // 300 steps, typed; then one more and one back.
        session.type(String(repeating: "s", count: 300))
        let trained = try session.waitUntil("step 300") { step($0) == 300 }
        let at300 = plane(trained)
        #expect(at300 != start, "300 steps move the picture: \(trained)")
        session.type("b")
        let back = try session.waitUntil("back to step 299") { step($0) == 299 }
        let at299 = plane(back)
        session.type("s")
        let again = try session.waitUntil("step 300 again") { step($0) == 300 }
        #expect(plane(again) == at300, "the same state, the same picture: \(again)")
        session.type("b")
        let backAgain = try session.waitUntil("step 299 again") { step($0) == 299 }
        #expect(plane(backAgain) == at299, "\(backAgain)")

        try session.quitAndExpectRestored(before: before)
    }

    /// The colour numbers of the SGR sequences on the plane's rows: `38;5;N` and `48;5;N` in a
    /// 256-colour terminal, `3N` and `4N` in an 8-colour one.
    private func colours(_ styled: TmuxScreen, pattern: Regex<(Substring, Substring)>) -> Set<Int> {
        let rows = styled.lines.filter { $0.contains("▀") }
        return Set(rows.flatMap { $0.matches(of: pattern).compactMap { Int($0.output.1) } })
    }

    @Test("with 256 colours the pixels are the ramp's tints; with 8, blue, cyan, white, yellow and red")
    func colourDepths() throws {
        for (terminal, cube) in [("screen-256color", true), ("screen", false)] {
            // `swift test` sets NO_COLOR=1 for the processes it starts; empty, it asks for nothing.
            let session = try TmuxSession(width: 120, height: 40, environment: ["TERM": terminal, "NO_COLOR": ""])
            session.launchBackpropTUI(["--preset", "xor-hidden"])
            try session.waitUntil("the plane on \(terminal)") { screen in
                screen.text.contains("Input plane · ŷ1") && step(screen) == 0
            }
            let styled = session.styledScreen
            if cube {
                let used = colours(styled, pattern: #/[34]8;5;(\d+)/#)
                #expect(used.isSubset(of: [68, 74, 110, 153, 195, 230, 223, 216, 215, 209, 17, 88]), "\(used)")
                #expect(used.count >= 4, "several levels of the ramp at step 0: \(used)")
            } else {
                let used = colours(styled, pattern: #/\[(?:[0-9;]*;)?4([0-7])[;m]/#)
                #expect(!used.isEmpty && used.isSubset(of: [1, 3, 4, 6, 7]), "backgrounds \(used)")
            }
            session.press("q")
            try session.waitForPrompt()
            #expect(try session.lastExitStatus() == 0)
        }
    }
}
