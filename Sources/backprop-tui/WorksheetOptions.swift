import ArgumentParser
import BackpropCore
import Foundation

/// `--worksheet [--answers]`: one training step of the scenario as an exercise to work by hand,
/// printed to stdout (`Worksheet`), with `--seed S` alone a small one drawn from the seed
/// (`HandSizedScenario`).
struct WorksheetOptions: ParsableArguments {
    @Flag(
        help:
            "Print an exercise for one training step, worked by hand: the givens and numbered questions (forward, cost, backward, update). --seed S alone draws a small one whose numbers have one decimal; at most 30 parameters and 4 samples a step."
    )
    var worksheet = false

    @Flag(help: "With --worksheet: the answer key, every answer filled in with its working.")
    var answers = false

    /// Refuses what a worksheet does not go with, one line each: `modes` are the other flags
    /// given (name and whether given), `format` the `--format` given.
    func validate(others: [(flag: String, given: Bool)], format: OutputFormat?) throws {
        if answers && !worksheet {
            throw ValidationError("--answers needs --worksheet (it fills in the worksheet's blanks)")
        }
        guard worksheet else { return }
        for (flag, given) in others where given {
            switch flag {
            case "--headless", "--snapshot", "--emit":
                throw ValidationError("give either --worksheet or \(flag), not both: each prints something else")
            case "--steps", "--epochs":
                throw ValidationError("--worksheet is always the first step; leave out \(flag)")
            case "--bug":
                throw ValidationError("a worksheet's answers are the right backprop's; leave out --bug")
            case "--ascii":
                throw ValidationError("--ascii is for the visualiser; a worksheet is UTF-8 text (ω, δ, ŷ)")
            default:
                throw ValidationError("--worksheet prints one plain gradient-descent step; leave out \(flag)")
            }
        }
        if let format, !format.suitsWorksheet {
            throw ValidationError("--format \(format.rawValue) is for --headless; a worksheet is text or md (Markdown)")
        }
    }

    /// Whether the sheet is drawn from `--seed` alone: no preset, scenario file or data.
    private func isDrawn(_ options: ScenarioOptions) -> Bool {
        options.seed != nil && options.preset == nil && options.scenario == nil && options.data == nil
    }

    /// The sheet the flags ask for, as text or Markdown, or a usage error (64) in one line for a
    /// scenario too big to work by hand or not trained by plain gradient descent.
    func sheet(
        scenario options: ScenarioOptions, training: TrainingOptions, optimizer: OptimizerOptions,
        format: OutputFormat?
    ) throws -> String {
        var scenario: Scenario
        if isDrawn(options) {
            scenario = try drawnScenario(options, training: training, optimizer: optimizer)
        } else {
            scenario = try options.makeScenario(training: training).scenario
            try optimizer.apply(to: &scenario)
        }
        let sheet: Worksheet
        do {
            sheet = try Worksheet(scenario: scenario, source: source)
        } catch {
            try WorksheetOptions.refuse(error, drawn: isDrawn(options))
        }
        if format == .md { return WorksheetMarkdownRenderer().render(sheet, answers: answers) }
        return WorksheetTextRenderer().render(sheet, answers: answers)
    }

    /// The scenario `--seed S` draws, with the flags that change it applied to every draw.
    private func drawnScenario(_ options: ScenarioOptions, training: TrainingOptions, optimizer: OptimizerOptions)
        throws -> Scenario
    {
        for (flag, given) in [
            ("--features", options.features != nil), ("--image", options.imageText != nil),
            ("--noise", options.noiseText != nil),
        ] where given {
            throw ValidationError(
                "\(flag): a worksheet drawn from --seed has the inputs x1 and x2 as they are; leave out \(flag) or give --data"
            )
        }
        let seed = try NumberArgument.whole(options.seed ?? "1", flag: "--seed", in: 0...UInt64.max, like: 1)
        let hidden = try options.hidden.map { try HiddenSizes(parsing: $0).sizes } ?? [2]
        let learningRate = try options.learningRate.map { text in
            let rule = "it must be a finite number greater than 0, like 0.1"
            let value = try NumberArgument.decimal(text, flag: "--lr", rule: rule)
            guard value.isFinite, value > 0 else {
                throw ValidationError("--lr \(TerminalSafe.argument(text)) is not valid; \(rule)")
            }
            return value
        }
        try training.validate()
        do {
            return try HandSizedScenario.drawn(seed: seed, hidden: hidden) { scenario in
                try asUsageError {
                    if options.activation != nil || options.loss != nil {
                        try scenario.set(activations: options.activation?.activations, loss: options.loss)
                    }
                    if let learningRate { try scenario.setLearningRate(learningRate) }
                }
                if let reduction = options.reduction { scenario.reduction = reduction }
                try training.apply(to: &scenario, fixedSplit: nil)
                try optimizer.apply(to: &scenario)
            }
        } catch let refusal as WorksheetRefusal {
            try WorksheetOptions.refuse(refusal, drawn: true)
        }
    }

    /// The command that prints this sheet, for its heading: the arguments as typed, without
    /// `--answers` and `--format`, so a sheet and its answer key name the same command.
    private var source: String {
        var kept: [String] = []
        var arguments = CommandLine.arguments.dropFirst()[...]
        while let argument = arguments.popFirst() {
            if argument == "--answers" || argument.hasPrefix("--format=") { continue }
            if argument == "--format" {
                _ = arguments.popFirst()
                continue
            }
            kept.append(argument.contains(" ") ? "'\(argument)'" : argument)
        }
        return TerminalSafe.escaped((["backprop-tui"] + kept).joined(separator: " "))
    }

    /// Ends the program for `refusal` with one line on stderr saying what to try, and 64 (the
    /// flags asked for more than a sheet holds) or 65 (a file's numbers, rounded, are invalid).
    static func refuse(_ refusal: WorksheetRefusal, drawn: Bool) throws -> Never {
        let message: String
        var status = ExitCode.validationFailure
        switch refusal {
        case .tooManyParameters(let count):
            let hint = drawn ? "try --hidden 2, or --hidden 3,3" : "try --seed 3, or --preset xor-hidden"
            // Sizes whose count overflows were counted as Int.max: no number to show.
            let shown = count == Int.max ? "billions of" : thousandsSeparated(count)
            message =
                "a worksheet is worked by hand: this scenario has \(shown) parameters; at most \(Worksheet.parameterLimit) (\(hint))"
        case .tooManySamples(let count):
            message =
                "a worksheet is worked by hand: this scenario's step uses \(thousandsSeparated(count)) samples; at most \(Worksheet.sampleLimit) (try --batch \(Worksheet.sampleLimit), or --seed 3)"
        case .optimizer(let name):
            message =
                "a worksheet is one step of plain gradient descent, and this run uses \(name.rawValue); give --optimizer sgd"
        case .penalty(let penalty):
            message =
                "a worksheet is one step of plain gradient descent, without the \(penalty.name.uppercased()) penalty; leave out --\(penalty.name) (or the scenario's penalty)"
        case .roundedGivens(let error):
            message =
                "the worksheet's numbers, rounded to 4 decimals as printed, no longer make a valid scenario: \(error)"
            // The flags' numbers (a drawn sheet's --lr) are the flags' fault; a file's, the file's.
            if !drawn { status = ExitCode(65) }
        }
        BackpropTUI.complain(message)
        throw status
    }
}
