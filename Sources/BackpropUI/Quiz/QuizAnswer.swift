import BackpropCore
import Foundation

/// What was typed as the answer to a quiz question: a direction (`+`, `-`), a yes or no (for
/// "will C fall?"), or a value.
public enum QuizAnswer: Equatable, Hashable, Sendable {
    /// `+`: positive, or up.
    case plus
    /// `-`: negative, or down.
    case minus
    /// `y` or `yes`: C falls.
    case yes
    /// `n` or `no`: C does not fall.
    case no
    /// A number, as typed (`-0.02`, `1e-3`).
    case value(Double, typed: String)
    /// A bug, by its number in the quiz's list or its name: the answer to "which bug?".
    case bug(PlantedBug)

    /// Why a typed answer was not taken, in one line that says what would be.
    public enum Refusal: Error, Equatable, Sendable {
        /// Nothing was typed.
        case nothing
        /// Text that is none of the answers.
        case unreadable(String, takesYesOrNo: Bool)
        /// A number too large for a double.
        case tooLarge(String)
        /// y or n, to a question that is not yes or no.
        case notYesOrNo(String)
        /// Text that names none of the bugs, to "which bug?".
        case notABug(String)

        /// The line the hint shows beside the prompt.
        public var description: String {
            switch self {
            case .nothing: "type an answer first"
            case .unreadable(let typed, let yesOrNo):
                "\"\(typed)\"? type \(yesOrNo ? "y, n, + or -" : "+ or -"), or a number like -0.02"
            case .tooLarge(let typed): "\"\(typed)\" is too large: numbers end near 1.8e308"
            case .notYesOrNo(let typed): "\"\(typed)\" answers \"will C fall?\" only: type + or -, or a number"
            case .notABug(let typed):
                "\"\(typed)\"? type a bug's number, 1 to \(PlantedBug.allCases.count), or its name, like no-bias"
            }
        }
    }

    /// The bug named in `text` (to "which bug?"): its number in `PlantedBug.allCases`, from 1, or
    /// its name, in any case, with spaces or _ for its hyphens.
    public init(namingBug text: String) throws(Refusal) {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { throw .nothing }
        let name = typed.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        if let number = Int(name), PlantedBug.allCases.indices.contains(number - 1) {
            self = .bug(PlantedBug.allCases[number - 1])
        } else if let bug = PlantedBug(rawValue: name) {
            self = .bug(bug)
        } else {
            throw .notABug(typed)
        }
    }

    /// The answer in `text`, spaces around it ignored, letters in any case, for a question that
    /// takes y and n or not.
    public init(reading text: String, takesYesOrNo: Bool) throws(Refusal) {
        let typed = text.trimmingCharacters(in: .whitespaces)
        switch typed.lowercased() {
        case "": throw .nothing
        case "+": self = .plus
        case "-": self = .minus
        case "y", "yes", "n", "no":
            guard takesYesOrNo else { throw .notYesOrNo(typed) }
            self = typed.lowercased().hasPrefix("y") ? .yes : .no
        default:
            guard let value = DecimalNumber.value(of: typed) else {
                throw .unreadable(typed, takesYesOrNo: takesYesOrNo)
            }
            guard value.isFinite else { throw .tooLarge(typed) }
            self = .value(value, typed: typed)
        }
    }
}
