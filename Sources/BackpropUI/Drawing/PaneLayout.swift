/// The rectangles of one frame's panes and the detail they are drawn with. A pane that is not
/// shown has an empty rectangle.
public struct PaneLayout: Equatable, Sendable {
    /// The top line: program, scenario, activation, loss, reduction.
    public var title: Rect
    /// One pane per layer: Wˡ with ∂C/∂Wˡ, and bˡ with ∂C/∂bˡ as one more row.
    public var layers: [Rect]
    /// The equations in force.
    public var model: Rect
    /// The neurons of every layer for one sample (networks of two or more layers).
    public var network: Rect
    /// One row per sample.
    public var predictions: Rect
    /// The selected parameter's chain rule with numbers, or the step walk.
    public var inspector: Rect
    /// The cost curve of the whole run.
    public var cost: Rect
    /// Backprop's gradients beside their finite-difference estimates.
    public var gradientCheck: Rect
    /// The cost after one step for each lr of the ladder.
    public var learningRatePreview: Rect
    /// The network's output over the plane of its two inputs (`m`).
    public var plane: Rect = .empty
    /// The first hidden layer's neurons over the same plane, beside the output's.
    public var neuronMaps: Rect = .empty
    /// step, cost, lr, running or paused, speed.
    public var status: Rect
    /// Key hint, message or lr prompt.
    public var hint: Rect
    /// How the panes print numbers: more decimals on wide terminals.
    public var number: NumberFormat
    /// Whether the status bar prints the cost in full (17 significant digits) rather than 10.
    public var showsFullCost: Bool
}
