/// A line typed at the bottom of the screen: an exact lr (`l`), a new value for the selected
/// parameter (Enter), a quiz answer (opened by `QuizAction.ask`), or a drawing's class (opened
/// by `DrawingAction.askLabel`).
public enum EntryAction: Equatable, Hashable, Sendable {
    /// Start typing an exact lr (`l`).
    case beginLearningRate
    /// Start typing a new value for the selected parameter (Enter).
    case beginParameter
    /// A character typed into the open entry, at its cursor.
    case type(Character)
    /// Delete the character before the cursor (Backspace).
    case deleteBackward
    /// Move the cursor (Left, Right, Home, End).
    case moveCursor(TextEntry.Motion)
    /// Apply the typed value, or say why it cannot be used (Enter).
    case commit
    /// Leave the entry, nothing changed (Esc).
    case cancel
}
