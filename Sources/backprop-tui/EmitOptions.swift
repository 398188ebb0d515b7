import ArgumentParser
import BackpropCore

/// `--emit python`: instead of training, print a Python script (numpy only) that trains the
/// scenario as the program would and prints the costs `--headless --format csv` prints.
struct EmitOptions: ParsableArguments {
    @Option(
        name: .customLong("emit"), parsing: .unconditional,
        help: ArgumentHelp(
            "Print a self-contained Python script (numpy only) that trains the scenario as --headless would for --steps (default 1000) and prints the same costs, as CSV.",
            valueName: "python"))
    var languageText: String?

    /// Whether `--emit` was given.
    var isRequested: Bool { languageText != nil }

    /// The only language `--emit` writes.
    static let language = "python"

    func validate() throws {
        guard let languageText, languageText.lowercased() != EmitOptions.language else { return }
        throw ValidationError(
            "--emit \(TerminalSafe.argument(languageText)) is not a language it writes; give --emit python (a numpy script)"
        )
    }

    /// Refuses what `--emit` cannot go with, one flag at a time: it trains nothing itself (no
    /// `--headless`, `--snapshot` or their options), and its script is one run (no `--compare`).
    func refuseConflicts(headless: Bool, snapshot: Bool, traceOptions: [String], compares: Bool) throws {
        guard isRequested else { return }
        if headless {
            throw ValidationError(
                "give either --emit python (a script that trains) or --headless (the program trains), not both")
        }
        if snapshot { throw ValidationError("give either --emit python or --snapshot, not both") }
        if let flag = traceOptions.first {
            throw ValidationError(
                "\(flag) is for --headless or --snapshot; the script of --emit python prints every step's cost (leave out \(flag))"
            )
        }
        if compares {
            throw ValidationError(
                "--emit python writes one run; leave out --compare and choose the rule with --optimizer")
        }
    }

    /// How the script was made, for its first line: the command as typed, each argument that a
    /// shell would split or expand quoted.
    static var origin: String {
        (["backprop-tui"] + CommandLine.arguments.dropFirst().map(quoted)).joined(separator: " ")
    }

    /// `argument` as a shell reads it back: as it is when it holds only safe characters, else in
    /// single quotes.
    private static func quoted(_ argument: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=.,/:+@%")
        if !argument.isEmpty && argument.allSatisfy(safe.contains) {
            return argument
        }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
