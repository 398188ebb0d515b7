import ArgumentParser
import Foundation
import BackpropCore

/// `--hidden 4,3`: the sizes of the hidden layers, first layer first, each at least 1; or
/// `--hidden none`: no hidden layer (the inputs feed the output layer straight).
struct HiddenSizes {
    let sizes: [Int]

    /// The word that asks for no hidden layer.
    static let none = "none"

    /// Whether `text` asks for no hidden layer (`none`, in any case).
    static func isNone(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespaces).lowercased() == none
    }

    /// The sizes `text` lists, or a usage error in the program's words: a list that is not of
    /// whole numbers (`x`, `4,,3`) quotes it, a size below 1 names it.
    init(parsing text: String) throws {
        if HiddenSizes.isNone(text) {
            sizes = []
            return
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let sizes = parts.compactMap { HiddenSizes.size($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, sizes.count == parts.count else {
            throw ValidationError(
                "--hidden \(TerminalSafe.argument(text)) is not a list of sizes; give whole numbers of 1 or more separated by commas, like 4,3, or none"
            )
        }
        if let size = sizes.first(where: { $0 < 1 }) {
            throw ValidationError("--hidden sizes must be 1 or more, like 4,3; got \(size)")
        }
        self.sizes = sizes
    }

    /// A size as written: a whole number, with one too large for an `Int` read as `Int.max`,
    /// so that it gets the limits' message (the network would have too many parameters), not
    /// "not a list of sizes".
    private static func size(_ text: String) -> Int? {
        if let size = Int(text) { return size }
        let digits = text.first == "+" ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int.max
    }
}
