import ArgumentParser
import Foundation
import BackpropCore

/// `--hidden 4,3`: the sizes of the hidden layers, first layer first, each at least 1.
struct HiddenSizes {
    let sizes: [Int]

    /// The sizes `text` lists, or a usage error in the program's words: a list that is not of
    /// whole numbers (`x`, `4,,3`) quotes it, a size below 1 names it.
    init(parsing text: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let sizes = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, sizes.count == parts.count else {
            throw ValidationError(
                "--hidden \(TerminalSafe.escaped(text)) is not a list of sizes; give whole numbers of 1 or more separated by commas, like 4,3"
            )
        }
        if let size = sizes.first(where: { $0 < 1 }) {
            throw ValidationError("--hidden sizes must be 1 or more, like 4,3; got \(size)")
        }
        self.sizes = sizes
    }
}
