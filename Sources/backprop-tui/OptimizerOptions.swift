import ArgumentParser
import BackpropCore
import BackpropUI

/// The update rule: `--optimizer` and its hyperparameters, or `--compare` for a race of several.
struct OptimizerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The update rule (default: the scenario's, else sgd, the article's). A hyperparameter flag below that no rule of the run reads is refused.",
            valueName: "name"))
    var optimizer: OptimizerName?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Race these optimizers from the same start, in lockstep: 2 to 5 names separated by commas, like sgd,momentum,adam (the visualiser draws every cost curve, R ends the race; --headless prints one cost column each).",
            valueName: "names"))
    var compare: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("μ of momentum and nesterov (default 0.9).", valueName: "x"))
    var momentum: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("α of rmsprop (default 0.99).", valueName: "x"))
    var alpha: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("β1 of adam (default 0.9).", valueName: "x"))
    var beta1: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("β2 of adam (default 0.999).", valueName: "x"))
    var beta2: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("ε of rmsprop and adam (default 1e-8).", valueName: "x"))
    var epsilon: String?

    /// The hyperparameter flags given, as typed, in the order of `Hyperparameter.allCases`.
    private var givenHyperparameters: [(Hyperparameter, String)] {
        let typed: [Hyperparameter: String?] = [
            .momentum: momentum, .alpha: alpha, .beta1: beta1, .beta2: beta2, .epsilon: epsilon,
        ]
        return Hyperparameter.allCases.compactMap { parameter in typed[parameter]!.map { (parameter, $0) } }
    }

    /// The flags as typed, for the title line (see `ScenarioOptions.changes`).
    var changes: String {
        var parts = optimizer.map { ["--optimizer \($0.rawValue)"] } ?? []
        parts += givenHyperparameters.map { "--\($0.0.rawValue) \($0.1)" }
        return parts.joined(separator: " ")
    }

    /// `--compare`'s names, in order, or nil without it; a usage error for a list that is not
    /// 2 to 5 different names.
    func comparedNames() throws -> [OptimizerName]? {
        guard let compare else { return nil }
        let allowed = OptimizerName.allCases.map(\.rawValue).joined(separator: ", ")
        let parts = compare.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        var names: [OptimizerName] = []
        for part in parts {
            guard let name = OptimizerName(rawValue: part) else {
                throw ValidationError(
                    "--compare: \(TerminalSafe.argument(part)) is not an optimizer; use names from \(allowed), separated by commas"
                )
            }
            guard !names.contains(name) else {
                throw ValidationError("--compare names \(name.rawValue) twice; give each optimizer once")
            }
            names.append(name)
        }
        guard (2...OptimizerOptions.raceLimit).contains(names.count) else {
            throw ValidationError(
                "--compare needs 2 to \(OptimizerOptions.raceLimit) optimizers separated by commas, like sgd,momentum,adam; got \(names.count)"
            )
        }
        return names
    }

    /// The most runners a race has: more curves than this on one cost pane cannot be told apart
    /// (the visualiser's markers run out).
    static let raceLimit = RaceRunner.limit

    /// Applies the flags to `scenario`'s optimizer: `--optimizer` (or the first name of
    /// `--compare`) and the hyperparameters given. Its state carries on only while the rule stays
    /// the same. Refuses a hyperparameter none of the run's rules reads, which is a mistake.
    func apply(to scenario: inout Scenario) throws {
        if optimizer != nil && compare != nil {
            throw ValidationError(
                "give either --optimizer or --compare: --compare names every optimizer of the race, the first one shown in full"
            )
        }
        let compared = try comparedNames()
        var chosen = scenario.optimizer
        if let name = optimizer ?? compared?.first { chosen = chosen.named(name) }
        let rules = compared ?? [chosen.name]
        for (parameter, text) in givenHyperparameters {
            let flag = "--\(parameter.rawValue)"
            let value = try NumberArgument.decimal(text, flag: flag, rule: parameter.rule)
            guard parameter.allows(value) else {
                throw ValidationError("\(flag) \(TerminalSafe.argument(text)) is not valid; \(parameter.rule)")
            }
            let readers = OptimizerName.allCases.filter { $0.hyperparameters.contains(parameter) }
            guard rules.contains(where: readers.contains) else {
                let names = rules.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(
                    "\(flag) is for \(readers.map(\.rawValue).joined(separator: " and ")); this run uses \(names) (choose one with --optimizer)"
                )
            }
            try asUsageError { try chosen.set(parameter, to: value) }
        }
        guard chosen != scenario.optimizer else { return }
        let keepsState = chosen.name == scenario.optimizer.name
        try asUsageError { try scenario.setOptimizer(chosen, state: keepsState ? scenario.optimizerState : nil) }
    }
}
