import Foundation
import Testing

/// The race in a real terminal, as a user sees it: `--compare sgd,momentum,adam` opens on
/// the race, running moves every runner's cost on the status bar and in the legend, and `R` in a
/// plain run starts one from where the run is; `q` leaves the terminal as it was found.
///
/// Only whole frames are trusted: ncurses sends a frame top to bottom, so a frame is read once
/// the status bar (below the cost pane's legend) shows the state waited for.
@Suite(
    "interactive: the race in a real terminal", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct RaceInteractiveTests {
    /// The status bar of a race, ` step N  sgd C1  momentum C2  adam C3  ...`: the step and the
    /// runners' costs by name, if it is drawn.
    private func race(_ screen: TmuxScreen, names: [String]) -> (step: Int, costs: [String])? {
        for line in screen.lines where line.hasPrefix(" step ") {
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 2 + 2 * names.count, let step = Int(words[1]) else { continue }
            let pairs = stride(from: 2, to: 2 + 2 * names.count, by: 2).map { (words[$0], words[$0 + 1]) }
            guard pairs.map(\.0) == names else { continue }
            return (step, pairs.map(\.1))
        }
        return nil
    }

    /// The cost pane's legend line, if it is drawn.
    private func legend(_ screen: TmuxScreen) -> String? {
        screen.lines.first { $0.contains("│ ⠿ ") }
    }

    @Test("--compare sgd,momentum,adam: the legend and the bar's costs move while it runs, R ends the race")
    func compareRunsAndEnds() throws {
        let names = ["sgd", "momentum", "adam"]
        let session = try TmuxSession(width: 100, height: 30)
        let before = try session.terminalModes()
        session.launchBackpropTUI(["--compare", names.joined(separator: ",")])
        let first = try session.waitUntil("the race at step 0") { race($0, names: names)?.step == 0 }
        #expect(race(first, names: names)?.costs == ["1.556", "1.556", "1.556"], "\(first)")
        #expect(legend(first)?.contains("⠿ sgd 1.556  o momentum 1.556  + adam 1.556") == true, "\(first)")
        // The message is worded for the terminal it is drawn on (100 columns), not for the size
        // the state had before the first frame.
        #expect(
            first.lastLine.hasPrefix(" race from step 0: sgd, momentum, adam, in lockstep; the panes follow sgd;"),
            "\(first)")

        session.press("]", "]", "]", "r")
        let running = try session.waitUntil("every runner past step 100, apart") { screen in
            guard let now = race(screen, names: names) else { return false }
            return now.step > 100 && Set(now.costs).count == 3
        }
        let costs = try #require(race(running, names: names)?.costs)
        #expect(costs.allSatisfy { $0 != "1.556" }, "\(running)")
        session.press("p")
        let paused = try session.waitUntil("paused") { screen in
            screen.lines.contains { $0.hasPrefix(" step ") && $0.contains("  paused") }
                && race(screen, names: names) != nil
        }
        let stopped = try #require(race(paused, names: names))
        let shown = try #require(legend(paused))
        for (name, cost) in zip(names, stopped.costs) {
            #expect(shown.contains("\(name) \(cost)"), "the legend and the bar agree: \(paused)")
        }
        // The curves: momentum's o and adam's + are drawn in the plot below the legend.
        let plot = paused.lines.drop { !$0.contains("│ ⠿ ") }.dropFirst().prefix { !$0.hasPrefix("└") }
        #expect(plot.contains { $0.contains("o") } && plot.contains { $0.contains("+") }, "\(paused)")

        session.press("R")
        let ended = try session.waitUntil("the race ended") { screen in
            screen.lastLine.hasPrefix(" race ended at step \(stopped.step), lowest cost first:")
        }
        #expect(race(ended, names: names) == nil, "\(ended)")
        #expect(ended.text.contains(" step \(stopped.step)  C "), "one cost again: \(ended)")
        #expect(legend(ended) == nil, "\(ended)")
        try session.quitAndExpectRestored(before: before)
    }

    @Test("R in a plain run races from the step it is at; a step moves every runner, + ends the race")
    func rInAPlainRun() throws {
        let names = ["sgd", "momentum", "adam"]
        let session = try TmuxSession(width: 80, height: 24)
        try session.startBackpropTUI()
        session.press("s", "s")
        try session.waitUntil("step 2") { $0.text.contains(" step 2  C ") }
        session.press("R")
        let started = try session.waitUntil("the race at step 2") { screen in
            race(screen, names: names)?.step == 2 && screen.lastLine.hasPrefix(" race: sgd, momentum, adam;")
        }
        let atTwo = try #require(race(started, names: names)?.costs)
        #expect(Set(atTwo).count == 1, "every runner starts from the same state: \(started)")
        session.press("s")
        let stepped = try session.waitUntil("step 3") { race($0, names: names)?.step == 3 }
        let atThree = try #require(race(stepped, names: names)?.costs)
        #expect(zip(atTwo, atThree).allSatisfy { $0 != $1 }, "every runner took the step: \(stepped)")
        // Momentum's first step is plain gradient descent (its buffer starts as the gradient);
        // Adam's is not.
        #expect(atThree[0] == atThree[1] && atThree[2] != atThree[0], "each by its own rule: \(stepped)")
        session.press("+")
        let ended = try session.waitUntil("the race ended by +") { screen in
            screen.lastLine.hasPrefix(" race ended: the lr changed; lr 0.2")
        }
        #expect(ended.text.contains(" step 3  C "), "\(ended)")
        session.press("q")
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 0)
    }
}
