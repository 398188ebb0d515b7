/// How a scenario would go past `Limits`, with the numbers: the first half of a message, whose
/// remedy depends on what set the sizes (a scenario file, a data file, `--hidden`).
public enum LimitExcess: Equatable, Sendable, CustomStringConvertible {
    /// The network would have this many layers, more than `Limits.layers`.
    case layers(Int)
    /// There are this many samples, more than `Limits.samples`.
    case samples(Int)
    /// The network would have this many parameters, more than `Limits.parameters`; nil when the
    /// count does not even fit in an `Int`.
    case parameters(Int?)
    /// Samples x parameters is more than `Limits.workPerStep`.
    case work(samples: Int, parameters: Int)
    /// A step would keep this many numbers, more than `Limits.stepNumbers`.
    case memory(numbers: Int)

    /// `the network would have 25,010,001 parameters; the most is 1,000,000`.
    public var description: String {
        switch self {
        case .layers(let count):
            return "the network would have \(thousandsSeparated(count)) layers; the most is \(Limits.layers)"
        case .samples(let count):
            return "there are \(thousandsSeparated(count)) samples; the most is \(thousandsSeparated(Limits.samples))"
        case .parameters(let count):
            let shown = count.map(thousandsSeparated) ?? "more than \(thousandsSeparated(Int.max))"
            return "the network would have \(shown) parameters; the most is \(thousandsSeparated(Limits.parameters))"
        case .work(let samples, let parameters):
            return
                "one step would work through \(thousandsSeparated(samples)) samples x \(thousandsSeparated(parameters)) parameters = \(thousandsSeparated(samples * parameters)); the most is \(thousandsSeparated(Limits.workPerStep))"
        case .memory(let numbers):
            return
                "one step would keep \(thousandsSeparated(numbers)) numbers (a, h, g'(a), e and δ for every sample and neuron); the most is \(thousandsSeparated(Limits.stepNumbers))"
        }
    }
}
