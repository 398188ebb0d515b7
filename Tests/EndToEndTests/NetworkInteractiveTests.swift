import Foundation
import Testing

/// The real binary in tmux on a network with a hidden layer (`--preset xor-hidden`, 2-3-1, tanh
/// then sigmoid, lr 0.5), used as a person would: selecting a hidden weight and reading its
/// chain rule, a step and a step back, `<` `>` choosing the network pane's sample, `n` walking
/// the six phases of one step, and a resize while both layer panes are shown; `q` leaves the
/// terminal as it was found.
///
/// Only whole frames are trusted: ncurses sends a frame top to bottom, so a frame is read once a
/// row below everything asserted on (the status bar, the hint line) shows the new state.
@Suite(
    "interactive: a network with a hidden layer in a real terminal", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct NetworkInteractiveTests {
    /// A session of `width` x `height` with the program started on the preset, at its first frame.
    private func start(width: Int = 80, height: Int = 24) throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height)
        session.launchBackpropTUI(["--preset", "xor-hidden"])
        try session.waitUntil("the first frame, both layer panes and step 0") { screen in
            screen.text.contains("Layer 1 · W¹, b¹ · tanh") && screen.text.contains("Layer 2 · W², b²")
                && step(screen) == 0
        }
        return session
    }

    /// The step count on the status bar (` step 3  C ...`), if the status bar is drawn.
    private func step(_ screen: TmuxScreen) -> Int? {
        guard let line = screen.lines.first(where: { $0.hasPrefix(" step ") && $0.contains("  C ") }) else {
            return nil
        }
        return Int(line.dropFirst(" step ".count).prefix { $0.isNumber })
    }

    /// The inspector's update line for ω¹22, `ω¹22: A → B`, as the two numbers' text.
    private func update(_ screen: TmuxScreen) -> (from: String, to: String)? {
        screen.text.firstMatch(of: #/ω¹22: (\S+) → (\S+)/#).map { (String($0.1), String($0.2)) }
    }

    /// The inspector's total gradient of ω¹22, `∂C/∂ω¹22 = VALUE`, as drawn.
    private func gradient(_ screen: TmuxScreen) -> String? {
        screen.text.firstMatch(of: #/∂C/∂ω¹22 = \S+/#).map { String($0.0) }
    }

    /// ω¹22 in the layer 1 pane: row x2, the value column of neuron h¹2, without its ▲/▼ mark.
    private func layerOneOmega22(_ screen: TmuxScreen) -> String? {
        layerOneOmega22Cell(screen).map { String($0.filter { $0 != "▲" && $0 != "▼" }) }
    }

    /// The ▲ or ▼ after ω¹22 in the layer 1 pane, nil when it has none.
    private func layerOneOmega22Mark(_ screen: TmuxScreen) -> Character? {
        layerOneOmega22Cell(screen)?.last.flatMap { $0 == "▲" || $0 == "▼" ? $0 : nil }
    }

    /// ω¹22's cell in the layer 1 pane, with its mark if it has one.
    private func layerOneOmega22Cell(_ screen: TmuxScreen) -> Substring? {
        // "│ x2  0.2000  -0.0628  0.6000  -0.0418 -0.5000   0.0186││ h¹2 ...": value, gradient, ...
        guard let line = screen.lines.first(where: { $0.hasPrefix("│ x2 ") }),
            let pane = line.split(separator: "│").first
        else { return nil }
        let cells = pane.split(separator: " ")
        guard cells.count > 3 else { return nil }
        return cells[3]
    }

    /// The network pane's inputs for the sample shown: the first number of its x rows.
    private func networkInputs(_ screen: TmuxScreen) -> [String] {
        screen.lines.filter { $0.contains("─┬→") || $0.contains("─┼→") }.compactMap { line in
            line.split(separator: " ").dropFirst().first.map(String.init)
        }
    }

    /// The line holding both layer panes' titles (their top borders), if it is drawn.
    private func layerTitles(_ screen: TmuxScreen) -> String? {
        screen.lines.first { $0.contains("Layer 1 · W¹, b¹ · tanh") && $0.contains("Layer 2 · W², b²") }
    }

    @Test("a hidden weight: select ω¹22, step to the inspector's value, step back to the same gradient, quit")
    func hiddenWeightStepAndBack() throws {
        let session = try TmuxSession(width: 80, height: 24)
        let before = try session.terminalModes()
        session.launchBackpropTUI(["--preset", "xor-hidden"])
        let first = try session.waitUntil("the first frame") { screen in
            layerTitles(screen) != nil && step(screen) == 0
        }
        #expect(first.text.contains("Inspector ω¹11"), "the selection starts on ω¹11: \(first)")
        #expect(!first.text.contains("▲") && !first.text.contains("▼"), "nothing has changed yet: \(first)")

        session.press("Right", "Down")
        let selected = try session.waitForAll("Inspector ω¹22", "e¹2 = δ²1·ω²21 = ")
        let planned = try #require(update(selected), "the inspector's ω¹22: A → B line: \(selected)")
        let gradientBefore = try #require(gradient(selected), "\(selected)")
        #expect(layerOneOmega22(selected) == planned.from, "the pane and the inspector agree on ω¹22: \(selected)")
        #expect(planned.from != planned.to, "a step moves ω¹22: \(selected)")

        session.press("s")
        let stepped = try session.waitUntil("step 1 on the status bar") { step($0) == 1 }
        let rose = try #require(Double(planned.to)) > (try #require(Double(planned.from)))
        #expect(layerOneOmega22Mark(stepped) == (rose ? "▲" : "▼"), "the change is marked: \(stepped)")
        #expect(layerOneOmega22(stepped) == planned.to, "ω¹22 is what the inspector said it would be: \(stepped)")
        #expect(update(stepped)?.from == planned.to, "the inspector follows the step: \(stepped)")
        #expect(stepped.text.contains("Inspector ω¹22"), "the selection stays on ω¹22: \(stepped)")

        session.press("b")
        // The message is on the last row, so the frame above it is whole.
        let back = try session.waitUntil("back to step 0") { screen in
            step(screen) == 0 && screen.lastLine.contains("back to step 0")
        }
        #expect(gradient(back) == gradientBefore, "\(back)")
        #expect(layerOneOmega22(back) == planned.from, "\(back)")

        try session.quitAndExpectRestored(before: before)
    }

    @Test("< and > choose the sample the network pane shows, wrapping around at 120x40 (plane hidden)")
    func chooseSample() throws {
        let session = try start(width: 120, height: 40)
        // The input plane shows by itself at 120x40; hidden, the panes get 7 decimals again. The
        // inputs x are data, written as the data writes them.
        session.type("m")
        // The title row is above the x rows, so both are waited for: a frame may arrive in pieces.
        func waitForSample(_ number: Int, inputs: [String]) throws {
            try session.waitUntil("sample \(number) of 4 with x = \(inputs)") { screen in
                screen.text.contains("Network · sample \(number) of 4") && networkInputs(screen) == inputs
            }
        }
        try waitForSample(1, inputs: ["0", "0"])
        session.type(">")
        try waitForSample(2, inputs: ["0", "1"])
        session.type("<")
        session.type("<")
        try waitForSample(4, inputs: ["1", "1"])
        session.press("q")
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 0)
    }

    @Test("n six times walks the six phases of a 2-layer step; the sixth takes the step")
    func walkSixPhases() throws {
        let session = try start()
        let phases = [
            "forward, layer 1", "forward, layer 2", "cost", "backward, layer 2", "backward, layer 1", "update",
        ]
        for (index, phase) in phases.enumerated() {
            let number = index + 1
            session.press("n")
            // The walk's title is above the status bar, and the phase's hint is the last row.
            let screen = try session.waitUntil("phase \(number)/6, \(phase)") { screen in
                screen.text.contains("\(number)/6 \(phase)") && screen.lastLine.hasPrefix(" \(phase):")
            }
            #expect(step(screen) == (number == 6 ? 1 : 0), "phase \(number): \(screen)")
        }
        session.press("q")
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 0)
    }

    @Test("resizing to 100x30 and back to 80x24 redraws both layer panes at each width; q quits cleanly")
    func resizeWithNetwork() throws {
        let session = try TmuxSession(width: 80, height: 24)
        let before = try session.terminalModes()
        session.launchBackpropTUI(["--preset", "xor-hidden"])
        let small = try session.waitUntil("the first frame") { layerTitles($0) != nil && step($0) == 0 }
        #expect(!small.text.contains("Network · sample"), "no room for the network pane at 80x24: \(small)")
        #expect(layerTitles(small)?.count == 80, "\(small)")

        try session.resize(width: 100, height: 30)
        let wide = try session.waitUntil("the network pane at 100x30") { screen in
            screen.text.contains("Network · sample 1 of 4") && step(screen) == 0
        }
        #expect(layerTitles(wide)?.count == 100, "the layer panes span the new width: \(wide)")

        try session.resize(width: 80, height: 24)
        let narrow = try session.waitUntil("the frame back at 80x24") { screen in
            !screen.text.contains("Network · sample") && layerTitles(screen) != nil && step(screen) == 0
        }
        #expect(layerTitles(narrow)?.count == 80, "\(narrow)")

        session.press("s")
        let stepped = try session.waitUntil("step 1 after the resizes") { step($0) == 1 }
        #expect(layerTitles(stepped)?.count == 80, "\(stepped)")
        try session.quitAndExpectRestored(before: before)
    }
}
