/// The y axis of the cost pane. Log shows the slow tail of convergence that linear flattens.
public enum CostScale: String, Equatable, Hashable, Sendable {
    /// 0 at the bottom, the largest cost at the top.
    case linear
    /// log10 from the smallest positive cost to the largest.
    case log

    /// The other scale, for the `g` key.
    public var toggled: CostScale { self == .linear ? .log : .linear }
}
