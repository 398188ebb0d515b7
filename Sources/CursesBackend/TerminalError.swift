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
            return "\(stream) is not a terminal, so there is no screen to draw on; "
                + "use --headless to print the trace as text, or --snapshot for one frame"
        case .terminalTypeNotSet:
            return "TERM is not set, so the terminal type is unknown; "
                + "set it, e.g. TERM=xterm-256color, or use --headless"
        case .unknownTerminalType(let name):
            return "unknown terminal type TERM=\(name) (no terminfo entry); "
                + "try TERM=xterm-256color, or use --headless"
        case .cannotAddressCursor(let name):
            return "the terminal type TERM=\(name) cannot move the cursor, so it cannot show the screen; "
                + "use a full terminal (e.g. TERM=xterm-256color) or --headless"
        case .modesUnavailable:
            return "could not read the terminal's settings, so they could not be restored afterwards; "
                + "use --headless"
        }
    }
}
