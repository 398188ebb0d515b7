/// Everything a training run starts from: the data, the starting network and the
/// hyperparameters.
///
/// A `Scenario` is always valid: the initialisers check shapes and numbers, so the trainer never
/// has to.
public struct Scenario: Equatable, Sendable {
    /// How a scenario file writes the network: the article's one layer as top-level `w`, `b` and
    /// `activation`, or a `layers` list. Saving writes the form that was read.
    public enum Form: Equatable, Sendable {
        /// Top-level `w`, `b`, `activation`: one layer.
        case singleLayer
        /// A `layers` list, one entry per layer.
        case layers
    }

    /// What the network sees, N x n⁰: one sample per row. The data's x, or the `features`
    /// computed from it.
    public private(set) var inputs: Matrix
    /// x as the data gives it, one sample per row: the inputs the plane is drawn over. The same
    /// as `inputs` unless `features` are given.
    public private(set) var dataInputs: Matrix
    /// The inputs the network sees, computed from the data's two inputs x1 and x2; nil when the
    /// network sees the data's inputs as they are.
    public private(set) var features: [Feature]?
    /// y, N x m: one target row per sample.
    public private(set) var targets: Matrix
    /// The starting W, b and g of every layer.
    public private(set) var network: Network
    /// The learning rate lr, a finite number > 0.
    public private(set) var learningRate: Double
    /// The cost C; it must suit the last layer's activation and the targets (`set(activations:loss:)`).
    public private(set) var loss: Loss
    /// How per-sample δ becomes the update.
    public var reduction: Reduction
    /// How a file states the network; `.singleLayer` only ever with one layer.
    public private(set) var form: Form
    /// The update rule: sgd, the article's, unless a file or a flag names another.
    public private(set) var optimizer = Optimizer.sgd
    /// What the optimizer remembers at step 0: fresh, unless a saved state carries it on.
    public private(set) var optimizerState = OptimizerState(step: 0, first: [], second: [])
    /// Which samples train and which are held out to test (by default all train).
    public private(set) var split: DataSplit
    /// The samples a step uses, a mini-batch; nil: every training sample (the article's step).
    public private(set) var batchSize: Int?
    /// Whether each epoch visits the training samples in a fresh order drawn from `seed`
    /// (`BatchOrder`); otherwise in the data's order.
    public var shuffles = true
    /// The run's seed: the epochs' orders, and the split when it was drawn from it.
    public var seed: UInt64 = 1
    /// The regularisation term added to the cost (`Penalty`).
    public private(set) var penalty = Penalty.none
    /// Where the first step falls in the epochs: epochs completed and training samples already
    /// used of the next (0, 0 for a fresh run; a saved run carries on from its own, so its
    /// batches are the ones it would have taken). The samples are below `trainingCount`.
    public var epochsDone = 0
    /// See `epochsDone`.
    public var samplesIntoEpoch = 0
    /// The standard deviation of the Gaussian noise the points were drawn with (a generated
    /// preset's `--noise`): a record of how the data was made, already in `inputs`.
    public var noise = 0.0
    /// How each sample's inputs form a picture, when they do (the `digits` preset, `--image`):
    /// the image panes draw the samples, and the first layer's weights, in it. Nil for data that
    /// is not pixels.
    public private(set) var image: ImageShape?

    /// A validated one-layer scenario (the article's form). `bias` defaults to zeros.
    public init(
        inputs: [[Double]], targets: [[Double]], weights: [[Double]], bias: [Double]? = nil,
        learningRate: Double = 0.1, activation: Activation = .sigmoid, loss: Loss = .sse,
        reduction: Reduction = .seed
    ) throws(ScenarioError) {
        try self.init(
            inputs: inputs, targets: targets,
            layers: [ScenarioLayer(weights: weights, bias: bias, activation: activation)],
            learningRate: learningRate, loss: loss, reduction: reduction, form: .singleLayer)
    }

