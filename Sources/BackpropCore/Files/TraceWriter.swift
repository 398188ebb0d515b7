import Foundation

/// Turns states of a training run into trace lines in one of the `TraceFormat`s.
///
/// Numbers are written in shortest round-trip form (`Double.description`), so a CSV or JSON
/// trace read back gives the very same doubles.
public struct TraceWriter: Sendable {
    /// The format of every line this writer makes.
    public let format: TraceFormat
    /// The columns for mini-batches, a split, classes and a penalty that every line carries.
    public let columns: TraceColumns

    /// A writer for `format`, with `columns` beyond the article's (none by default).
    public init(format: TraceFormat, columns: TraceColumns = .none) {
        self.format = format
        self.columns = columns
    }

    /// The CSV header for `network`'s parameters, 1-based like ω_ij, in `ParameterIndex` order:
    /// `w1_1,...,b1,...` for one layer (the article's), `L1_w1_1,...,L1_b1,...,L2_w1_1,...` for more,
    /// with `columns`' names (`grad_norm_1 …` among them) between `cost` and the parameters.
    public static func csvHeader(for network: Network, columns: TraceColumns = .none) -> String {
        let names = network.parameterIndices.map(network.traceName(of:))
        return "step,cost" + columns.csvNames(layers: network.layerCount) + "," + names.joined(separator: ",")
    }

    /// Lines that open the trace (the CSV header, JSON's split record, or a description of the
    /// run for people). The text header names the scenario by `name`, a preset or the path
    /// typed, with its control characters escaped (`TerminalSafe`): a trace is read on a terminal.
    ///
    /// With a test split, JSON opens with `{"train":[...],"test":[...]}`, the samples of each as
    /// 0-based indices into the data as loaded, in the data's order, and the text header says how
    /// many are held out.
    public func header(for trainer: Trainer, name: String) -> [String] {
        let scenario = trainer.scenario
        switch format {
        case .csv:
            return [TraceWriter.csvHeader(for: scenario.network, columns: columns)]
        case .json:
            guard scenario.split.hasTest else { return [] }
            return [
                "{\"train\":" + TraceWriter.jsonList(scenario.split.training) + ",\"test\":"
                    + TraceWriter.jsonList(scenario.split.test) + "}"
            ]
        case .text:
            let network = scenario.network
            let shape =
                network.layerCount == 1
                ? "\(count(scenario.inputCount, "input")) -> \(count(scenario.outputCount, "output")), "
                    + "activation \(network.activations[0].rawValue)"
                : "network \(network.shapeDescription), activations "
                    + network.activations.map(\.rawValue).joined(separator: " ")
            return [
                "# \(TerminalSafe.escaped(name)): \(count(scenario.sampleCount, "sample")), \(shape), loss \(scenario.loss.rawValue), "
                    + "reduction \(scenario.reduction.rawValue), lr \(DecimalNumber.text(trainer.learningRate))"
                    + (trainer.optimizer == .sgd ? "" : ", optimizer \(trainer.optimizer.summary)")
                    + (scenario.split.hasTest ? ", \(scenario.split.test.count) held out to test" : "")
                    + (trainer.miniBatchSize.map { ", batches of \($0)" } ?? "")
                    + (trainer.penalty.isActive
                        ? ", \(trainer.penalty.name) λ \(DecimalNumber.text(trainer.penalty.strength))" : "")
            ]
        }
    }

