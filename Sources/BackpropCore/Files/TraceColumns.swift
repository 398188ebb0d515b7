/// The columns a trace adds after `cost`: `test_cost`, `accuracy`, `test_accuracy`, `penalty`,
/// `epoch` and `batch` for a test split, targets that are classes, a penalty and mini-batches,
/// each only when the run has what it reports (so a run with none of them writes none of them),
/// then `grad_norm_1 … grad_norm_L`.
///
/// - `test_cost`: C over the test samples (with a split).
/// - `accuracy`: the fraction of the training samples the state gets right (`ClassAccuracy`,
///   by `TargetClasses`' rules), when the targets are classes; `test_accuracy` the same over the
///   test samples, with a split too. Neither makes `epoch` appear: a full-batch run of a logic
///   gate has no epochs to speak of.
/// - `penalty`: the penalty's value for the state's weights, (λ/2)Σω² or λΣ|ω| (with one).
/// - `epoch`: the epoch the state's last step was part of, from 1; 0 at step 0 (with any of
///   the three). A full-batch step is an epoch of its own, so there it equals the step.
/// - `batch`: the samples the state's last step used, as 0-based indices into the data as
///   loaded, in the order it used them (with mini-batches); none at step 0.
/// - `grad_norm_l`: ‖∂C/∂Wˡ‖ at the state, one per layer (`Trainer.gradientNorms()`): the size
///   of the gradient the next step from it feeds its optimizer, after the reduction and with
///   the penalty's gradient, over the samples that step takes. JSON writes them as one list,
///   `grad_norms`.
public struct TraceColumns: Hashable, Sendable {
    /// Whether `test_cost` is written.
    public var testCost: Bool
    /// Whether `penalty` is written.
    public var penalty: Bool
    /// Whether `batch` is written.
    public var batch: Bool
    /// Whether `accuracy` is written, and with `testCost` also `test_accuracy`.
    public var accuracy: Bool
    /// Whether `grad_norm_1 … grad_norm_L` are written (`--headless` and the export always
    /// write them; only a writer made for tests leaves them out).
    public var gradientNorms: Bool
    /// Whether `test_accuracy` is written: with a split, when the targets are classes.
    public var testAccuracy: Bool { accuracy && testCost }
    /// Whether `epoch` is written: with `test_cost`, `penalty` or `batch`.
    public var epoch: Bool { testCost || penalty || batch }

    /// No columns beyond the article's.
    public static let none = TraceColumns(testCost: false, penalty: false, batch: false, gradientNorms: false)

    /// The columns chosen one by one.
    public init(testCost: Bool, penalty: Bool, batch: Bool, accuracy: Bool = false, gradientNorms: Bool = true) {
        self.testCost = testCost
        self.penalty = penalty
        self.batch = batch
        self.accuracy = accuracy
        self.gradientNorms = gradientNorms
    }

    /// The columns of a run from `trainer`'s state on, at its batch size and penalty.
    public init(trainer: Trainer) {
        self.init(
            testCost: trainer.scenario.split.hasTest, penalty: trainer.penalty.isActive,
            batch: trainer.miniBatchSize != nil, accuracy: trainer.targetClasses != nil)
    }

    /// The CSV names of the columns written for a network of `layers` layers, each with a comma
    /// before it.
    func csvNames(layers: Int) -> String {
        (testCost ? ",test_cost" : "") + (accuracy ? ",accuracy" : "") + (testAccuracy ? ",test_accuracy" : "")
            + (penalty ? ",penalty" : "") + (epoch ? ",epoch" : "")
            + (batch ? ",batch" : "")
            + (gradientNorms ? (1...layers).map { ",grad_norm_\($0)" }.joined() : "")
    }

    /// The CSV cells of the columns written for `trainer`'s row, each after a comma; `batch` is
    /// the samples of the step that led to it. `--headless` and the export `e` both write them.
    func appendCSVCells(of trainer: Trainer, batch: [Int], into stream: inout ByteStream) {
        appendRunCells(of: trainer, batch: batch, into: &stream)
        guard gradientNorms else { return }
        for norm in trainer.gradientNorms() {
            stream.append(",")
            stream.append(norm)
        }
    }

    /// The cells of `test_cost`, `accuracy`, `test_accuracy`, `penalty`, `epoch` and `batch`,
    /// those written.
    private func appendRunCells(of trainer: Trainer, batch: [Int], into stream: inout ByteStream) {
        if testCost {
            stream.append(",")
            if let test = trainer.testCost { stream.append(test) }
        }
        if accuracy {
            let counts = trainer.classAccuracy
            stream.append(",")
            if let fraction = counts?.fraction { stream.append(fraction) }
            if testAccuracy {
                stream.append(",")
                if let fraction = counts?.testFraction { stream.append(fraction) }
            }
        }
        if penalty {
            stream.append(",")
            stream.append(trainer.penaltyValue)
        }
        guard epoch else { return }
        stream.append(",")
        stream.append(TraceColumns.epoch(of: trainer.state))
        if self.batch {
            stream.append(",")
            for (k, sample) in batch.enumerated() {
                if k > 0 { stream.append(" ") }
                stream.append(sample)
            }
        }
    }

    /// The epoch the last step that led to `state` was part of, from 1 (0 at step 0): a step
    /// that ended an epoch leaves no samples used in the next one.
    public static func epoch(of state: TrainingState) -> Int {
        state.samplesIntoEpoch == 0 ? state.epoch : state.epoch + 1
    }
}