    /// A validated scenario of any number of layers. Each layer's W must have as many rows as
    /// the layer before has outputs (the first: as x has inputs), and the last as many columns
    /// as y has outputs.
    ///
    /// With `features`, x must have two inputs (x1, x2) and the first layer one row per feature.
    public init(
        inputs: [[Double]], targets: [[Double]], layers: [ScenarioLayer], learningRate: Double = 0.1,
        loss: Loss = .sse, reduction: Reduction = .seed, form: Form = .layers, features: [Feature]? = nil
    ) throws(ScenarioError) {
        // The limits first, from the lists' lengths alone: nothing is copied into a matrix
        // for a scenario that is refused (the shapes are checked below).
        let sizes = [features?.count ?? inputs.first?.count ?? 0] + layers.map { $0.weights.first?.count ?? 0 }
        try Scenario.checkSize(of: sizes, samples: inputs.count)
        let data = try Scenario.matrix(inputs, field: "x")
        if let features {
            guard !features.isEmpty else {
                throw .invalidSetting("a feature list needs at least one feature, like x1,x2")
            }
            guard data.columns == 2 else {
                throw .invalidSetting(
                    "features are computed from two inputs x1 and x2, but \"x\" has \(counted(data.columns, "input")) per sample; leave the features out"
                )
            }
        }
        let x = features.map { Feature.matrix($0, of: data) } ?? data
        let y = try Scenario.matrix(targets, field: "y")
        guard y.rows == x.rows else {
            throw .shapeMismatch(
                "\"x\" has \(counted(x.rows, "sample (row)", "samples (rows)")) but \"y\" has \(y.rows); give one target row per sample"
            )
        }
        guard !layers.isEmpty else { throw .empty(field: "layers") }
        precondition(form == .layers || layers.count == 1, "the one-layer form has one layer")
        var dense: [DenseLayer] = []
        for (l, layer) in layers.enumerated() {
            dense.append(
                try Scenario.layer(
                    layer, number: l + 1, of: layers.count, form: form, inputs: dense.last?.outputCount ?? x.columns,
                    x: x, y: y))
        }
        let network = Network(layers: dense)
        try Scenario.checkLearningRate(learningRate)
        try Scenario.checkPairing(activations: network.activations, loss: loss, targets: y)
        self.inputs = x
        self.dataInputs = data
        self.features = features
        self.split = .allTraining(x.rows)
        self.targets = y
        self.network = network
        self.learningRate = learningRate
        self.loss = loss
        self.reduction = reduction
        self.form = form
        optimizerState = OptimizerState(fresh: .sgd, parameterCount: network.parameters.count)
    }

    /// Number of samples N.
    public var sampleCount: Int { inputs.rows }
    /// Number of inputs n.
    public var inputCount: Int { inputs.columns }
    /// Number of outputs m.
    public var outputCount: Int { targets.columns }

    /// Holds out the samples `split` says (its count must be the data's); a batch size of at
    /// least the training samples becomes every training sample.
    public mutating func setSplit(_ split: DataSplit) {
        precondition(split.count == sampleCount, "a split covers every sample once")
        self.split = split
        if let size = batchSize, size >= split.training.count { batchSize = nil }
    }

    /// The samples a step uses: 1 or more; at least the number of training samples (or nil)
    /// means all of them, the full batch.
    public mutating func setBatchSize(_ size: Int?) throws(ScenarioError) {
        batchSize = try Scenario.checkedBatchSize(size, training: split.training.count)
    }

    /// `size` as a batch size for `training` training samples: nil for every one of them, or
    /// an error for a size below 1.
    public static func checkedBatchSize(_ size: Int?, training: Int) throws(ScenarioError) -> Int? {
        guard let size else { return nil }
        guard size >= 1 else {
            throw .invalidSetting(
                "a batch needs at least 1 sample, not \(size); leave it out to use every training sample")
        }
        return size >= training ? nil : size
    }

    /// Sets the regularisation term; its λ must be a finite number of at least 0 (0 is none).
    public mutating func setPenalty(_ penalty: Penalty) throws(ScenarioError) {
        self.penalty = try penalty.checked()
    }

