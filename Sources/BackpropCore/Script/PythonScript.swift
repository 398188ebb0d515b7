/// A self-contained Python script (numpy only, Python 3.9 or later) that trains a scenario the
/// way the program does and prints the costs `--headless --format csv` prints: `--emit python`.
///
/// The script holds the data (the training and test samples as the split made them, features
/// computed from x1 and x2 as the program computes them), the starting weights and biases
/// (written so that they read back bit for bit), the activations, the loss, the reduction, the
/// five update rules, the penalty, the batch size and the epochs' order, and it reads top to
/// bottom like the lesson: one function a phase of the step (`forward`, `cost`, `backward` with
/// `output_delta`, `gradients` and `send_error_back`, `update`), named and written with the
/// symbols the walk uses (`x`, `y`, `W1`, `b1`, `a1`, `h1`, `yhat`, `d1`, `e1`, `dW1`, `db1`,
/// `lr`).
///
/// Its numbers are the program's, not merely close: every sum adds its terms in the order the
/// program's kernels add them (numpy's `@` and `np.sum` would hand them to BLAS or add
/// pairwise), and exp, tanh, log1p, log and sin are C's (`math`), as the program's are, where
/// numpy's own vectorised ones can round the last bit otherwise. Over a long run a last bit
/// can grow into a visible one; this way the costs agree bit for bit.
public struct PythonScript: Sendable {
    /// The scenario at its step 0, with the optimizer, batch size, split, penalty and seed the
    /// command line gave it.
    public let scenario: Scenario
    /// The steps the script trains unless its command line says otherwise.
    public let steps: Int
    /// How the script was made, for its first comment (`backprop-tui --emit python …`);
    /// control characters are escaped, so it stays on one line.
    public let origin: String

    /// The script for `scenario`, training `steps` steps; `origin` says how it was made.
    public init(scenario: Scenario, steps: Int, origin: String) {
        self.scenario = scenario
        self.steps = steps
        self.origin = origin
    }

    /// The whole script, ending with a line feed.
    public var text: String {
        let sections: [[String]] = [
            header, imports, dataLines, networkLines, settingsLines, orderedSumLines, functionsOfC,
            activationLines, forwardLines, costLines, backwardLines, updateLines, batchLines, reportLines, runLines,
        ]
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n\n") + "\n"
    }

    // MARK: - Names

    /// L, the number of layers.
    var layerCount: Int { scenario.network.layerCount }

    /// What layer `l` (1-based) outputs: `h1`, …, and `yhat` for the last.
    func output(_ l: Int) -> String { l == layerCount ? "yhat" : "h\(l)" }

    /// What layer `l` (1-based) takes in: `x` for the first, else the layer below's output.
    func input(_ l: Int) -> String { l == 1 ? "x" : output(l - 1) }

    /// `a1, h1, a2, yhat`: what `forward` returns, in order.
    var forwardValues: [String] { (1...layerCount).flatMap { ["a\($0)", output($0)] } }

    /// `W1, b1, W2, b2`: every parameter array, in the program's order.
    var parameterNames: [String] { (1...layerCount).flatMap { ["W\($0)", "b\($0)"] } }

    /// `dW1, db1, dW2, db2`: the gradients, in the order of `parameterNames`.
    var gradientNames: [String] { parameterNames.map { "d" + $0 } }

    /// gˡ of layer `l` (1-based).
    func activation(_ l: Int) -> Activation { scenario.network.activations[l - 1] }

    /// Whether the scenario holds samples out to test.
    var hasTest: Bool { scenario.split.hasTest }

    /// How the targets name classes, when they do: the accuracy columns are printed then.
    var classes: TargetClasses? { TargetClasses(targets: scenario.targets) }

    /// The CSV columns the script prints, each one `--headless --format csv` prints under the
    /// same name, in the same order.
    var columns: [String] {
        var names = ["step", "cost"]
        if hasTest { names.append("test_cost") }
        if classes != nil {
            names.append("accuracy")
            if hasTest { names.append("test_accuracy") }
        }
        if scenario.penalty.isActive { names.append("penalty") }
        if printsEpoch { names.append("epoch") }
        if printsBatch { names.append("batch") }
        return names
    }

    /// Whether the headless trace has its `epoch` column (`TraceColumns.epoch`).
    var printsEpoch: Bool { hasTest || scenario.penalty.isActive || printsBatch }

    /// Whether the headless trace has its `batch` column: with mini-batches.
    var printsBatch: Bool { scenario.batchSize != nil }
}
