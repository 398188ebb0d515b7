import Foundation
import ArgumentParser

/// `--hidden 4,3`: the sizes of the hidden layers, first layer first, each at least 1.
struct HiddenSizes: ExpressibleByArgument {
    let sizes: [Int]

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
        let sizes = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, sizes.count == parts.count else { return nil }
        self.sizes = sizes
    }
}
