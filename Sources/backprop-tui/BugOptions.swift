import ArgumentParser
import BackpropCore

/// `--bug NAME`: train with a deliberately wrong backprop, for a bug hunt with the gradient check.
struct BugOptions: ParsableArguments {
    @Option(
        name: .customLong("bug"),
        help: ArgumentHelp(
            "Train with a deliberately wrong backprop for a bug hunt: \(PlantedBug.flagNames.joined(separator: ", ")) (random picks one from --seed that shows in the scenario). The screen does not say which; c finds the layers, t asks the class.",
            valueName: "name"))
    var bugText: String?

    /// The bug `--bug` names for `scenario` (random: one drawn with the scenario's seed among
    /// those that can show there), or nil without the flag. A usage error for an unknown name,
    /// or a bug that cannot show in this scenario (saying what to add).
    func bug(in scenario: Scenario) throws -> PlantedBug? {
        guard let bugText else { return nil }
        let name = bugText.trimmingCharacters(in: .whitespaces).lowercased()
        if name == "random" { return PlantedBug.random(seed: scenario.seed, in: scenario) }
        guard let bug = PlantedBug(rawValue: name) else {
            throw ValidationError(
                "--bug: \(TerminalSafe.argument(bugText)) is not a bug; use one of \(PlantedBug.flagNames.joined(separator: ", "))"
            )
        }
        if let why = bug.whyHidden(in: scenario) { throw ValidationError(why) }
        return bug
    }
}
