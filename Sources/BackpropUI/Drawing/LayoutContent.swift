/// What the layout needs to know about the run: the network's sizes, the data's columns and
/// rows, which layer is selected and which optional panes are open. Terminal size and this in,
/// rectangles out.
public struct LayoutContent: Equatable, Sendable {
    /// n⁰, n¹, ..., nᴸ.
    public var sizes: [Int]
    /// N, the number of samples.
    public var samples: Int
    /// Columns of each input's data in the predictions pane (its label or widest value).
    public var inputWidths: [Int]
    /// Columns of each target's data in the predictions pane.
    public var targetWidths: [Int]
    /// The layer (0-based) of the selected parameter: the one kept in view when not all fit.
    public var selectedLayer: Int = 0
    /// Whether the gradient check (`c`) is open.
    public var showsGradientCheck = false
    /// Whether the lr preview (`v`) is open.
    public var showsLearningRatePreview = false
    /// Whether the input plane is wanted (data with two inputs, `m`).
    public var plane = PlaneRequest.unavailable
    /// Columns of the input plane's y labels (x2's ends, like `-0.97`): its plot, and so its
    /// height, depends on them.
    public var planeLabelWidth = 4
    /// Rows the inspector gives the optimizer's state above its Δ line (0 for sgd, 2 for adam).
    public var optimizerLines = 0
    /// Whether the frame is drawn in 7-bit ASCII (names are longer: w[2]31 for ω²31).
    public var ascii = false
    /// Whether the loss is bce or ce, whose inspector has one more line in the output layer
    /// (why δ = ŷ - y): the inspector asks for a row more.
    public var explainsOutputDelta = false
    /// Whether an answered quiz question is shown in the inspector's place: its verdict takes a
    /// row above the inspector's lines.
    public var showsQuizVerdict = false

    /// The content of a run of `sizes` on `samples` samples whose data are single digits.
    public init(sizes: [Int], samples: Int, inputWidths: [Int]? = nil, targetWidths: [Int]? = nil) {
        self.sizes = sizes
        self.samples = samples
        self.inputWidths = inputWidths ?? (0..<sizes[0]).map { 1 + String($0 + 1).count }
        self.targetWidths = targetWidths ?? (0..<sizes[sizes.count - 1]).map { 1 + String($0 + 1).count }
    }

    /// L, the number of layers.
    var layerCount: Int { sizes.count - 1 }
}
