/// Something expected on a tmux screen never came; carries the last screen, so a failure shows
/// what the program showed instead.
struct TmuxTimeout: Error, CustomStringConvertible {
    /// What the test was waiting for.
    let waitingFor: String
    /// The screen when it gave up.
    let screen: String

    var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
}
