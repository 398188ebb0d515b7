import Foundation
import Testing

/// The interactive screen in a real terminal (tmux), used as a person would: the first frame's
/// numbers, a step, resizing down to 1x1 and back, a storm of keys while running, and the refusals
/// when there is no usable terminal. Needs tmux, and (except the pipe refusal) the lead's wiring of
/// `CursesTerminal` and the app loop into `main.swift`.
@Suite(
    "interactive: the screen in a real terminal", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct InteractiveScreenTests {
    @Test("the first screen shows the seed: step 0, its cost and lr 0.1; s takes the article's step 1")
    func firstScreenAndOneStep() throws {
        let session = try TmuxSession()
        try session.startBackpropTUI()
        let first = session.screen
        #expect(first.text.contains("step 0"), "\(first)")
        #expect(first.text.contains("lr 0.1"), "\(first)")
        #expect(first.text.contains("paused"), "\(first)")
        session.press("s")
        let stepped = try session.waitForAll(TmuxSession.stepOneCost, "step 1")
        #expect(stepped.text.contains("step 1"), "\(stepped)")
        #expect(!stepped.text.contains(TmuxSession.seedCost + "1"), "the status bar still shows step 0's cost")
        session.press("q")
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 0)
    }

    @Test("resizing down to 1x1 and back: the too-small message, then the whole screen again")
    func resizeToTinyAndBack() throws {
        let session = try TmuxSession()
        try session.startBackpropTUI()
        try session.resize(width: 20, height: 5)
        try session.waitFor("terminal is 20x5")
        try session.resize(width: 1, height: 1)
        try session.waitUntil("a 1x1 pane") { _ in
            session.pane("pane_width") == "1" && session.pane("pane_height") == "1"
        }
        try session.resize(width: 3, height: 2)
        try session.resize(width: 80, height: 24)
        try session.waitFor(TmuxSession.seedCost)
        try session.resize(width: 100, height: 30)
        let restored = try session.waitFor(TmuxSession.seedCost)
        #expect(!restored.text.contains("terminal is"), "\(restored)")
        #expect(try session.programPID(named: "backprop-tui") > 0)
        // Below the minimum, q must still quit.
        try session.resize(width: 20, height: 5)
        try session.waitFor("terminal is 20x5")
        session.press("q")
        try session.resize(width: 100, height: 30)
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 0)
    }

    @Test("with an lr being typed on a too-small terminal, s types nothing and q quits")
    func quitFromAnEntryOnATooSmallTerminal() throws {
        let session = try TmuxSession()
        try session.startBackpropTUI()
        session.press("l")
        session.type("0.2")
        try session.waitFor("learning rate: 0.2")
        try session.resize(width: 60, height: 20)
        // Drawn, so the resize has been read: both keys below arrive at 60x20. Before the fix
        // both went into the entry ("0.2sq") and the program kept running.
        try session.waitFor("terminal is 60x20")
        session.press("s", "q")
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 0)
    }

    @Test("a storm of keys while running: still alive, still answering, quits cleanly")
    func keyStorm() throws {
        let session = try TmuxSession()
        try session.startBackpropTUI()
        session.press("r")
        try session.waitFor("running")
        // Every key but q (and the file writers), the quiz's t among them, in a fixed pseudo-random order, sent in bursts as fast as tmux can.
        let keys = [
            "s", "r", "p", "Space", "x", "+", "=", "-", "]", "[", "g", "?", "l", "1", "0", ".", "5",
            "BSpace", "Enter", "Escape", "Up", "Down", "Left", "Right", "Tab", "BTab", "a", "é", "t",
        ]
        for burst in 0..<20 {
            session.press(all: (0..<25).map { keys[(burst * 31 + $0 * 17) % keys.count] })
        }
        session.press("Escape", "Escape", "p", "x")
        try session.waitUntil("step 0 after reset") { $0.text.contains(" step 0 ") && $0.text.contains("paused") }
        #expect(try session.programPID(named: "backprop-tui") > 0)
        session.press("q")
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 0)
    }

    @Test("stdout redirected: one line on stderr pointing to --headless, non-zero exit")
    func refusesWithoutTerminalOutput() throws {
        let session = try TmuxSession()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        session.launchBackpropTUI(redirect: " > '\(file.path)'")
        try session.waitForPrompt()
        let status = try session.lastExitStatus()
        #expect(status != 0 && status != nil)
        let screen = session.unwrappedScreen
        #expect(screen.lines.filter { $0.contains("--headless") }.count == 1, "\(screen)")
    }

    @Test("stdin and stdout not a terminal (a pipe): one line pointing to --headless, non-zero exit")
    func refusesInAPipe() throws {
        let result = try ExecutableUnderTest.run([])
        #expect(result.status != 0)
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--headless"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "TERM unknown or unable to move the cursor: one clear line, non-zero exit, terminal untouched",
        arguments: ["dumb", "no-such-terminal"])
    func refusesUnusableTerminalType(_ terminalType: String) throws {
        let session = try TmuxSession()
        let before = try session.terminalModes()
        session.launchBackpropTUI(environment: ["TERM": terminalType])
        try session.waitForPrompt()
        let status = try session.lastExitStatus()
        #expect(status != 0 && status != nil)
        let screen = session.unwrappedScreen
        let messages = screen.lines.filter { !$0.hasPrefix(TmuxSession.prompt) && $0.contains("TERM=\(terminalType)") }
        #expect(messages.count == 1, "\(screen)")
        #expect(try session.terminalModes() == before)
    }
}
