/// Why the interactive screen could not start. Each case prints as one line that says what is
/// wrong and how to get going anyway, because the person reading it is usually in front of a
/// class or at the other end of an ssh session and needs the fix, not a stack trace.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// stdin or stdout is redirected (a pipe, a file, a CI log): there is no screen to draw on.
    case notATerminal(stream: String)
    /// The TERM variable is unset or empty, so ncurses cannot look the terminal up.
    case terminalTypeNotSet
    /// No terminfo entry exists for this TERM.
    case unknownTerminalType(String)
    /// The terminal type exists but cannot move the cursor (TERM=dumb, a bare serial line).
    case cannotAddressCursor(String)
    /// The terminal's modes could not be read, so they could not be restored afterwards either.
    case modesUnavailable

    /// The one-line message for stderr.
    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal; use --headless to print the trace instead"
        case .terminalTypeNotSet:
            return "TERM is not set; set it (e.g. TERM=xterm-256color) or use --headless"
        case .unknownTerminalType(let name):
            return "unknown terminal type TERM=\(name); try TERM=xterm-256color, or use --headless"
        case .cannotAddressCursor(let name):
            return "TERM=\(name) cannot move the cursor; try TERM=xterm-256color, or use --headless"
        case .modesUnavailable:
            return "cannot read the terminal's settings to restore them later; use --headless"
        }
    }
}
