/// The rectangles of one frame's panes and the detail they are drawn with.
public struct PaneLayout: Equatable, Sendable {
    /// The top line: program, scenario, activation, loss, reduction.
    public var title: Rect
    /// W, rows x1..xn, columns ŷ1..ŷm.
    public var weights: Rect
    /// b1..bm.
    public var bias: Rect
    /// The equations in force (empty when there is no room).
    public var model: Rect
    /// One row per sample.
    public var predictions: Rect
    /// The selected parameter's chain rule with numbers, or the step walk (zero height when
    /// the gradient check or lr preview needs its rows).
    public var inspector: Rect
    /// The cost curve of the whole run (zero height when another pane has its rows).
    public var cost: Rect
    /// Backprop's gradients beside their finite-difference estimates (zero size when off).
    public var gradientCheck: Rect
    /// The cost after one step for each lr of the ladder (zero size when off).
    public var learningRatePreview: Rect
    /// step, cost, lr, running or paused, speed.
    public var status: Rect
    /// Key hint, message or lr prompt.
    public var hint: Rect
    /// How the panes print numbers: more decimals on wide terminals.
    public var number: NumberFormat
    /// Whether the status bar prints the cost in full (17 significant digits) rather than 10.
    public var showsFullCost: Bool
}