    /// Says that each sample's inputs are the pixels of a `shape` picture (nil: they are not),
    /// which needs one input per pixel, as the data gives them (no features).
    public mutating func setImage(_ shape: ImageShape?) throws(ScenarioError) {
        guard let shape else {
            image = nil
            return
        }
        guard features == nil else {
            throw .invalidSetting(
                "a picture is drawn from the data's own inputs, not from features; leave out the features")
        }
        guard shape.pixelCount == inputCount else {
            throw .invalidSetting(
                "a \(shape.description) picture has \(shape.pixelCount) pixels, but each sample has \(counted(inputCount, "input")); give a width x height of \(inputCount) pixels"
            )
        }
        image = shape
    }

    /// The number of samples that train.
    public var trainingCount: Int { split.training.count }

    /// This scenario with one more sample after the last: `inputs` as the data gives them (the
    /// features, if any, are computed from them) and `targets`, one per output. The sample
    /// trains; the held-out samples stay held out. It is checked as a new scenario's data is
    /// (one finite number per input and per output, targets the loss takes, `Limits`), and the
    /// rest is kept: the starting network, the hyperparameters, the seed and where the first
    /// step falls in the epochs. A trainer made from the result trains on the new count.
    public func addingSample(inputs x: [Double], targets y: [Double]) throws(ScenarioError) -> Scenario {
        let number = sampleCount + 1
        guard x.count == dataInputs.columns else {
            throw .shapeMismatch(
                "the new sample has \(counted(x.count, "input")) but the data has \(dataInputs.columns) per sample; give one value per input"
            )
        }
        guard y.count == outputCount else {
            throw .shapeMismatch(
                "the new sample has \(counted(y.count, "target")) but the data has \(outputCount) per sample; give one per output"
            )
        }
        for (c, value) in x.enumerated() where !value.isFinite {
            throw .notFinite(field: "x", position: "[\(number)][\(c + 1)]", value: "\(value)")
        }
        for (c, value) in y.enumerated() where !value.isFinite {
            throw .notFinite(field: "y", position: "[\(number)][\(c + 1)]", value: "\(value)")
        }
        try Scenario.checkSize(of: network.sizes, samples: number)
        var added = self
        added.targets = Matrix(rows: number, columns: outputCount, elements: targets.elements + y)
        // The whole column, so that an error names the sample by its place in the data.
        try Scenario.checkPairing(activations: network.activations, loss: loss, targets: added.targets)
        added.dataInputs = Matrix(rows: number, columns: x.count, elements: dataInputs.elements + x)
        if let features {
            let seen = Feature.matrix(features, of: Matrix(rows: 1, columns: x.count, elements: x))
            added.inputs = Matrix(rows: number, columns: inputCount, elements: inputs.elements + seen.elements)
        } else {
            // One copy of the data, as a scenario made without features holds it.
            added.inputs = added.dataInputs
        }
        // The held-out indices are below the old count, so they are valid for the new one.
        added.split = split.hasTest ? try DataSplit(count: number, test: split.test) : .allTraining(number)
        return added
    }

    /// Replaces the learning rate, checking it like the file's.
    public mutating func setLearningRate(_ value: Double) throws(ScenarioError) {
        try Scenario.checkLearningRate(value)
        learningRate = value
    }

    /// Sets g: one name for every layer, or one per layer (first layer first). The loss must
    /// still suit them.
    public mutating func setActivations(_ activations: [Activation]) throws(ScenarioError) {
        try set(activations: activations, loss: nil)
    }

    /// Sets the loss C; the last layer's activation and the targets must suit it.
    public mutating func setLoss(_ loss: Loss) throws(ScenarioError) {
        try set(activations: nil, loss: loss)
    }

    /// Sets g (one name for every layer, or one per layer, first layer first) and C together,
    /// either left as they are when nil, and checks the result as a new scenario is checked:
    /// `--activation tanh,softmax --loss ce` changes two things that are only valid together.
    /// On an error nothing changes.
    public mutating func set(activations: [Activation]?, loss: Loss?) throws(ScenarioError) {
        var newActivations = network.activations
        if let activations {
            guard activations.count == 1 || activations.count == network.layerCount else {
                throw .activationCount(given: activations.count, layers: network.layerCount)
            }
            newActivations =
                activations.count == 1 ? Array(repeating: activations[0], count: network.layerCount) : activations
        }
        let newLoss = loss ?? self.loss
        try Scenario.checkPairing(activations: newActivations, loss: newLoss, targets: targets)
        network.activations = newActivations
        self.loss = newLoss
    }

