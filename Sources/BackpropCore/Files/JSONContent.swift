/// What a JSON value is, without where it stands (`JSONValue` adds that).
enum JSONContent: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number that fits a Double (one too small to represent reads as 0, as in every parser).
    case number(Double)
    /// A well-formed number too large for a Double, such as 1e999, kept as written so the
    /// message can quote it.
    case unrepresentableNumber(String)
    case string(String)
    case array([JSONValue])
    /// The members in the order the file gives them; the parser has refused duplicate names.
    case object([JSONMember])

    /// How the value reads in an error message; a string or a long number is escaped and cut
    /// to a readable length (`TerminalSafe.quoted`), as the text comes from the file.
    var shortDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "\(value)"
        case .number(let value): return "\(value)"
        case .unrepresentableNumber(let text): return "\(TerminalSafe.shortened(text)) (too large for a double)"
        case .string(let value): return TerminalSafe.quoted(value)
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
