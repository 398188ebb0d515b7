/// One line of feedback under the status bar: what a key did, or why it did nothing.
///
/// A message may have several wordings, longest first, each saying what matters most: the hint
/// line shows the longest that fits the terminal as it is when drawn, so a message stays right
/// after a resize and `update` never needs to know the terminal's width.
public struct StatusMessage: Equatable, Hashable, Sendable {
    /// How the line is coloured. The words carry the meaning; the colour only helps.
    public enum Kind: Equatable, Hashable, Sendable {
        /// Something happened as asked (a new lr).
        case info
        /// Something was refused (an invalid lr) or went wrong (divergence).
        case error
    }

    /// The wordings, longest first; never empty.
    public let wordings: [String]
    /// Info or error.
    public var kind: Kind

    /// A message with one wording.
    public init(_ text: String, kind: Kind = .info) {
        self.init(wordings: [text], kind: kind)
    }

    /// A message with `wordings`, longest first, of which the hint line shows the first that fits.
    public init(wordings: [String], kind: Kind = .info) {
        precondition(!wordings.isEmpty, "a message has at least one wording")
        self.wordings = wordings
        self.kind = kind
    }

    /// The longest wording: the whole message.
    public var text: String { wordings[0] }

    /// The first wording that fits a hint line `width` columns wide after its leading space, or
    /// the shortest if none does. Measured in terminal columns: a wording may quote a file name.
    public func text(fitting width: Int) -> String {
        wordings.first { DisplayWidth.of($0) + 1 <= width } ?? wordings[wordings.count - 1]
    }
}
