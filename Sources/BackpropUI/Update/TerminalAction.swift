/// What the terminal (or the user leaving) tells the program.
public enum TerminalAction: Equatable, Hashable, Sendable {
    /// The terminal has a new size.
    case resize(Size)
    /// End the program (`q`, Ctrl-C, SIGTERM).
    case quit
}
