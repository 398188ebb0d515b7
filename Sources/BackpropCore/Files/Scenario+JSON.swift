import Foundation

extension Scenario {
    /// Loads and validates a scenario file.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let data = try InputFile.read(path)
        return try Scenario(json: data, path: path)
    }

    /// Parses and validates scenario JSON; `path` only names the source in messages.
    public init(json data: Data, path: String = "<scenario>") throws(ScenarioError) {
        do {
            self = try ScenarioFile.decode(data, path: path).scenario()
        } catch .overLimit(let excess, .values) {
            // The sizes are the file's, so the message names it and what to change there.
            throw .overLimit(excess, source: .scenarioFile(path: path))
        }
    }

    /// The scenario as JSON in the documented format, in the form it was read (one layer as
    /// top-level `w`, `b`, `activation`; otherwise `layers`), numbers in shortest round-trip
    /// form, so `load` gives back exactly the same values. x is the data's (x1, x2 under
    /// `features`), with its picture's size (`image`) when its rows are pixels; the training
    /// settings (batch, order, seed, split, penalty, noise) are written only when they are not
    /// the defaults, so a file of the article's run stays as it was.
    public func jsonText() -> String {
        func list(_ values: [Double]) -> String {
            "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
        func rows(_ matrix: Matrix) -> String {
            "[" + matrix.rowArrays.map(list).joined(separator: ", ") + "]"
        }
        var lines = ["  \"x\": \(rows(dataInputs))", "  \"y\": \(rows(targets))"]
        if let features {
            lines.append("  \"features\": [" + features.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]")
        }
        if let image { lines.append("  \"image\": \"\(image.description)\"") }
        switch form {
        case .singleLayer:
            let layer = network.layer(0)
            lines += [
                "  \"w\": \(rows(layer.weights))", "  \"b\": \(list(layer.bias))",
                "  \"activation\": \"\(layer.activation.rawValue)\"",
            ]
        case .layers:
            let entries = network.layers.map { layer in
                "    {\"w\": \(rows(layer.weights)), \"b\": \(list(layer.bias)), \"activation\": \"\(layer.activation.rawValue)\"}"
            }
            lines.append("  \"layers\": [\n" + entries.joined(separator: ",\n") + "\n  ]")
        }
        lines += [
            "  \"learningRate\": \(learningRate.description)", "  \"loss\": \"\(loss.rawValue)\"",
            "  \"reduction\": \"\(reduction.rawValue)\"",
        ]
        if let optimizer = optimizerJSON(list: list) { lines.append("  \"optimizer\": \(optimizer)") }
        if let batchSize { lines.append("  \"batchSize\": \(batchSize)") }
        if !shuffles { lines.append("  \"shuffle\": false") }
        if seed != 1 { lines.append("  \"seed\": \(seed)") }
        if split.hasTest { lines.append("  \"test\": [" + split.test.map(String.init).joined(separator: ", ") + "]") }
        if penalty.isActive { lines.append("  \"\(penalty.name)\": \(penalty.strength.description)") }
        if noise != 0 { lines.append("  \"noise\": \(noise.description)") }
        if epochsDone != 0 { lines.append("  \"epoch\": \(epochsDone)") }
        if samplesIntoEpoch != 0 { lines.append("  \"samplesIntoEpoch\": \(samplesIntoEpoch)") }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    /// The `optimizer` entry, or nil for fresh sgd (the default, so a file of the article's
    /// update stays as it was): the name, the hyperparameters the rule reads and any other that
    /// is not PyTorch's default (`o` may pick a rule that reads it later), and, once it has
    /// taken steps, the step count and the lists it keeps.
    private func optimizerJSON(list: ([Double]) -> String) -> String? {
        let state = optimizerState
        guard optimizer != .sgd || !state.isFresh else { return nil }
        var fields = ["\"name\": \"\(optimizer.name.rawValue)\""]
        for parameter in Hyperparameter.allCases
        where optimizer.hyperparameters.contains(parameter) || !parameter.isDefault(optimizer[parameter]) {
            fields.append("\"\(parameter.rawValue)\": \(optimizer[parameter].description)")
        }
        if !state.isFresh {
            fields.append("\"step\": \(state.step)")
            let names = optimizer.name.stateNames
            if let first = names.first { fields.append("\"\(first)\": \(list(state.first))") }
            if let second = names.second { fields.append("\"\(second)\": \(list(state.second))") }
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
