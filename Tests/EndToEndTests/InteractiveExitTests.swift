import Foundation
import Testing

/// Every way out of the interactive program leaves the terminal as it was found: the main screen,
/// a visible cursor, keypad off, and `stty -a` word for word the same (echo and icanon above all),
/// with the shell prompt back. Needs tmux, and the lead's wiring of `CursesTerminal` and the
/// app loop into `main.swift` (the binary must open the interactive screen by default).
@Suite(
    "interactive: the terminal is restored on every way out", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct InteractiveExitTests {
    enum WayOut: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case q, ctrlC, ctrlBackslash, sigterm, sighup, sigusr1, sigalrm, sentSigsegv
        var testDescription: String { rawValue }

        /// The shell's exit status: 0 for q, 128 + the signal for a signal.
        var status: Int32 {
            switch self {
            case .q: 0
            case .ctrlC: 128 + SIGINT
            case .ctrlBackslash: 128 + SIGQUIT
            case .sigterm: 128 + SIGTERM
            case .sighup: 128 + SIGHUP
            case .sigusr1: 128 + SIGUSR1
            case .sigalrm: 128 + SIGALRM
            case .sentSigsegv: 128 + SIGSEGV
            }
        }
    }

    @Test("quit, then stty shows echo and icanon", arguments: WayOut.allCases)
    func quit(_ way: WayOut) throws {
        let session = try TmuxSession()
        let before = try session.terminalModes()
        try session.startBackpropTUI()
        #expect(session.pane("alternate_on") == "1")
        switch way {
        case .q: session.press("q")
        case .ctrlC: session.press("C-c")
        case .ctrlBackslash: session.press("C-\\")
        case .sigterm: kill(try session.programPID(named: "backprop-tui"), SIGTERM)
        case .sighup: kill(try session.programPID(named: "backprop-tui"), SIGHUP)
        // Signals whose default action ends the process, and a SIGSEGV sent with kill(1), which
        // is no crash: the program must die by it at once, terminal restored, not hand it to
        // the Swift crash reporter (which waits for a key and then lets the program run on).
        case .sigusr1: kill(try session.programPID(named: "backprop-tui"), SIGUSR1)
        case .sigalrm: kill(try session.programPID(named: "backprop-tui"), SIGALRM)
        case .sentSigsegv: kill(try session.programPID(named: "backprop-tui"), SIGSEGV)
        }
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == way.status)
        try session.expectRestored(before: before)
    }

    @Test("Ctrl-Z gives the terminal back; fg repaints and the keys work again")
    func suspendAndResume() throws {
        let session = try TmuxSession()
        let before = try session.terminalModes()
        try session.startBackpropTUI()
        session.press("C-z")
        try session.waitForPrompt()
        try session.expectRestored(before: before)
        session.enter("fg")
        // The stty output is still on the main screen; only a repaint puts the numbers back.
        try session.waitUntil("the repainted screen") {
            $0.text.contains(TmuxSession.seedCost) && session.pane("alternate_on") == "1"
        }
        session.press("s")
        try session.waitFor(TmuxSession.stepOneCost)
        session.press("q")
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 0)
        try session.expectRestored(before: before)
    }

    enum Crash: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case trap, segv
        var testDescription: String { rawValue }

        /// What the user must still be able to read after the crash.
        var message: String {
            switch self {
            case .trap: "Fatal error: crash test"
            case .segv: "Segmentation fault"
            }
        }

        /// The statuses of death by the original signal: a Swift trap is SIGILL on x86-64 and
        /// SIGTRAP on arm64.
        var statuses: Set<Int32> {
            switch self {
            case .trap: [128 + SIGILL, 128 + SIGTRAP]
            case .segv: [128 + SIGSEGV]
            }
        }
    }

    @Test("a crash restores the terminal, keeps its message and dies by its signal", arguments: Crash.allCases)
    func crash(_ crash: Crash) throws {
        // The Swift backtracer would otherwise wait 30 s for a key at an interactive terminal.
        let session = try TmuxSession(environment: ["SWIFT_BACKTRACE": "interactive=no"])
        let before = try session.terminalModes()
        try session.startBackpropTUI(environment: ["BACKPROP_TUI_CRASH_TEST": crash.rawValue])
        session.press("!")
        try session.waitForPrompt()
        let history = session.history.text
        #expect(history.contains(crash.message), "\(session.history)")
        let status = try session.lastExitStatus()
        #expect(status.map(crash.statuses.contains) == true, "status \(String(describing: status))")
        try session.expectRestored(before: before)
    }
}
