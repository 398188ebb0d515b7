import ArgumentParser
import BackpropCore

/// Where the run starts: a preset or a scenario file, with flags that override its settings.
struct ScenarioOptions: ParsableArguments {
    // A name, read by `preset(named:)` rather than by swift-argument-parser: with six names or
    // more, its refusal puts them on lines of their own, which the one-line message would cut
    // off. The help lists them as it would.
    @Option(
        help: ArgumentHelp(
            "A built-in scenario (default: seed, the article's example). (values: \(Preset.allValueStrings.joined(separator: ", ")))",
            valueName: "name"),
        completion: .list(Preset.allValueStrings))
    var preset: String?

    @Option(help: ArgumentHelp("A scenario JSON file (see the README for the format).", valueName: "file"))
    var scenario: String?

    @Option(
        help: ArgumentHelp(
            "A CSV file of samples: a header row, then one sample a row; columns named y, y1, y_a... are targets.",
            valueName: "file.csv"))
    var data: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "With --data or a preset drawn from a seed: hidden layers between the inputs and the targets, e.g. 4,3 for two of 4 and 3 neurons; none for no hidden layer.",
            valueName: "sizes"))
    var hidden: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "With --data of two inputs or a preset drawn from a seed: what the network sees, computed from x1 and x2, e.g. x1^2,x2^2 (\(Feature.allCases.map(\.rawValue).joined(separator: ", "))).",
            valueName: "list"))
    var features: String?

    @Option(
        name: .customLong("image"), parsing: .unconditional,
        help: ArgumentHelp(
            "Each sample's inputs are the pixels of a picture W wide and H high, row by row from the top left (like 8x8 for 64 inputs).",
            valueName: "WxH"))
    var imageText: String?

    @Option(
        name: .customLong("noise"), parsing: .unconditional,
        help: ArgumentHelp(
            "With a preset drawn from a seed: Gaussian noise of standard deviation S on its points' inputs (default 0).",
            valueName: "S"))
    var noiseText: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "With --data, or a preset drawn from a seed (\(Preset.allCases.filter(\.isGenerated).map(\.rawValue).joined(separator: ", "))): the seed of the starting weights and of those presets' points (default 1; the same numbers on every machine).",
            valueName: "s"))
    var seed: String?

    @Option(
        name: .customLong("lr"), parsing: .unconditional,
        help: ArgumentHelp("Learning rate, a finite number > 0 (overrides the scenario's).", valueName: "x"))
    var learningRate: String?

    @Option(
        help: ArgumentHelp(
            "Activation g of every layer, or one per layer separated by commas (tanh,sigmoid); softmax only last, with --loss ce.",
            valueName: "name"))
    var activation: ActivationList?

    @Option(
        help: ArgumentHelp(
            "Cost C (sse is the article's); bce needs a sigmoid last layer and ce a softmax one, both want probabilities as targets.",
            valueName: "name"))
    var loss: Loss?

    @Option(
        help: ArgumentHelp(
            "How per-sample deltas combine into the update (seed is the article's).", valueName: "name"))
    var reduction: Reduction?

    /// The flags that change the chosen scenario, as typed (`--seed 2 --lr 0.3 --activation
    /// tanh`), for the title line: a preset changed by flags is not the preset. The caller shows
    /// them only when the scenario differs from the preset's own, so `--seed 1`, a generated
    /// preset's default, names no change.
    var changes: String {
        var parts: [String] = []
        if let seed { parts.append("--seed \(seed)") }
        if let learningRate { parts.append("--lr \(learningRate)") }
        if let activation {
            parts.append("--activation \(activation.activations.map(\.rawValue).joined(separator: ","))")
        }
        if let loss { parts.append("--loss \(loss.rawValue)") }
        if let reduction { parts.append("--reduction \(reduction.rawValue)") }
        if let hidden { parts.append("--hidden \(hidden)") }
        if let features { parts.append("--features \(features)") }
        if let imageText { parts.append("--image \(imageText)") }
        if let noiseText { parts.append("--noise \(noiseText)") }
        return parts.joined(separator: " ")
    }

    /// Whether `HiddenLayerDefaults` fill in what the flags leave out: hidden layers from
    /// `--data` (`--hidden` names at least one; `none` keeps the article's single layer and its
    /// choices).
    private var hiddenDefaultsApply: Bool { data != nil && hidden.map { !HiddenSizes.isNone($0) } ?? false }

    /// `--noise`, if given: a standard deviation in `Preset.noiseRange`.
    var noise: Double? {
        get throws {
            guard let noiseText else { return nil }
            let rule = "it must be a standard deviation from 0 to 1, like 0.1"
            let value = try NumberArgument.decimal(noiseText, flag: "--noise", rule: rule)
            guard Preset.noiseRange.contains(value) else {
                throw ValidationError("--noise \(TerminalSafe.argument(noiseText)) is not valid; \(rule)")
            }
            return value
        }
    }

    /// What `--hidden`'s defaults chose for the flags left out, in words for the status line
    /// ("tanh hidden layers, sigmoid output, reduction mean, lr 0.5"), or nil when every choice
    /// was named or no defaults apply (no hidden layers).
    func hiddenDefaultsChosen(in scenario: Scenario) -> String? {
        guard hiddenDefaultsApply else { return nil }
        var parts: [String] = []
        if activation == nil {
            let output = scenario.network.activations[scenario.network.layerCount - 1]
            parts.append("\(HiddenLayerDefaults.hiddenActivation.rawValue) hidden layers, \(output.rawValue) output")
        }
        if reduction == nil { parts.append("reduction \(HiddenLayerDefaults.reduction.rawValue)") }
        if learningRate == nil { parts.append("lr \(DecimalNumber.text(HiddenLayerDefaults.learningRate))") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The validated scenario and the name the status bar and trace header show, with
    /// `training`'s flags applied last.
    func makeScenario(training: TrainingOptions = TrainingOptions()) throws -> (scenario: Scenario, name: String) {
        let preset = try preset.map(ScenarioOptions.preset(named:))
        let sources = [preset.map { _ in "--preset" }, scenario.map { _ in "--scenario" }, data.map { _ in "--data" }]
            .compactMap { $0 }
        if sources.count > 1 {
            throw ValidationError(
                "give only one of \(sources.joined(separator: ", ")); each one picks the data to train on")
        }
        if seed != nil && data == nil && preset?.isGenerated != true {
            let generated = Preset.allCases.filter(\.isGenerated).map { "--preset \($0.rawValue)" }
            throw ValidationError(
                "--seed works only with --data, \(generated.dropLast().joined(separator: ", ")) or \(generated.last!) (the other presets and scenario files bring their own data and starting weights)"
            )
        }
        let generated = Preset.allCases.filter(\.isGenerated).map(\.rawValue).joined(separator: ", ")
        for (flag, given) in [("--hidden", hidden != nil), ("--features", features != nil)]
        where given && data == nil && preset?.isGenerated != true {
            throw ValidationError(
                "\(flag) works with --data or a preset drawn from a seed (\(generated)); the other presets and scenario files bring their own layers"
            )
        }
        if noiseText != nil && preset?.isGenerated != true {
            throw ValidationError(
                "--noise works only with a preset drawn from a seed (\(generated)); other data comes with its points as they are"
            )
        }
        // Read here rather than by ArgumentParser, so a wrong value gets a line in our words.
        let seed = try seed.map { try NumberArgument.whole($0, flag: "--seed", in: 0...UInt64.max, like: 1) }
        let hidden = try hidden.map(HiddenSizes.init(parsing:))
        let features = try features.map { text in
            do {
                return try Feature.list(parsing: text)
            } catch {
                // Nothing to quote back when nothing was named: the line says what to give.
                let blank = text.allSatisfy { $0 == "," || $0.isWhitespace }
                throw ValidationError("--features \(blank ? "" : TerminalSafe.argument(text) + ": ")\(error)")
            }
        }
        let noise = try noise
        try training.validate()
        var result: Scenario
        let name: String
        var table: DataTable?
        if let path = data {
            let loaded = try DataTable.load(path: path)
            table = loaded
            result = try ScenarioOptions.scenario(
                on: loaded, path: path, seed: seed ?? 1, hidden: hidden?.sizes, features: features)
            name = path
        } else if let path = scenario {
            result = try Scenario.load(path: path)
            name = path
        } else {
            let chosen = preset ?? .seed
            // Only a generated preset gets here with a seed, a shape or noise (refused above for
            // the others).
            result = try ScenarioOptions.scenario(
                of: chosen, seed: seed ?? 1, hidden: hidden?.sizes, features: features, noise: noise)
            name = chosen.rawValue
        }
        if let learningRate {
            // Parsed here rather than by ArgumentParser so the message quotes what was typed, and
            // says "not a number" for what is not one (0.1e, 0x10, nan) rather than "not > 0".
            let rule = "it must be a finite number greater than 0, like 0.1"
            let value = try NumberArgument.decimal(learningRate, flag: "--lr", rule: rule)
            guard value.isFinite, value > 0 else {
                throw ValidationError("--lr \(TerminalSafe.argument(learningRate)) is not valid; \(rule)")
            }
            try result.setLearningRate(value)
        }
        // Hidden layers from --data get the generated presets' choices where the flags name none.
        let defaultsApply = hiddenDefaultsApply
        if defaultsApply && learningRate == nil { try result.setLearningRate(HiddenLayerDefaults.learningRate) }
        if defaultsApply && reduction == nil { result.reduction = HiddenLayerDefaults.reduction }
        let activations =
            activation?.activations
            ?? (defaultsApply
                ? HiddenLayerDefaults.activations(
                    layerCount: result.network.layerCount, targets: result.targets, loss: loss ?? result.loss)
                : nil)
        if activations != nil || loss != nil {
            // Together, as `--activation tanh,softmax --loss ce` is valid only as a whole; a
            // pairing the flags make wrong is the flags' fault (64). The file's own, alone, was
            // checked as it was read (65). A CSV file's target a loss refuses is named by its
            // line and column, as every other message about the file names it.
            try asUsageError {
                do {
                    try result.set(activations: activations, loss: loss)
                } catch let error as ScenarioError {
                    throw table.map { $0.locating(error, path: name) } ?? error
                }
            }
        }
        if let reduction { result.reduction = reduction }
        if let imageText { try ScenarioOptions.setImage(imageText, of: &result, name: name) }
        let splitColumn =
            table?.testSamples != nil
            ? "the column \"\(DataTable.splitColumnName)\" of \(TerminalSafe.quoted(name))" : nil
        try training.apply(to: &result, fixedSplit: splitColumn)
        return (result, name)
    }

    /// The scenario of a preset: its own, or drawn from another seed, with other hidden layers
    /// or features, or with noise on its points. The shape's weights are drawn apart from the
    /// points (`Preset.scenario(seed:features:hidden:noise:)`), so noise only moves the points.
    private static func scenario(
        of preset: Preset, seed: UInt64, hidden: [Int]?, features: [Feature]?, noise: Double?
    ) throws -> Scenario {
        guard hidden != nil || features != nil else { return preset.scenario(seed: seed, noise: noise ?? 0) }
        // The preset keeps its noisy points and its test split under the new network.
        return try asUsageError {
            try preset.scenario(seed: seed, features: features, hidden: hidden, noise: noise ?? 0)
        }
    }

    /// The scenario `--data` and `--hidden` ask for. A network too large for the data is the
    /// flags' fault (64) when `--hidden` set its sizes, and the file's (65) when its columns and
    /// rows alone did; either way the message says what to change.
    private static func scenario(
        on table: DataTable, path: String, seed: UInt64, hidden: [Int]?, features: [Feature]?
    ) throws -> Scenario {
        do {
            return try table.scenario(seed: seed, hidden: hidden ?? [], features: features)
        } catch .overLimit(let excess, _) {
            guard hidden?.isEmpty == false else { throw ScenarioError.overLimit(excess, source: .dataFile(path: path)) }
            let remedy =
                switch excess {
                case .layers: "give --hidden fewer sizes"
                case .samples: "use a sample of the data"
                case .parameters: "give --hidden smaller sizes"
                case .work, .memory: "give --hidden smaller sizes or use a sample of the data"
                }
            throw ValidationError("\(excess): \(remedy)")
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `--image`: `text` must be a size `WxH` whose pixels are the scenario's inputs, as the data
    /// gives them; each refusal is a usage error (64) that says what to give instead.
    private static func setImage(_ text: String, of scenario: inout Scenario, name: String) throws {
        let typed = TerminalSafe.argument(text)
        guard let shape = ImageShape(parsing: text) else {
            throw ValidationError(
                "--image \(typed) is not a picture size; give its width and height in pixels, each 1 to \(ImageShape.largestSide), like 8x8"
            )
        }
        if let features = scenario.features {
            throw ValidationError(
                "--image \(typed): the inputs are features computed from x1 and x2 (\(features.map(\.rawValue).joined(separator: ","))), not pixels; leave out --image or the features"
            )
        }
        let inputs = scenario.inputCount
        guard shape.pixelCount == inputs else {
            let like = ImageShape.squarest(pixelCount: inputs).map { ", like \($0.description)" } ?? ""
            throw ValidationError(
                "--image \(typed) has \(counted(shape.pixelCount, "pixel")), but each sample of \(TerminalSafe.quoted(name)) has \(counted(inputs, "input")); give a width x height of \(inputs)\(like)"
            )
        }
        try asUsageError { try scenario.setImage(shape) }
    }

    /// The preset called `text`, in any case, or a usage error that lists the names.
    private static func preset(named text: String) throws -> Preset {
        guard let preset = Preset(argument: text) else {
            throw ValidationError(
                "--preset \(TerminalSafe.argument(text)) is not a preset; use one of \(Preset.allValueStrings.joined(separator: ", "))"
            )
        }
        return preset
    }
}
