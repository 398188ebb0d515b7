import ArgumentParser
import BackpropCore

/// How the samples train: mini-batches, their order, a held-out test split and a penalty on the
/// weights. Each overrides what the scenario (a preset, a file, a CSV table) brings.
struct TrainingOptions: ParsableArguments {
    @Option(
        name: .customLong("batch"), parsing: .unconditional,
        help: ArgumentHelp(
            "Samples a step uses, a mini-batch (default: every training sample); an epoch is ceil(n/N) steps.",
            valueName: "N"))
    var batchText: String?

    @Flag(
        name: .customLong("no-shuffle"),
        help: "Visit the training samples in the data's order each epoch (default: a fresh order drawn from the seed).")
    var noShuffle = false

    @Option(
        name: .customLong("test-ratio"), parsing: .unconditional,
        help: ArgumentHelp(
            "Hold out floor(R*n) samples, drawn with the seed, to test on (0 <= R < 1); a CSV column named split (train/test) fixes them by hand instead.",
            valueName: "R"))
    var testRatioText: String?

    @Option(
        name: .customLong("l1"), parsing: .unconditional,
        help: ArgumentHelp(
            "Add λΣ|ω| to the cost, pushing small weights to 0; λ at least 0, not with --l2.", valueName: "λ"))
    var l1Text: String?

    @Option(
        name: .customLong("l2"), parsing: .unconditional,
        help: ArgumentHelp(
            "Add (λ/2)Σω² to the cost, shrinking every weight (weight decay); λ at least 0, not with --l1.",
            valueName: "λ"))
    var l2Text: String?

    /// The flags as typed, for the title line (`--batch 8 --no-shuffle --l2 0.01`).
    var changes: String {
        var parts: [String] = []
        if let batchText { parts.append("--batch \(batchText)") }
        if noShuffle { parts.append("--no-shuffle") }
        if let testRatioText { parts.append("--test-ratio \(testRatioText)") }
        if let l1Text { parts.append("--l1 \(l1Text)") }
        if let l2Text { parts.append("--l2 \(l2Text)") }
        return parts.joined(separator: " ")
    }

    /// `--batch`, if given: a whole number of 1 or more.
    var batch: Int? {
        get throws { try batchText.map { try NumberArgument.whole($0, flag: "--batch", in: 1...Int.max, like: 8) } }
    }

    /// `--test-ratio`, if given: a number in [0, 1).
    var testRatio: Double? {
        get throws {
            guard let testRatioText else { return nil }
            let rule = "it must be at least 0 and below 1, like 0.2 (a fifth held out)"
            let value = try NumberArgument.decimal(testRatioText, flag: "--test-ratio", rule: rule)
            guard value >= 0, value < 1 else {
                throw ValidationError("--test-ratio \(TerminalSafe.argument(testRatioText)) is not valid; \(rule)")
            }
            return value
        }
    }

    /// `--l1` or `--l2`, if one is given: λ a finite number of at least 0.
    var penalty: Penalty? {
        get throws {
            if l1Text != nil && l2Text != nil {
                throw ValidationError("give either --l1 or --l2, not both; one penalty at a time")
            }
            let rule = "λ must be a finite number of at least 0, like 0.01"
            for (text, flag) in [(l1Text, "--l1"), (l2Text, "--l2")] {
                guard let text else { continue }
                let lambda = try NumberArgument.decimal(text, flag: flag, rule: rule)
                guard lambda >= 0 else {
                    throw ValidationError("\(flag) \(TerminalSafe.argument(text)) is not valid; \(rule)")
                }
                return flag == "--l1" ? .l1(lambda) : .l2(lambda)
            }
            return nil
        }
    }

    /// Checks every value, so that a wrong one is refused before any file is read.
    func validate() throws {
        _ = (try batch, try testRatio, try penalty)
    }

    /// Sets what the flags give on `scenario`: the split first (drawn with the scenario's seed),
    /// then the batch size, the order and the penalty. `fixedSplit` names what already chose the
    /// test samples by hand (a CSV's split column), which `--test-ratio` may not override.
    func apply(to scenario: inout Scenario, fixedSplit: String?) throws {
        if let ratio = try testRatio {
            if let fixedSplit {
                throw ValidationError(
                    "--test-ratio draws the test samples, but \(fixedSplit) already names them; leave out one of the two"
                )
            }
            try asUsageError {
                scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: ratio, seed: scenario.seed))
            }
        }
        if let batch = try batch { try asUsageError { try scenario.setBatchSize(batch) } }
        if noShuffle { scenario.shuffles = false }
        if let penalty = try penalty { try asUsageError { try scenario.setPenalty(penalty) } }
    }
}
