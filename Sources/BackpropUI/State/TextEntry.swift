import BackpropCore
import Foundation

/// A line being typed at the bottom of the screen: an exact learning rate (`l`), a new value
/// for the selected weight or bias (Enter), the answer to a quiz question (`t`), or the class of
/// a drawing (Enter while drawing). While one is open, every character goes into it, at the
/// cursor, which Left, Right, Home and End move.
public struct TextEntry: Equatable, Sendable {
    /// What the typed text will become.
    public enum Purpose: Equatable, Sendable {
        /// The learning rate.
        case learningRate
        /// The selected weight or bias.
        case parameter
        /// The answer to the quiz's question.
        case quizAnswer
        /// The class of the drawing, 0 to `classes` - 1, which adds it as a sample.
        case drawingLabel(classes: Int)

        /// Whether the text is a drawing's class.
        var isDrawingLabel: Bool {
            if case .drawingLabel = self { return true }
            return false
        }
    }

    /// Where a key moves the cursor.
    public enum Motion: Equatable, Hashable, Sendable {
        /// One character left (Left).
        case left
        /// One character right (Right).
        case right
        /// Before the first character (Home).
        case home
        /// After the last character (End).
        case end
    }

    /// Why a typed character was not taken.
    public enum Refusal: Error, Equatable, Sendable {
        /// The text is already `limit` long.
        case full
        /// Not printable ASCII: no decimal number holds it, and the screen gives every character
        /// one column, which a wide or combining character would not keep.
        case notASCII

        /// One line for the prompt, saying what to do instead.
        public var description: String {
            switch self {
            case .full: return "\(TextEntry.limit) characters at most"
            // Not quoted: a wide character would not keep to the one cell the canvas gives it.
            case .notASCII: return "not an ASCII character; a number is digits, - + . e"
            }
        }
    }

    /// What the text of an entry means, read when Enter is pressed.
    public enum Reading: Equatable, Sendable {
        /// A decimal number (`DecimalNumber`), whose value may still be infinite or zero, and
        /// the text without its surrounding spaces.
        case number(Double, typed: String)
        /// Nothing but spaces, or nothing at all.
        case nothing
        /// Text that is not a decimal number, without its surrounding spaces.
        case notDecimal(String)
    }

    /// The longest text accepted: enough for any double written in full (`-1.2345678901234567e-300`
    /// is 24), and more is a stuck key, not a number. Typing past it is refused, never cut.
    public static let limit = 24

    /// What the text is for.
    public let purpose: Purpose
    /// What has been typed so far.
    public private(set) var text = ""
    /// Where the next character goes, in characters from the start: 0 before the first,
    /// `text.count` after the last (where typing leaves it).
    public private(set) var cursor = 0

    /// An empty entry for `purpose`.
    public init(_ purpose: Purpose) {
        self.purpose = purpose
    }

    /// Inserts `character` at the cursor and moves the cursor past it, or says why not.
    mutating func type(_ character: Character) throws(Refusal) {
        guard character.isASCII, let scalar = character.unicodeScalars.first, scalar.value >= 0x20,
            scalar.value < 0x7F
        else { throw .notASCII }
        guard text.count < TextEntry.limit else { throw .full }
        text.insert(character, at: index(cursor))
        cursor += 1
    }

    /// Removes the character before the cursor, if there is one (Backspace).
    mutating func deleteBeforeCursor() {
        guard cursor > 0 else { return }
        text.remove(at: index(cursor - 1))
        cursor -= 1
    }

    /// Moves the cursor, stopping at either end.
    mutating func move(_ motion: Motion) {
        switch motion {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        }
    }

    /// The text read as a number, spaces around it ignored.
    var reading: Reading {
        let typed = text.trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { return .nothing }
        guard let value = DecimalNumber.value(of: typed) else { return .notDecimal(typed) }
        return .number(value, typed: typed)
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }
}
