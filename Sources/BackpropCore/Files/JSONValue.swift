/// A parsed JSON value, so scenario validation can say exactly which field is wrong instead of
/// passing on a decoder's generic message.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    /// A number that fits a Double (one too small to represent reads as 0, as in every parser).
    case number(Double)
    /// A well-formed JSON number too large for a Double, such as 1e999, kept as written so the
    /// message can quote it.
    case unrepresentableNumber(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// How the value reads in an error message.
    var shortDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "\(value)"
        case .number(let value): return "\(value)"
        case .unrepresentableNumber(let text): return "\(text) (too large for a double)"
        case .string(let value): return "\"\(value)\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