    /// How far a row of targets for `ce` may sum from 1: rounding in a file's decimals (1/3 written
    /// out) or in a generator's, never a real second guess at a class.
    public static let targetSumTolerance = 1e-9

    /// Throws unless the activations, the loss and the targets go together: softmax only in the
    /// last layer, only with ce, and over at least 2 outputs; ce only with softmax, bce only
    /// with sigmoid (the pairings whose output δ is ŷ - y); and for either cross-entropy, targets
    /// that are probabilities: every y in [0, 1], and each row summing to 1 for ce.
    public static func checkPairing(activations: [Activation], loss: Loss, targets: Matrix) throws(ScenarioError) {
        let count = activations.count
        let last = activations[count - 1]
        if let hidden = activations.dropLast().firstIndex(of: .softmax) {
            throw .pairing(
                "softmax is only for the last layer (it turns the outputs into probabilities that sum to 1); give layer \(hidden + 1) of \(count) another activation, like tanh"
            )
        }
        let outputs = targets.columns
        if loss == .ce && outputs < 2 {
            throw .pairing(
                "loss ce needs at least 2 outputs, one per class, but y has 1; for two classes in one output use loss bce with a sigmoid last layer"
            )
        }
        if last == .softmax && outputs < 2 {
            throw .pairing(
                "softmax needs at least 2 outputs, one per class (over 1 output it is always 1); for a yes-or-no output use sigmoid with loss bce"
            )
        }
        if last == .softmax && loss != .ce {
            throw .pairing(
                "softmax goes only with loss ce (together their δ is ŷ - y); use loss ce, or another activation for the last layer, like sigmoid"
            )
        }
        if let paired = loss.pairedActivation, last != paired {
            let why = loss == .ce ? "so that ŷ are probabilities over the classes" : "so that ŷ is in (0, 1)"
            throw .pairing(
                "loss \(loss.rawValue) needs \(paired.rawValue) in the last layer, not \(last.rawValue) (\(why) and δ = ŷ - y); make the last layer's activation \(paired.rawValue)"
            )
        }
        guard loss.isClassification else { return }
        for r in 0..<targets.rows {
            var sum = 0.0
            for c in 0..<outputs {
                let y = targets[r, c]
                guard y >= 0 && y <= 1 else {
                    throw .targetNotProbability(loss: loss, sample: r + 1, output: c + 1, value: y)
                }
                sum += y
            }
            if loss == .ce && abs(sum - 1) > targetSumTolerance { throw .targetSum(sample: r + 1, sum: sum) }
        }
    }

    /// Sets the update rule and what it remembers at the start (fresh when `state` is nil).
    /// A given state must be the rule's: step 0 or more, one finite number per parameter in
    /// each list the rule keeps (v 0 or more), and nothing in a list it does not keep.
    public mutating func setOptimizer(_ optimizer: Optimizer, state: OptimizerState? = nil) throws(ScenarioError) {
        let count = network.parameters.count
        let fresh = OptimizerState(fresh: optimizer.name, parameterCount: count)
        guard let state else {
            self.optimizer = optimizer
            optimizerState = fresh
            return
        }
        guard state.step >= 0 else { throw .invalidOptimizerStep }
        let lists = optimizer.name.stateNames
        for (name, values, wanted) in [
            (lists.first, state.first, fresh.first), (lists.second, state.second, fresh.second),
        ] {
            guard let name else {
                if !values.isEmpty {
                    throw .shapeMismatch(
                        "the optimizer \(optimizer.name.rawValue) keeps \(optimizer.name.stateDescription); leave out the others"
                    )
                }
                continue
            }
            guard values.count == wanted.count else {
                throw .shapeMismatch(
                    "\"optimizer.\(name)\" has \(counted(values.count, "number")) but the network has \(counted(count, "parameter")); give one per parameter, in the trace's column order"
                )
            }
            for (index, value) in values.enumerated() where !value.isFinite || (name == "v" && value < 0) {
                throw .notFinite(
                    field: "optimizer.\(name)", position: "[\(index + 1)]",
                    value: value.isFinite ? "\(value), below 0 (v is a mean of squares)" : "\(value)")
            }
        }
        self.optimizer = optimizer
        optimizerState = state
    }

