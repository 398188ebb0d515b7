/// Why a run has diverged: the first number of its state that is not finite.
///
/// A cost that is NaN or infinite ends training, and so does a weight, a bias or an entry of the
/// optimizer's state (buf, m, v) that is, even while the cost still reads finite (sigmoid turns
/// a weight of -inf into an output of 0, and a v of inf into steps of 0): more steps could only
/// repeat it, and no scenario file can hold the number, so `--scenario` could not load it back.
public struct Divergence: Sendable, CustomStringConvertible {
    /// Which number is not finite.
    public enum Subject: Hashable, Sendable {
        /// The cost C.
        case cost
        /// A weight or a bias.
        case parameter(ParameterIndex)
        /// The optimizer's entry for `parameter` in its list named `list` (buf, m or v).
        case optimizerState(list: String, parameter: ParameterIndex)
    }

    /// Which number is not finite.
    public let subject: Subject
    /// Its value: NaN, infinity or minus infinity.
    public let value: Double

    /// A divergence of `subject`, which is `value`.
    public init(_ subject: Subject, value: Double) {
        self.subject = subject
        self.value = value
    }

    /// "cost", "a weight", "a bias", "a weight's v": the number, in words that need no symbols.
    public var subjectWords: String {
        switch subject {
        case .cost: return "cost"
        case .parameter(let index): return index.isWeight ? "a weight" : "a bias"
        case .optimizerState(let list, let index): return "\(index.isWeight ? "a weight" : "a bias")'s \(list)"
        }
    }

    /// "nan", "inf" or "-inf" (a NaN's sign bit means nothing, so it is never "-nan").
    public var valueText: String { value.isNaN ? "nan" : "\(value)" }

    /// "cost nan", "a weight is -inf", "a bias's v is inf": what the messages write in brackets
    /// after "diverged at step n" (the cost as it always was, a number named by a sentence).
    public var description: String {
        subject == .cost ? "cost \(valueText)" : "\(subjectWords) is \(valueText)"
    }

    /// The first number of a trainer's state that is not finite, if one is: its parameters in
    /// `ParameterIndex` order, then the optimizer's lists (buf or m, then v), then the cost.
    /// Causes come before the cost they make NaN; a cost named means the parameters are finite
    /// (they are large enough for C to overflow). A pass over every number: for a run that has
    /// stopped, and after a single `Trainer.step()` (which copies every number for its trace
    /// anyway), never inside the run path's loop.
    public static func first(cost: Double, state: TrainingState) -> Divergence? {
        let network = state.network
        if let offset = network.parameters.firstIndex(where: { !$0.isFinite }) {
            return Divergence(.parameter(network.parameterIndices[offset]), value: network.parameters[offset])
        }
        let names = state.optimizer.name.stateNames
        for (name, values) in [(names.first, state.optimizerState.first), (names.second, state.optimizerState.second)] {
            guard let name, let offset = values.firstIndex(where: { !$0.isFinite }) else { continue }
            return Divergence(
                .optimizerState(list: name, parameter: network.parameterIndices[offset]), value: values[offset])
        }
        return cost.isFinite ? nil : Divergence(.cost, value: cost)
    }
}
