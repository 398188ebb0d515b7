/// How many of one layer's neurons have stopped learning at a state, over the training samples:
/// the count the Gradient flow pane writes in words.
///
/// - A sigmoid or tanh neuron is *saturated* when |g'(a)| < 0.01 on at least 90% of the
///   training samples: its a sits on a flat end of the curve, so almost no gradient passes it.
/// - A relu neuron is *dead* when a ≤ 0 on every training sample: g'(a) is 0 for all of them,
///   so no step can ever move its weights again.
/// - Other activations (linear, softmax) are counted as neither.
public struct NeuronHealth: Hashable, Sendable {
    /// The layer, 0-based (layer 1 on the screen is 0 here).
    public let layer: Int
    /// gˡ, which decides what is counted.
    public let activation: Activation
    /// The layer's neurons, nˡ.
    public let neurons: Int
    /// The neurons saturated, for a sigmoid or tanh layer; nil for the others.
    public let saturated: Int?
    /// The neurons dead, for a relu layer; nil for the others.
    public let dead: Int?

    /// |g'(a)| below this is flat: a sigmoid's g' is at most 0.25, so this is 4% of its best.
    public static let flatDerivative = 0.01
    /// The share of the training samples (as tenths) on which a neuron must be flat to count
    /// as saturated: 9 of 10.
    public static let saturatedTenths = 9

    /// A layer's health from its pre-activations a, one row per training sample and one
    /// column per neuron (`Trainer.preActivation(ofLayer:)`).
    public init(layer: Int, activation: Activation, preActivation a: Matrix) {
        self.layer = layer
        self.activation = activation
        self.neurons = a.columns
        switch activation {
        case .sigmoid, .tanh:
            saturated = (0..<a.columns).count(where: { j in
                let flat = (0..<a.rows).count(where: { s in
                    let value = a[s, j]
                    let derivative = activation.derivative(preActivation: value, output: activation.value(value))
                    return abs(derivative) < NeuronHealth.flatDerivative
                })
                // In whole numbers, so 90% of 10 samples is exactly 9.
                return flat * 10 >= NeuronHealth.saturatedTenths * a.rows
            })
            dead = nil
        case .relu:
            saturated = nil
            dead = (0..<a.columns).count(where: { j in (0..<a.rows).allSatisfy { a[$0, j] <= 0 } })
        case .linear, .softmax:
            saturated = nil
            dead = nil
        }
    }

    /// Whether the layer has a neuron that no longer learns.
    public var hasStoppedNeurons: Bool { (saturated ?? 0) > 0 || (dead ?? 0) > 0 }
}
