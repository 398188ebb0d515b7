import BackpropCore

/// Why a text is not a `KeySequence`.
public enum KeySequenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `<name>` with a name no key has; the name as written, without the angle brackets.
    case unknownName(String)
    /// A mouse name and a space without two whole numbers of at least 1 and `>` after them; what
    /// was written, from `<`.
    case badMouse(String)

    /// How the mouse is written, for both messages.
    static let mouseForms = MouseEvent.Kind.allCases.map { "<\($0.name) c r>" }.joined(separator: " ")

    /// One line that names the bad key and lists the good ones.
    public var description: String {
        switch self {
        case .unknownName(let name):
            let known = KeySequence.names.map { "<\($0.name)>" }.joined(separator: " ")
            // The name as typed, cut to a readable length: it may be anything between < and >.
            return
                "<\(TerminalSafe.shortened(name))> is not a key name; the names are \(known) (in any case), and the mouse \(Self.mouseForms)"
        case .badMouse(let written):
            return
                "\(TerminalSafe.shortened(written)) is not a mouse event; write \(Self.mouseForms) with column c and row r counted from 1, like <Click 12 5>"
        }
    }
}
