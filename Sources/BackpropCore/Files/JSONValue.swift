import Foundation

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

    /// How the value reads in an error message; a string's control characters are escaped
    /// (`TerminalSafe`), as the text comes from the file.
    var shortDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "\(value)"
        case .number(let value): return "\(value)"
        case .unrepresentableNumber(let text): return "\(text) (too large for a double)"
        case .string(let value): return "\"\(TerminalSafe.escaped(value))\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

extension JSONValue {
    /// The value as canonical JSON, every number in shortest round-trip form. Foundation's
    /// `JSONDecoder` reads this text: our parser has already found every syntax error with its
    /// line and column, and what it accepted (a number that underflows to 0, say) reaches the
    /// decoder in a form the decoder accepts too.
    var canonicalText: String {
        switch self {
        case .null, .unrepresentableNumber: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return value.description
        case .string(let text): return JSONValue.quoted(text)
        case .array(let elements): return "[" + elements.map(\.canonicalText).joined(separator: ",") + "]"
        case .object(let members):
            return "{"
                + members.keys.sorted().map { JSONValue.quoted($0) + ":" + members[$0]!.canonicalText }
                .joined(separator: ",") + "}"
        }
    }

    /// The value a decoder's coding path leads to, if there is one.
    func value(at path: [any CodingKey]) -> JSONValue? {
        guard let key = path.first else { return self }
        switch self {
        case .object(let members): return members[key.stringValue]?.value(at: Array(path.dropFirst()))
        case .array(let elements):
            guard let index = key.intValue, elements.indices.contains(index) else { return nil }
            return elements[index].value(at: Array(path.dropFirst()))
        default: return nil
        }
    }

    /// The path to the first number too large for a Double (such as 1e999), in document order
    /// of keys sorted by name, with that number as written.
    func firstUnrepresentableNumber(path: [any CodingKey] = []) -> (path: [any CodingKey], text: String)? {
        switch self {
        case .unrepresentableNumber(let text): return (path, text)
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = element.firstUnrepresentableNumber(path: path + [AnyCodingKey(index)]) { return found }
            }
        case .object(let members):
            for key in members.keys.sorted() {
                if let found = members[key]!.firstUnrepresentableNumber(path: path + [AnyCodingKey(key)]) {
                    return found
                }
            }
        default: break
        }
        return nil
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
