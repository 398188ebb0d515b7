/// One layer as a scenario states it before validation: its W as rows, an optional b (zeros when
/// absent) and g. `Scenario` checks that the layers chain and turns them into a `Network`.
public struct ScenarioLayer: Equatable, Sendable {
    /// W as rows: one row per input of the layer, one column per output.
    public var weights: [[Double]]
    /// b, one entry per output; nil means zeros.
    public var bias: [Double]?
    /// g.
    public var activation: Activation

    /// A layer as a file or preset gives it.
    public init(weights: [[Double]], bias: [Double]? = nil, activation: Activation = .sigmoid) {
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }
}
