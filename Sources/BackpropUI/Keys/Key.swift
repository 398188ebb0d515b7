/// A key press, or a mouse button or wheel, already decoded by the backend.
public enum Key: Equatable, Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, space).
    case character(Character)
    /// Enter / Return.
    case enter
    /// Esc.
    case escape
    /// Backspace or Delete-left.
    case backspace
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Arrow keys.
    case up, down, left, right
    /// Page Up and Page Down: scroll the pane that has more than fits.
    case pageUp, pageDown
    /// Home and End: the ends of a typed entry.
    case home, end
    /// A mouse button or the wheel, where on the screen it happened. Only the modes that read
    /// the screen use it (the drawing's canvas); elsewhere it does nothing.
    case mouse(MouseEvent)
}
