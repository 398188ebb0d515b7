import BackpropCore

/// Why a text is not a `KeySequence`.
public enum KeySequenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `<name>` with a name no key has; the name as written, without the angle brackets.
    case unknownName(String)

    /// One line that names the bad key and lists the good ones.
    public var description: String {
        switch self {
        case .unknownName(let name):
            let known = KeySequence.names.map { "<\($0.name)>" }.joined(separator: " ")
            // The name as typed, cut to a readable length: it may be anything between < and >.
            return "<\(TerminalSafe.shortened(name))> is not a key name; the names are \(known) (in any case)"
        }
    }
}
