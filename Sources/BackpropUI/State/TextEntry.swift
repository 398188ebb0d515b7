/// A line being typed at the bottom of the screen: an exact learning rate (`l`) or a new value
/// for the selected weight or bias (Enter). While one is open, every character goes into it.
public struct TextEntry: Equatable, Sendable {
    /// What the typed text will become.
    public enum Purpose: Equatable, Sendable {
        /// The learning rate.
        case learningRate
        /// The selected weight or bias.
        case parameter
    }

    /// The longest text accepted: more is a stuck key, not a number.
    public static let limit = 24

    /// What the text is for.
    public let purpose: Purpose
    /// What has been typed so far.
    public private(set) var text = ""

    /// An empty entry for `purpose`.
    public init(_ purpose: Purpose) {
        self.purpose = purpose
    }

    /// Appends `character`, unless the text is already `limit` long.
    mutating func type(_ character: Character) {
        guard text.count < TextEntry.limit else { return }
        text.append(character)
    }

    /// Removes the last character, if any.
    mutating func deleteLast() {
        if !text.isEmpty { text.removeLast() }
    }
}
