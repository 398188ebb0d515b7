/// Something the terminal reports to the main loop.
public enum TerminalEvent: Equatable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// The terminal has a new size (SIGWINCH / KEY_RESIZE).
    case resize(Size)
    /// The user or the system asked the program to end: Ctrl-C, SIGTERM, SIGHUP.
    case quit
    /// The screen must be drawn again from scratch (after Ctrl-Z and `fg`).
    case redraw
}
