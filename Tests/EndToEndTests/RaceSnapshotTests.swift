import Foundation
import Testing

/// `--snapshot --compare` through the built binary: the frame opens on the race, and the costs on
/// its status bar and in its legend are those of `--headless --compare`, each runner's own run;
/// `R` in a plain run starts one, and a change ends it.
@Suite("--snapshot: the race")
struct RaceSnapshotTests {
    private static let names = ["sgd", "momentum", "adam"]

    /// Each runner's cost after `steps` steps, as `--headless --compare` prints it, written as
    /// the status bar and the legend write costs (4 significant digits).
    private func headlessCosts(_ scenario: [String], steps: Int) throws -> [String] {
        let result = try ExecutableUnderTest.run(
            [
                "--headless", "--compare", Self.names.joined(separator: ","), "--steps", "\(steps)", "--every",
                "\(steps)",
            ]
                + scenario)
        #expect(result.status == 0, "\(result.stderr)")
        let last = try #require(result.lines.last?.split(separator: ",").map(String.init))
        #expect(last.first == "\(steps)")
        return try last.dropFirst().map { String(format: "%#.4g", try #require(Double($0))) }
    }

    /// The status bar: the line above the last.
    private func statusBar(_ lines: [String]) -> String { lines.count > 1 ? lines[lines.count - 2] : "" }

    @Test(
        "the status bar and the legend show each runner's own cost after N steps",
        arguments: [["--preset", "seed"], ["--preset", "xor-hidden"]])
    func costsAreTheHeadlessRaces(scenario: [String]) throws {
        let costs = try headlessCosts(scenario, steps: 250)
        let wide = try ExecutableUnderTest.run(
            ["--snapshot", "--compare", Self.names.joined(separator: ","), "--steps", "250", "--size", "120x40"]
                + scenario)
        #expect(wide.status == 0, "\(wide.stderr)")
        let listed = zip(Self.names, costs).map { "\($0) \($1)" }
        #expect(
            statusBar(wide.lines).hasPrefix(" step 250  " + listed.joined(separator: "  ") + "  lr "),
            "\(wide.stdout)")
        let marks = ["⠿", "o", "+"]
        let legend = zip(marks, listed).map { "\($0) \($1)" }.joined(separator: "  ")
        #expect(wide.stdout.contains("│ \(legend) "), "\(wide.stdout)")
        // At 80x24 the legend names the runners without their costs, which the bar still shows.
        let standard = try ExecutableUnderTest.run(
            ["--snapshot", "--compare", Self.names.joined(separator: ","), "--steps", "250", "--ascii"] + scenario)
        #expect(
            statusBar(standard.lines).hasPrefix(" step 250  " + listed.joined(separator: "  ")), "\(standard.stdout)")
        #expect(standard.stdout.contains("| - sgd  o momentum  + adam"), "\(standard.stdout)")
    }

    @Test("R in a plain run races sgd, momentum and adam from that step; + ends the race and says why")
    func rInAPlainRun() throws {
        let started = try ExecutableUnderTest.run(["--snapshot", "--steps", "40", "--keys", "Rsss"])
        #expect(started.status == 0, "\(started.stderr)")
        let bar = statusBar(started.lines)
        #expect(bar.hasPrefix(" step 43  sgd "), "\(started.stdout)")
        #expect(bar.contains("  momentum ") && bar.contains("  adam "), "\(bar)")
        // sgd's cost on the bar is the run's own: the same as without the race.
        let alone = try ExecutableUnderTest.run(["--headless", "--format", "csv", "--steps", "43", "--every", "43"])
        let cost = try #require(alone.lines.last?.split(separator: ",").dropFirst().first.flatMap { Double($0) })
        #expect(bar.hasPrefix(" step 43  sgd \(String(format: "%#.4g", cost))  "), "\(bar)")

        let ended = try ExecutableUnderTest.run(["--snapshot", "--steps", "40", "--keys", "Rsss+"])
        #expect(ended.lines.last?.hasPrefix(" race ended: the lr changed; lr 0.2") == true, "\(ended.stdout)")
        #expect(statusBar(ended.lines).hasPrefix(" step 43  C "), "\(ended.stdout)")
        // o's own message is too long to follow the reason at 80 columns: its shorter wording,
        // which keeps the keys and leaves out the hyperparameters, does.
        let changed = try ExecutableUnderTest.run(["--snapshot", "--steps", "40", "--keys", "Rssso"])
        #expect(
            changed.lines.last == " race ended: the optimizer changed; optimizer momentum; o for the next, b undoes",
            "\(changed.stdout)")
    }

    @Test("--compare opens on the race at step 0 and R ends it with the standings")
    func compareThenR() throws {
        let opening = try ExecutableUnderTest.run(["--snapshot", "--compare", "adam,sgd"])
        #expect(
            opening.lines.last?.hasPrefix(" race from step 0: adam, sgd, in lockstep; the panes follow adam; R ends it")
                == true, "\(opening.stdout)")
        #expect(statusBar(opening.lines).hasPrefix(" step 0  adam 1.556  sgd 1.556  lr 0.1  paused"))
        let ended = try ExecutableUnderTest.run(
            ["--snapshot", "--compare", "adam,sgd", "--steps", "100", "--size", "120x40", "--keys", "R"])
        #expect(
            ended.lines.last?.hasPrefix(" race ended at step 100, lowest cost first: adam ") == true, "\(ended.stdout)")
        #expect(statusBar(ended.lines).contains("  adam  paused"), "one cost and the optimizer again: \(ended.stdout)")
    }
}
