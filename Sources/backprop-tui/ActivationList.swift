import Foundation
import ArgumentParser
import BackpropCore

/// `--activation tanh` (every layer) or `--activation tanh,tanh,sigmoid` (one per layer, first
/// layer first).
struct ActivationList: ExpressibleByArgument {
    let activations: [Activation]

    init?(argument: String) {
        let names = argument.split(separator: ",", omittingEmptySubsequences: false)
        let parsed = names.compactMap { Activation(argument: $0.trimmingCharacters(in: .whitespaces)) }
        guard !names.isEmpty, parsed.count == names.count else { return nil }
        activations = parsed
    }

    static var allValueStrings: [String] { Activation.allValueStrings }
}
