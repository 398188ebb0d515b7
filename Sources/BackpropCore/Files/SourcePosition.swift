/// A place in a file as an editor shows it: a 1-based line and a 1-based column that counts
/// characters, not bytes, so a message's position is where the cursor goes.
struct SourcePosition: Equatable, Sendable, CustomStringConvertible {
    var line: Int
    var column: Int

    /// `line 3, column 7`, the form every scenario-file message uses.
    var description: String { "line \(line), column \(column)" }
}
