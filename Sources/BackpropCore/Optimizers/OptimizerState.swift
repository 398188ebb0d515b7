/// What an optimizer remembers between steps: how many steps it has taken since it started
/// (Adam's t) and, per parameter in `ParameterIndex` order, its moving averages.
///
/// momentum and nesterov keep buf in `first`; rmsprop keeps v in `second`; adam keeps m in
/// `first` and v in `second`; sgd keeps nothing. A list the rule does not keep is empty.
public struct OptimizerState: Hashable, Sendable {
    /// Steps taken since the state started (0: the next step is the first); always 0 for sgd.
    public var step: Int
    /// buf (momentum, nesterov) or m (adam), one per parameter; empty otherwise.
    public var first: [Double]
    /// v (rmsprop, adam), one per parameter; empty otherwise.
    public var second: [Double]

    /// The state of `name` before its first step, for `parameterCount` parameters: zeros.
    public init(fresh name: OptimizerName, parameterCount: Int) {
        step = 0
        first = name.stateNames.first == nil ? [] : Array(repeating: 0, count: parameterCount)
        second = name.stateNames.second == nil ? [] : Array(repeating: 0, count: parameterCount)
    }

    /// A state from its parts (a saved scenario's); `Scenario` checks it fits the rule and the
    /// network.
    public init(step: Int, first: [Double], second: [Double]) {
        self.step = step
        self.first = first
        self.second = second
    }

    /// Counts `steps` steps taken by `name`. sgd keeps no state, not even a count, so its
    /// state is the same at every step and a state rebuilt from a trace equals the trained one.
    mutating func countSteps(_ steps: Int, of name: OptimizerName) {
        if name != .sgd { step += steps }
    }

    /// Whether this is a fresh state (no step taken).
    public var isFresh: Bool { step == 0 }

    /// Equal when the step counts match and the lists have the same bits (NaN included).
    public static func == (left: OptimizerState, right: OptimizerState) -> Bool {
        left.step == right.step && left.first.hasSameBits(as: right.first)
            && left.second.hasSameBits(as: right.second)
    }
}
