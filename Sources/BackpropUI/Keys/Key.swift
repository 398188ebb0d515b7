/// A key press, already decoded by the backend.
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
}
