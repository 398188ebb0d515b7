import Foundation

/// Turns states of a training run into trace lines in one of the `TraceFormat`s.
///
/// Numbers are written in shortest round-trip form (`Double.description`), so a CSV or JSON
/// trace read back gives the very same doubles.
public struct TraceWriter: Sendable {
    /// The format of every line this writer makes.
    public let format: TraceFormat

    /// A writer for `format`.
    public init(format: TraceFormat) {
        self.format = format
    }

    /// The CSV header for a layer of `inputs` x `outputs`: w row-major, 1-based like ω_ij.
    public static func csvHeader(inputs: Int, outputs: Int) -> String {
        let weights = (0..<inputs).flatMap { i in (0..<outputs).map { j in "w\(i + 1)_\(j + 1)" } }
        let bias = (0..<outputs).map { j in "b\(j + 1)" }
        return (["step", "cost"] + weights + bias).joined(separator: ",")
    }

    /// Lines that open the trace (the CSV header, or a description of the run for people).
    public func header(for trainer: Trainer, name: String) -> [String] {
        let scenario = trainer.scenario
        switch format {
        case .csv:
            return [TraceWriter.csvHeader(inputs: scenario.inputCount, outputs: scenario.outputCount)]
        case .json:
            return []
        case .text:
            return [
                "# \(name): \(count(scenario.sampleCount, "sample")), \(count(scenario.inputCount, "input")) -> "
                    + "\(count(scenario.outputCount, "output")), "
                    + "activation \(scenario.activation.rawValue), loss \(scenario.loss.rawValue), "
                    + "reduction \(scenario.reduction.rawValue), lr \(trainer.learningRate)"
            ]
        }
    }

    /// The line for the trainer's current state.
    public func line(for trainer: Trainer) -> String {
        let weights = trainer.layer.weights
        let bias = trainer.layer.bias
        switch format {
        case .csv:
            let numbers = [trainer.cost] + weights.elements + bias
            return "\(trainer.stepCount)," + numbers.map(\.description).joined(separator: ",")
        case .json:
            let w =
                "["
                + weights.rowArrays.map { "[" + $0.map(TraceWriter.jsonNumber).joined(separator: ",") + "]" }
                .joined(separator: ",") + "]"
            let b = "[" + bias.map(TraceWriter.jsonNumber).joined(separator: ",") + "]"
            return
                "{\"step\":\(trainer.stepCount),\"cost\":\(TraceWriter.jsonNumber(trainer.cost)),\"w\":\(w),\"b\":\(b)}"
        case .text:
            let prediction = trainer.prediction.rowArrays
                .map { "[" + $0.map { TraceWriter.fixed($0, decimals: 8) }.joined(separator: " ") + "]" }
                .joined(separator: " ")
            return "step \(trainer.stepCount)  cost \(trainer.cost)  ŷ [\(prediction)]"
        }
    }

    /// Lines that close the trace (the final parameters, for people).
    public func footer(for trainer: Trainer) -> [String] {
        guard format == .text else { return [] }
        let w = trainer.layer.weights.rowArrays
            .map { "[" + $0.map(\.description).joined(separator: ", ") + "]" }.joined(separator: ", ")
        let b = trainer.layer.bias.map(\.description).joined(separator: ", ")
        return ["# after \(trainer.stepCount) steps: w = [\(w)]  b = [\(b)]"]
    }

    private func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    /// JSON has no NaN or infinity: those become null.
    static func jsonNumber(_ value: Double) -> String {
        value.isFinite ? value.description : "null"
    }

    /// A number with a fixed count of decimals, like numpy's printout; non-finite values by name.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.description }
        return String(format: "%.\(decimals)f", value)
    }
}
