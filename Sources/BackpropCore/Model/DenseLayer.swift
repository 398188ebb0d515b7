/// One fully-connected layer: ŷ = g(xW + b) (eq. 2).
///
/// A value type, so a copy is a snapshot: history, reset and previews are plain assignments.
public struct DenseLayer: Equatable, Hashable, Sendable {
    /// W, n x m: row i belongs to input x_i, column j to output ŷ_j (the article's ω_ij).
    public var weights: Matrix
    /// b, one entry per output.
    public var bias: [Double]
    /// g, applied element-wise.
    public var activation: Activation

    /// A layer from its parameters. `bias.count` must equal `weights.columns`.
    public init(weights: Matrix, bias: [Double], activation: Activation) {
        precondition(bias.count == weights.columns, "bias must have one entry per output")
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// Number of inputs n.
    public var inputCount: Int { weights.rows }
    /// Number of outputs m.
    public var outputCount: Int { weights.columns }
}
