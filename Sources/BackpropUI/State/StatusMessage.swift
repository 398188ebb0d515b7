/// One line of feedback under the status bar: what a key did, or why it did nothing.
public struct StatusMessage: Equatable, Hashable, Sendable {
    /// How the line is coloured. The words carry the meaning; the colour only helps.
    public enum Kind: Equatable, Hashable, Sendable {
        /// Something happened as asked (a new lr).
        case info
        /// Something was refused (an invalid lr) or went wrong (divergence).
        case error
    }

    /// The text, one line.
    public var text: String
    /// Info or error.
    public var kind: Kind

    /// A message.
    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}
