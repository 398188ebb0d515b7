/// Why `JSONValueDecoder` could not decode a value, with the coding path and the place in the
/// file it concerns, so the caller can word the message for the field and add its position.
enum JSONDecodingFailure: Error {
    /// The value at `path` is not of the type asked for (a string where a number goes, 1e999, a
    /// fraction where a whole number goes, a list where an object goes).
    case wrongType(path: [any CodingKey], found: JSONValue)
    /// The object at `path` has a member its type does not name.
    case unknownKey(path: [any CodingKey], name: String, at: SourcePosition)
    /// The object at `path` lacks a member that was asked for; the position is the object's.
    case missingKey(path: [any CodingKey], name: String, at: SourcePosition)
    /// The type decoding the value at `path` refused it for `reason` (a name that is not one
    /// of an enum's, a rule of the type's own).
    case refused(path: [any CodingKey], found: JSONValue, reason: any Error)

    /// Where in the file the failure is: the value's start, or the key's.
    var position: SourcePosition {
        switch self {
        case .wrongType(_, let found), .refused(_, let found, _): return found.position
        case .unknownKey(_, _, let position), .missingKey(_, _, let position): return position
        }
    }
}
