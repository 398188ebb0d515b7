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

    /// The first of `texts`, longest first, that fits on a hint line `width` columns wide (after
    /// its leading space), or the last if none does: what matters most is in all of them.
    init(fitting texts: [String], width: Int, kind: Kind = .info) {
        self.init(texts.first { $0.count + 1 <= width } ?? texts[texts.count - 1], kind: kind)
    }
}
