/// Everything a training run starts from: the data, the starting layer and the hyperparameters.
///
/// A `Scenario` is always valid: the initialiser checks shapes and numbers, so the trainer never
/// has to.
public struct Scenario: Equatable, Sendable {
    /// x, N x n: one sample per row.
    public private(set) var inputs: Matrix
    /// y, N x m: one target row per sample.
    public private(set) var targets: Matrix
    /// The starting W and b, and the activation g.
    public private(set) var layer: DenseLayer
    /// The learning rate lr, a finite number > 0.
    public private(set) var learningRate: Double
    /// The cost C.
    public var loss: Loss
    /// How per-sample δ becomes the update.
    public var reduction: Reduction

    /// The JSON keys of the scenario format, in the order the README documents them.
    public static let keys = ["x", "y", "w", "b", "learningRate", "activation", "loss", "reduction"]

    /// A validated scenario. `bias` defaults to zeros.
    public init(
        inputs: [[Double]], targets: [[Double]], weights: [[Double]], bias: [Double]? = nil,
        learningRate: Double = 0.1, activation: Activation = .sigmoid, loss: Loss = .sse,
        reduction: Reduction = .seed
    ) throws(ScenarioError) {
        let x = try Scenario.matrix(inputs, field: "x")
        let y = try Scenario.matrix(targets, field: "y")
        let w = try Scenario.matrix(weights, field: "w")
        let b = bias ?? Array(repeating: 0, count: w.columns)
        for (index, value) in b.enumerated() where !value.isFinite {
            throw .notFinite(field: "b", position: "[\(index + 1)]", value: "\(value)")
        }
        guard y.rows == x.rows else {
            throw .shapeMismatch(
                "\"x\" has \(x.rows) samples (rows) but \"y\" has \(y.rows); give one target row per sample")
        }
        guard w.rows == x.columns else {
            throw .shapeMismatch(
                "\"w\" is \(w.shapeDescription) but \"x\" has \(x.columns) inputs per sample; w needs \(x.columns) rows (one per input), so it should be \(x.columns)x\(y.columns)"
            )
        }
        guard w.columns == y.columns else {
            throw .shapeMismatch(
                "\"w\" is \(w.shapeDescription) but \"y\" has \(y.columns) outputs per sample; w needs \(y.columns) columns (one per output), so it should be \(x.columns)x\(y.columns)"
            )
        }
        guard b.count == y.columns else {
            throw .shapeMismatch(
                "\"b\" has \(b.count) entries but \"y\" has \(y.columns) outputs; b needs one entry per output")
        }
        try Scenario.checkLearningRate(learningRate)
        self.inputs = x
        self.targets = y
        self.layer = DenseLayer(weights: w, bias: b, activation: activation)
        self.learningRate = learningRate
        self.loss = loss
        self.reduction = reduction
    }

    /// The activation g of the layer.
    public var activation: Activation {
        get { layer.activation }
        set { layer.activation = newValue }
    }

    /// Number of samples N.
    public var sampleCount: Int { inputs.rows }
    /// Number of inputs n.
    public var inputCount: Int { inputs.columns }
    /// Number of outputs m.
    public var outputCount: Int { targets.columns }

    /// Replaces the learning rate, checking it like the file's.
    public mutating func setLearningRate(_ value: Double) throws(ScenarioError) {
        try Scenario.checkLearningRate(value)
        learningRate = value
    }

    /// Replaces the starting layer, which must keep the shape (used by "save the current state").
    public mutating func setLayer(_ newLayer: DenseLayer) {
        precondition(
            newLayer.weights.rows == layer.weights.rows && newLayer.weights.columns == layer.weights.columns,
            "a scenario's layer keeps its shape")
        layer = newLayer
    }

    /// Throws unless `value` is a finite number greater than 0.
    public static func checkLearningRate(_ value: Double) throws(ScenarioError) {
        guard value.isFinite, value > 0 else { throw .invalidLearningRate("\(value)") }
    }

    private static func matrix(_ rows: [[Double]], field: String) throws(ScenarioError) -> Matrix {
        guard let first = rows.first, !first.isEmpty else { throw .empty(field: field) }
        for (r, row) in rows.enumerated() {
            guard row.count == first.count else {
                throw .raggedRows(field: field, row: r + 1, count: row.count, expected: first.count)
            }
            for (c, value) in row.enumerated() where !value.isFinite {
                throw .notFinite(field: field, position: "[\(r + 1)][\(c + 1)]", value: "\(value)")
            }
        }
        return Matrix(rows)
    }
}
