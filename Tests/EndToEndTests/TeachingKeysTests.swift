import BackpropCore
import Foundation
import Testing

/// The teaching keys in the real binary inside tmux, on the article's example at 80x24: the
/// inspector's numbers, the gradient check, the lr preview, stepping back, editing, and the
/// files `e` and `w` write into the session's working folder, loaded back with `--scenario`.
@Suite(
    "interactive: the teaching keys in a real terminal", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct TeachingKeysTests {
    /// A fresh folder for the session to work in, so the files written are only the test's.
    private func workingFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// A session at 80x24 whose shell is in `folder`, with the program started on the seed.
    private func start(in folder: String, arguments: [String] = []) throws -> TmuxSession {
        let session = try TmuxSession(width: 80, height: 24)
        session.enter("cd '\(folder)'")
        session.launchBackpropTUI(arguments)
        try session.waitFor("step 0")
        return session
    }

    @Test("the inspector shows the article's chain rule for ω11, follows the selection and the step")
    func inspector() throws {
        let folder = try workingFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try start(in: folder)
        let first = try session.waitForAll("∂C/∂ω11 = 0.7459", "Δω11 = -lr · 0.7459 = -0.0746", "ω11: 0.1000 → 0.0254")
        #expect(
            first.text.contains("sample 1:  x1 · g'(a1) · 2(ŷ1 - y1) = 1 · 0.0898 · (-0.1995) = -0.0179"),
            "\(first)")
        #expect(
            first.text.contains("sample 2:  x1 · g'(a1) · 2(ŷ1 - y1) = 3 · 0.1587 · 1.6044    =  0.7638"),
            "\(first)")
        #expect(first.text.contains("Δω11 = -lr · 0.7459 = -0.0746"), "\(first)")
        #expect(first.text.contains("ω11: 0.1000 → 0.0254"), "\(first)")
        session.press("Down")
        try session.waitFor("Inspector ω21")
        session.press("Tab")
        try session.waitFor("Inspector ω22")
        // b is the row under W.
        session.press("Down")
        session.press("Down")
        let bias = try session.waitForAll("Inspector b2", "∂C/∂b2 = Σ δ2 = 0.0768")
        #expect(bias.text.contains("∂C/∂b2 = Σ δ2 = 0.0768"), "\(bias)")
        session.press("BTab")
        try session.waitFor("Inspector b1")
        session.press("s")
        let stepped = try session.waitForAll("step 1 ", "b1: -0.0118 →")
        #expect(stepped.text.contains("b1: -0.0118 →"), "the inspector follows the step: \(stepped)")
        session.press("q")
        try session.waitForPrompt()
    }

    @Test("c shows finite differences beside backprop; v previews each lr and marks the rises")
    func checkAndPreview() throws {
        let folder = try workingFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try start(in: folder)
        session.press("c")
        let check = try session.waitForAll("Gradient check", "f.diff", "ω11  0.7459  0.7459")
        #expect(check.text.contains("f.diff"), "\(check)")
        let omega11 = check.lines.first { $0.contains("ω11  0.7459  0.7459") }
        #expect(omega11 != nil, "\(check)")
        #expect(omega11?.contains("e-10") ?? false, "a tiny relative error: \(check)")
        session.press("c")
        session.press("v")
        // The pane's own title: the hint line always says "lr preview", so waiting for that
        // alone would read the screen before `v` was handled.
        let preview = try session.waitForAll("lr preview (v)", "→  0.1  1.4556 ▼", "10  1.9875 ▲")
        #expect(preview.text.contains("→  0.1  1.4556 ▼"), "\(preview)")
        #expect(preview.text.contains("10  1.9875 ▲"), "\(preview)")
        session.press("q")
        try session.waitForPrompt()
    }

    @Test("b steps back exactly after steps, an lr change and an edit; Esc cancels an edit")
    func stepBackAndEdit() throws {
        let folder = try workingFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try start(in: folder)
        session.press("s", "s", "s")
        try session.waitFor("step 3 ")
        session.press("b")
        let back = try session.waitForAll("back to step 2", "C 1.338238027")
        #expect(back.text.contains("C 1.338238027"), "the article's cost after step 2: \(back)")
        session.press("+")
        try session.waitFor("lr 0.2")
        session.press("b")
        try session.waitFor("lr 0.1 ")

        session.press("Enter")
        try session.waitFor("new value of ω11")
        session.type("0.5")
        session.press("Escape")
        try session.waitUntil("the entry closed") { !$0.text.contains("new value of") }
        session.press("Enter")
        session.type("abc")
        session.press("Enter")
        let refused = try session.waitFor("\"abc\" is not a decimal number")
        #expect(refused.text.contains("ω11 stays"), "\(refused)")
        session.press("Enter")
        session.type("0.5")
        session.press("Enter")
        let edited = try session.waitForAll("ω11 set to 0.5", "ω11: 0.5000 →")
        #expect(edited.text.contains("ω11: 0.5000 →"), "\(edited)")
        session.press("b")
        let undone = try session.waitUntil("step 2 again, without the edit") {
            $0.text.contains("edit undone: ω11 back to") && $0.text.contains("C 1.338238027")
                && !$0.text.contains("ω11: 0.5000")
        }
        #expect(!undone.text.contains("ω11: 0.5000"), "\(undone)")
        #expect(undone.text.contains("C 1.338238027"), "\(undone)")
        session.press("q")
        try session.waitForPrompt()
    }

    @Test("e exports the trace and w saves the state in the working folder; --scenario loads it back")
    func exportAndSave() throws {
        let folder = try workingFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try start(in: folder)
        session.press("s", "s")
        try session.waitFor("step 2 ")
        session.press("Enter")
        session.type("0.25")
        session.press("Enter")
        try session.waitFor("ω11 set to 0.25")
        let exportedPath = #"backprop-trace-\d{8}-\d{6}(-\d+)?\.csv"#
        func exported(_ screen: TmuxScreen) -> String? {
            screen.text.range(of: exportedPath, options: .regularExpression).map { String(screen.text[$0]) }
        }
        session.press("e")
        let first = try session.waitFor("steps 0-2 (4 rows) exported to ./backprop-trace-")
        let firstName = try #require(exported(first), "\(first)")
        // Within the same second the name is taken, so the second export gets "-2"; across a
        // second boundary it gets a new time. Either way it must be a new file, never the first.
        session.press("e")
        try session.waitUntil("a second export under another name") { screen in
            exported(screen).map { $0 != firstName } ?? false
        }
        session.press("w")
        try session.waitFor("saved to ./backprop-scenario-")
        session.press("q")
        try session.waitForPrompt()

        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let traces = names.filter { $0.hasPrefix("backprop-trace-") && $0.hasSuffix(".csv") }
        let saves = names.filter { $0.hasPrefix("backprop-scenario-") && $0.hasSuffix(".json") }
        #expect(traces.count == 2 && saves.count == 1 && names.count == 3, "\(names)")
        let csv = try String(contentsOfFile: "\(folder)/\(traces[0])", encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(
            rows.first
                == "step,cost,accuracy,grad_norm_1,w1_1,w1_2,w2_1,w2_2,w3_1,w3_2,b1,b2,lr,optimizer,optimizer_step,event",
            "\(csv)")
        #expect(rows.count == 1 + 3 + 1, "steps 0, 1, 2 and the edited state at step 2: \(csv)")
        // Step 0 of the article: half its samples right (both ŷ rows favour the second output).
        #expect(rows.dropFirst().first?.hasPrefix("0,1.5562961971059417,0.5,") ?? false, "\(csv)")
        #expect(rows.last?.hasPrefix("2,") ?? false, "\(csv)")
        #expect(rows.last?.contains(",0.25,") ?? false, "\(csv)")
        #expect(rows.last?.hasSuffix(",0.1,sgd,0,edit") ?? false, "\(csv)")

        let saved = try Scenario.load(path: "\(folder)/\(saves[0])")
        var expected = Trainer(scenario: Preset.seed.scenario)
        expected.run(steps: 2)
        var network = expected.network
        network[.weight(layer: 0, row: 0, column: 0)] = 0.25
        #expect(saved.network == network, "the saved W and b are the state's, bit for bit")
        #expect(saved.learningRate == 0.1)

        session.launchBackpropTUI(["--scenario", saves[0]])
        let loaded = try session.waitForAll("step 0", "ω11: 0.2500 →")
        #expect(loaded.text.contains("ω11: 0.2500 →"), "\(loaded)")
        session.press("q")
        try session.waitForPrompt()
    }
}

extension TmuxSession {
    /// Waits until every one of `texts` is on the screen at once. ncurses may send a frame in
    /// pieces, so one string being there does not mean its neighbours are: a capture between
    /// two pieces once showed the new step in the status bar above the old inspector.
    @discardableResult
    func waitForAll(_ texts: String...) throws -> TmuxScreen {
        try waitUntil(texts.map { "\"\($0)\"" }.joined(separator: " and ")) { screen in
            texts.allSatisfy { screen.text.contains($0) }
        }
    }
}