    /// Replaces the starting network, which must keep the shape (used by "save the current
    /// state").
    public mutating func setNetwork(_ newNetwork: Network) {
        precondition(newNetwork.hasShape(of: network), "a scenario's network keeps its shape")
        network = newNetwork
    }

    /// Throws unless a network of these sizes (inputs, then each layer's outputs) on `samples`
    /// samples stays within `Limits`, with `.values` as the source (a caller that knows where
    /// the sizes came from names it). Callers that make the weights themselves (`--hidden`)
    /// check first, so that a mistyped size never allocates.
    public static func checkSize(of sizes: [Int], samples: Int) throws(ScenarioError) {
        if let excess = Limits.excess(sizes: sizes, samples: samples) {
            throw .overLimit(excess, source: .values)
        }
    }

    /// Throws unless `value` is a finite number greater than 0.
    public static func checkLearningRate(_ value: Double) throws(ScenarioError) {
        guard value.isFinite, value > 0 else { throw .invalidLearningRate("\(value)") }
    }

    /// Checks one layer against the layer before it (or x) and, for the last, against y.
    private static func layer(
        _ layer: ScenarioLayer, number: Int, of count: Int, form: Form, inputs: Int, x: Matrix, y: Matrix
    ) throws(ScenarioError) -> DenseLayer {
        let short = form == .singleLayer
        let wField = short ? "w" : "layers[\(number)].w"
        let bField = short ? "b" : "layers[\(number)].b"
        let w = try Scenario.matrix(layer.weights, field: wField)
        let b = layer.bias ?? Array(repeating: 0, count: w.columns)
        for (index, value) in b.enumerated() where !value.isFinite {
            throw .notFinite(field: bField, position: "[\(index + 1)]", value: "\(value)")
        }
        let isLast = number == count
        if short {
            guard w.rows == x.columns else {
                throw .shapeMismatch(
                    "\"w\" is \(w.shapeDescription) but \"x\" has \(counted(x.columns, "input")) per sample; w needs \(counted(x.columns, "row")) (one per input), so it should be \(x.columns)x\(y.columns)"
                )
            }
            guard w.columns == y.columns else {
                throw .shapeMismatch(
                    "\"w\" is \(w.shapeDescription) but \"y\" has \(counted(y.columns, "output")) per sample; w needs \(counted(y.columns, "column")) (one per output), so it should be \(x.columns)x\(y.columns)"
                )
            }
        } else {
            guard w.rows == inputs else {
                throw .shapeMismatch(
                    number == 1
                        ? "\(wField) has \(counted(w.rows, "row")) but \"x\" has \(counted(x.columns, "input")) per sample; the first layer needs one row per input"
                        : "\(wField) has \(counted(w.rows, "row")) but layers[\(number - 1)] has \(counted(inputs, "output")); a layer needs one row per output of the layer before"
                )
            }
            if isLast {
                guard w.columns == y.columns else {
                    throw .shapeMismatch(
                        "\(wField) has \(counted(w.columns, "column")) but \"y\" has \(counted(y.columns, "output")) per sample; the last layer needs one column per output"
                    )
                }
            }
        }
        guard b.count == w.columns else {
            throw .shapeMismatch(
                short
                    ? "\"b\" has \(counted(b.count, "entry", "entries")) but \"y\" has \(counted(y.columns, "output")); b needs one entry per output"
                    : "\(bField) has \(counted(b.count, "entry", "entries")) but \(wField) has \(counted(w.columns, "column")); b needs one entry per output of its layer"
            )
        }
        return DenseLayer(weights: w, bias: b, activation: layer.activation)
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