    /// The line for the trainer's current state; `batch` is the samples its last step used
    /// (indices into the data as loaded, in the order used), written when `columns.batch` is.
    public func line(for trainer: Trainer, batch: [Int] = []) -> String {
        let network = trainer.network
        switch format {
        case .csv:
            // Digits straight into bytes (`ByteStream`), the text of `description`: a String a
            // number took as long as the digits' whole epoch for a row of 1,210 parameters.
            var line = ByteStream()
            line.append(trainer.stepCount)
            line.append(",")
            line.append(trainer.cost)
            columns.appendCSVCells(of: trainer, batch: batch, into: &line)
            for parameter in network.parameters {
                line.append(",")
                line.append(parameter)
            }
            return String(decoding: line.bytes, as: UTF8.self)
        case .json:
            func list(_ values: [Double]) -> String {
                "[" + values.map(TraceWriter.jsonNumber).joined(separator: ",") + "]"
            }
            func parameters(_ layer: DenseLayer) -> String {
                "\"w\":[" + layer.weights.rowArrays.map(list).joined(separator: ",") + "],\"b\":" + list(layer.bias)
            }
            var head = "{\"step\":\(trainer.stepCount),\"cost\":\(TraceWriter.jsonNumber(trainer.cost)),"
            if columns.testCost {
                head += "\"test_cost\":" + (trainer.testCost.map(TraceWriter.jsonNumber) ?? "null") + ","
            }
            if columns.accuracy {
                let counts = trainer.classAccuracy
                head += "\"accuracy\":" + (counts.map { TraceWriter.jsonNumber($0.fraction) } ?? "null") + ","
                if columns.testAccuracy {
                    head +=
                        "\"test_accuracy\":" + (counts?.testFraction.map(TraceWriter.jsonNumber) ?? "null") + ","
                }
            }
            if columns.penalty { head += "\"penalty\":" + TraceWriter.jsonNumber(trainer.penaltyValue) + "," }
            if columns.epoch { head += "\"epoch\":\(TraceColumns.epoch(of: trainer.state))," }
            if columns.batch { head += "\"batch\":" + TraceWriter.jsonList(batch) + "," }
            if columns.gradientNorms { head += "\"grad_norms\":" + list(trainer.gradientNorms()) + "," }
            if network.layerCount == 1 { return head + parameters(network.layer(0)) + "}" }
            return head + "\"layers\":[" + network.layers.map { "{" + parameters($0) + "}" }.joined(separator: ",")
                + "]}"
        case .text:
            let prediction = trainer.prediction
            // Like numpy's printout, a large ŷ shows its first and last 3 samples around "...":
            // a line of 100,000 samples is for a file (`--format csv`), not a person.
            let all = prediction.elements.count <= TraceWriter.summaryThreshold
            let shown =
                all
                ? Array(0..<prediction.rows)
                : [0, 1, 2, -1, prediction.rows - 3, prediction.rows - 2, prediction.rows - 1]
            // Like numpy again: from 1e8 on, fixed point would print every digit of a diverging
            // run (155 of them), so the whole line switches to exponent form.
            let large = shown.contains { s in
                s >= 0
                    && (0..<prediction.columns).contains { abs(prediction[s, $0]) >= 1e8 && prediction[s, $0].isFinite }
            }
            let rows = shown.map { s -> String in
                guard s >= 0 else { return "..." }
                let row = (0..<prediction.columns).map {
                    large
                        ? TraceWriter.exponent(prediction[s, $0], decimals: 8)
                        : TraceWriter.fixed(prediction[s, $0], decimals: 8)
                }
                return "[" + row.joined(separator: " ") + "]"
            }
            var costs = "cost \(TraceWriter.full(trainer.cost))"
            if columns.testCost, let test = trainer.testCost { costs += "  test cost \(TraceWriter.full(test))" }
            if columns.accuracy, let counts = trainer.classAccuracy {
                // Counts, not a fraction: exact, and as the screen writes them ("1377/1438 right").
                costs += "  accuracy \(counts.right)/\(counts.count)"
                if columns.testAccuracy, let right = counts.testRight {
                    costs += "  test accuracy \(right)/\(counts.testCount)"
                }
            }
            if columns.penalty { costs += "  penalty \(TraceWriter.full(trainer.penaltyValue))" }
            let epoch = columns.epoch ? "  epoch \(TraceColumns.epoch(of: trainer.state))" : ""
            return "step \(trainer.stepCount)\(epoch)  \(costs)  ŷ [\(rows.joined(separator: " "))]"
        }
    }

    /// Lines that close the trace (the final parameters, for people).
    public func footer(for trainer: Trainer) -> [String] {
        guard format == .text else { return [] }
        let network = trainer.network
        return network.layers.enumerated().map { l, layer in
            let w = layer.weights.rowArrays
                .map { "[" + $0.map(TraceWriter.full).joined(separator: ", ") + "]" }.joined(separator: ", ")
            let b = layer.bias.map(TraceWriter.full).joined(separator: ", ")
            let name = network.layerCount == 1 ? "" : "layer \(l + 1): "
            return "# after \(counted(trainer.stepCount, "step")): \(name)w = [\(w)]  b = [\(b)]"
        }
    }

    private func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    /// The most numbers of ŷ a text line shows in full (numpy's print threshold).
    static let summaryThreshold = 1000

    /// `[3,0,7]`: a JSON list of sample indices.
    static func jsonList(_ indices: [Int]) -> String {
        "[" + indices.map(String.init).joined(separator: ",") + "]"
    }

    /// JSON has no NaN or infinity: those become null.
    static func jsonNumber(_ value: Double) -> String {
        value.isFinite ? value.description : "null"
    }

    /// `value` in exponent form with `decimals` decimals and a short exponent (`1.23456789e155`,
    /// `-2.5e-7`), the form the visualiser uses; non-finite values by name.
    static func exponent(_ value: Double, decimals: Int) -> String {
        let text = format(value, exponentForm: true, decimals: decimals)
        return DecimalNumber.shortExponent(text)
    }

    /// Every digit of `value` (its shortest round-trip form), with the exponent written short
    /// (`2.2076626313365996e218`, `1e-5`) so a text line has one exponent style.
    static func full(_ value: Double) -> String {
        DecimalNumber.shortExponent(value.description)
    }

    /// A number with a fixed count of decimals, like numpy's printout; non-finite values by name.
    ///
    /// C's `vsnprintf` into a stack buffer, not `String(format:)`: the same digits, but the text
    /// trace of 100,000 samples prints 100,000 of these a line, and Foundation's formatter made
    /// that take seconds.
    static func fixed(_ value: Double, decimals: Int) -> String {
        format(value, exponentForm: false, decimals: decimals)
    }

    /// `value` through C's `%.*f` or `%.*e` with `decimals`; non-finite values by name.
    private static func format(_ value: Double, exponentForm: Bool, decimals: Int) -> String {
        guard value.isFinite else { return value.description }
        // The largest double has 309 integer digits; with a sign, a point and the decimals, 512
        // bytes hold any value for up to 200 decimals.
        let capacity = 512
        precondition(decimals <= 200)
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            _ = withVaList([Int32(decimals), value]) {
                exponentForm
                    ? vsnprintf(buffer.baseAddress!, capacity, "%.*e", $0)
                    : vsnprintf(buffer.baseAddress!, capacity, "%.*f", $0)
            }
            return String(cString: buffer.baseAddress!)
        }
    }
}
