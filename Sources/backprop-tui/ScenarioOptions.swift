import ArgumentParser
import BackpropCore

/// Where the run starts: a preset or a scenario file, with flags that override its settings.
struct ScenarioOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A built-in scenario: seed (the article's example), and, or, xor.", valueName: "name"))
    var preset: String?

    @Option(help: ArgumentHelp("A scenario JSON file (see the README for the format).", valueName: "file"))
    var scenario: String?

    @Option(
        help: ArgumentHelp(
            "A CSV file of samples: a header row, then one sample a row; columns named y... are targets.",
            valueName: "file.csv"))
    var data: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "With --data: the seed of the starting weights (the same numbers on every machine).", valueName: "s"))
    var seed: UInt64?

    @Option(
        name: .customLong("lr"), parsing: .unconditional,
        help: ArgumentHelp("Learning rate, a finite number > 0 (overrides the scenario's).", valueName: "x"))
    var learningRate: String?

    @Option(help: ArgumentHelp("Activation g: sigmoid, tanh, relu or linear.", valueName: "name"))
    var activation: String?

    @Option(help: ArgumentHelp("Cost C: sse (the article's) or mse.", valueName: "name"))
    var loss: String?

    @Option(
        help: ArgumentHelp(
            "How per-sample deltas combine into the update: seed (the article's), sum or mean.", valueName: "name"))
    var reduction: String?

    /// The validated scenario and the name the status bar and trace header show.
    func makeScenario() throws -> (scenario: Scenario, name: String) {
        let sources = [preset.map { _ in "--preset" }, scenario.map { _ in "--scenario" }, data.map { _ in "--data" }]
            .compactMap { $0 }
        if sources.count > 1 {
            throw ValidationError(
                "give only one of \(sources.joined(separator: ", ")); each one picks the data to train on")
        }
        if seed != nil && data == nil {
            throw ValidationError("--seed needs --data (presets and scenario files bring their own starting weights)")
        }
        var result: Scenario
        let name: String
        if let path = data {
            result = try DataTable.load(path: path).scenario(seed: seed ?? 1)
            name = path
        } else if let path = scenario {
            result = try Scenario.load(path: path)
            name = path
        } else {
            let chosen = try asUsageError { try Preset.named(preset ?? Preset.seed.rawValue) }
            result = chosen.scenario
            name = chosen.rawValue
        }
        if let learningRate {
            // Parsed here rather than by ArgumentParser so the message quotes what was typed.
            guard let value = Double(learningRate), value.isFinite, value > 0 else {
                throw ValidationError(
                    "--lr \(learningRate) is not valid; it must be a finite number greater than 0, like 0.1")
            }
            try result.setLearningRate(value)
        }
        if let activation {
            result.activation = try asUsageError { try Self.pick(activation, field: "activation") }
        }
        if let loss { result.loss = try asUsageError { try Self.pick(loss, field: "loss") } }
        if let reduction {
            result.reduction = try asUsageError { try Self.pick(reduction, field: "reduction") }
        }
        return (result, name)
    }

    private static func pick<T: RawRepresentable & CaseIterable>(_ text: String, field: String) throws(ScenarioError)
        -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text.lowercased()) else {
            throw .unknownName(field: field, value: text, allowed: T.allCases.map(\.rawValue))
        }
        return value
    }
}
