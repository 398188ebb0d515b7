/// The quiz's own keys. The answer comes through the entry (`EntryAction.commit`, `.cancel`).
public enum QuizAction: Equatable, Hashable, Sendable {
    /// Ask the class about the next step, the selected parameter's gradient first; or ask again
    /// after an answer (`t`).
    case ask
    /// Another kind of question, the answer typed so far cleared (Tab, or Shift-Tab backwards,
    /// while a question waits for its answer).
    case cycleQuestion(backwards: Bool)
    /// Close the answered question's explanation (Esc).
    case end
}
