/// A parsed JSON value and where it starts in the file, so that `JSONValueDecoder` can name the
/// line and column of whatever it refuses without going back to the text.
struct JSONValue: Equatable, Sendable {
    var content: JSONContent
    var position: SourcePosition

    /// How the value reads in an error message (see `JSONContent.shortDescription`).
    var shortDescription: String { content.shortDescription }
}
