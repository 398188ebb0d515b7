import Foundation

/// What the interactive tests do over and over: start `backprop-tui` at the prompt, and look at
/// the shell afterwards.
extension TmuxSession {
    /// The seed's cost at step 0 (1.5562961971059417), as far as both the 10-digit and the full
    /// status bar agree.
    static let seedCost = "1.55629619"
    /// The article's cost after step 1 (1.4556414717601052), likewise.
    static let stepOneCost = "1.45564147"

    /// Types the command that starts the built binary, with `environment` in front of it.
    func launchBackpropTUI(_ arguments: [String] = [], environment: [String: String] = [:], redirect: String = "") {
        let words =
            environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + ["'\(ExecutableUnderTest.path)'"] + arguments
        enter(words.joined(separator: " ") + redirect)
        // Until the shell has echoed the command, the old prompt would pass for "it has ended".
        // (A quick program may already have switched to its alternate screen, hiding the echo.)
        _ = try? waitUntil("the command echoed") { _ in
            pane("alternate_on") == "1" || unwrappedScreen.text.contains(ExecutableUnderTest.path)
        }
    }

    /// Starts the binary and waits for its first frame.
    func startBackpropTUI(environment: [String: String] = [:]) throws {
        launchBackpropTUI(environment: environment)
        try waitFor(Self.seedCost)
    }

    /// The exit status of the last command, read with `echo $?` as a person would.
    func lastExitStatus() throws -> Int32? {
        markerNumber += 1
        let label = "status-\(markerNumber)="
        enter("echo \(label)$?")
        let screen = try waitUntil("the exit status") { screen in
            screen.lines.contains { $0.hasPrefix(label) && Int32($0.dropFirst(label.count)) != nil }
        }
        return screen.lines.last { $0.hasPrefix(label) }.flatMap { Int32($0.dropFirst(label.count)) }
    }

    /// The terminal modes `stty -a` reports in the pane.
    func terminalModes() throws -> TmuxTerminalModes {
        TmuxTerminalModes(sttyOutput: try output(of: "stty -a"))
    }
}
