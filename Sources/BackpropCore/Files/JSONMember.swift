/// One `"name": value` of a JSON object, with where its name stands, so a message about the key
/// itself (unknown, twice) points at the key rather than at its value or the whole object.
struct JSONMember: Equatable, Sendable {
    var name: String
    var namePosition: SourcePosition
    var value: JSONValue
}
