import ArgumentParser
import BackpropCore
import BackpropUI
import CursesBackend
import Glibc

/// The `backprop-tui` command: the interactive visualiser, or a headless trace, or one frame.
@main
struct BackpropTUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backprop-tui",
        abstract: "Watch gradient descent train a neural network, one step and every number at a time.",
        usage: """
            backprop-tui [--preset <name> | --scenario <file> | --data <file.csv>] [--hidden <sizes>] [--features <list>] [--image <WxH>] [--noise <S>] [--seed <s>] [--lr <x>] [--activation <name>] [--loss <name>] [--reduction <name>] [--optimizer <name> | --compare <names>] [--momentum <x>] [--alpha <x>] [--beta1 <x>] [--beta2 <x>] [--epsilon <x>] [--batch <N>] [--no-shuffle] [--test-ratio <R>] [--l1 <λ> | --l2 <λ>] [--bug <name>]
            backprop-tui --headless [--steps <n> | --epochs <n>] [--every <k>] [--format text|csv|json] [--until-cost <x>] [<scenario options>]
            backprop-tui --snapshot [--steps <n> | --epochs <n>] [--keys <keys>] [--size <cols>x<rows>] [--ascii] [<scenario options>]
            backprop-tui --worksheet [--answers] [--format text|md] [--seed <s> | <scenario options>]
            backprop-tui --emit python [--steps <n> | --epochs <n>] [<scenario options>] > train.py
            """,
        discussion: """
            With no options it opens the article's example (3 inputs, 2 outputs, 2 samples, \
            sigmoid, squared error, lr 0.1) in the terminal. Press ? inside for the keys.

            Keys:
            \(KeyTable.commandLineSummary)
            """,
        version: "0.1.0"
    )

    @OptionGroup(title: "Scenario")
    var scenarioOptions: ScenarioOptions

    @OptionGroup(title: "Optimizer")
    var optimizerOptions: OptimizerOptions

    @OptionGroup(title: "Training")
    var trainingOptions: TrainingOptions

    @OptionGroup(title: "Landscape")
    var landscapeOptions: LandscapeOptions

    @OptionGroup(title: "Worksheet")
    var worksheetOptions: WorksheetOptions

    @OptionGroup(title: "Script")
    var emitOptions: EmitOptions

    @OptionGroup(title: "Bug hunt")
    var bugOptions: BugOptions

    @Flag(help: "Train without a terminal and print the trace to stdout.")
    var headless = false

    @Flag(help: "Print the frame the visualiser would show, as plain text, and exit.")
    var snapshot = false

    @Option(
        name: .customLong("steps"), parsing: .unconditional,
        help: ArgumentHelp(
            "Steps to train (--headless and --emit: default 1000; --snapshot: default 0).", valueName: "n"))
    var stepsText: String?

    @Option(
        name: .customLong("epochs"), parsing: .unconditional,
        help: ArgumentHelp(
            "Instead of --steps: epochs to train, each ceil(n/N) steps for n training samples and --batch N.",
            valueName: "n"))
    var epochsText: String?

    @Option(
        name: .customLong("every"), parsing: .unconditional,
        help: ArgumentHelp(
            "With --headless: print every k-th step (step 0 and the last step are always printed).", valueName: "k"))
    var everyText: String = "1"

    @Option(
        help: ArgumentHelp(
            "With --headless: the trace format, text, csv or json (JSON Lines); with --worksheet: text or md (Markdown).",
            valueName: "format"))
    var format: OutputFormat?

    @Option(
        name: .customLong("until-cost"), parsing: .unconditional,
        help: ArgumentHelp(
            "With --headless: stop at the first step whose cost is <= x (not with --compare); exit 4 if none does within --steps.",
            valueName: "x"))
    var untilCostText: String?

    @Option(help: ArgumentHelp("With --snapshot: the terminal size to draw, COLSxROWS.", valueName: "size"))
    var size: String = "80x24"

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            """
            With --snapshot: keys to press after the steps, as if typed (r and Space start no \
            training: no time passes). A character is its own key; \
            \(KeySequence.names.map { "<\($0.name)>" }.joined(separator: " ")) name keys, in any \
            case (<lt> and <gt> are < and >). A < starts a name only when letters, digits or - \
            and then > follow it; any other < is the key <. The mouse is <Click c r>, \
            <RightClick c r>, <WheelUp c r> and <WheelDown c r> at column c and row r, counted \
            from 1.
            """,
            valueName: "keys"))
    var keys: String?

    @Flag(help: "Draw with 7-bit ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    // The numbers are read here rather than by ArgumentParser, so that a wrong one gets a line
    // in the program's words, like every other wrong flag (see NumberArgument).

    /// `--steps`, if given.
    var steps: Int? {
        get throws { try stepsText.map { try NumberArgument.whole($0, flag: "--steps", in: 0...Int.max, like: 1000) } }
    }

    /// `--epochs`, if given.
    var epochs: Int? {
        get throws { try epochsText.map { try NumberArgument.whole($0, flag: "--epochs", in: 0...Int.max, like: 10) } }
    }

    /// The steps to train on `scenario`: `--steps`, or `--epochs` of ⌈n/N⌉ steps each, or
    /// `otherwise`.
    func stepCount(on scenario: Scenario, otherwise: Int) throws -> Int {
        guard let epochs = try epochs else { return try steps ?? otherwise }
        let perEpoch = BatchPosition.batchesPerEpoch(batchSize: scenario.batchSize, training: scenario.trainingCount)
        let (total, overflow) = epochs.multipliedReportingOverflow(by: perEpoch)
        guard !overflow else {
            throw ValidationError(
                "--epochs \(TerminalSafe.argument(epochsText ?? "")) is too many: \(perEpoch) steps each would pass \(Int.max) steps"
            )
        }
        return total
    }

    /// `--every`.
    var every: Int {
        get throws { try NumberArgument.whole(everyText, flag: "--every", in: 1...Int.max, like: 10) }
    }

    /// `--until-cost`, if given: any decimal number (one below every cost runs all the steps).
    var untilCost: Double? {
        get throws {
            try untilCostText.map {
                try NumberArgument.decimal($0, flag: "--until-cost", rule: "it must be a decimal number, like 0.01")
            }
        }
    }

    mutating func validate() throws {
        try worksheetOptions.validate(
            others: [
                ("--headless", headless), ("--snapshot", snapshot), ("--steps", stepsText != nil),
                ("--epochs", epochsText != nil), ("--ascii", ascii),
                ("--compare", optimizerOptions.compare != nil), ("--emit", emitOptions.isRequested),
                ("--bug", bugOptions.bugText != nil),
            ], format: format)
        if headless && snapshot { throw ValidationError("give either --headless or --snapshot, not both") }
        if headless && format == .md {
            throw ValidationError("--format md is for --worksheet; a trace is text, csv or json")
        }
        let (steps, epochs, every, untilCost) = (try steps, try epochs, try every, try untilCost)
        if steps != nil && epochs != nil {
            throw ValidationError("give either --steps or --epochs, not both; an epoch is ceil(n/N) steps")
        }
        try emitOptions.refuseConflicts(
            headless: headless, snapshot: snapshot, traceOptions: traceOptionsGiven,
            compares: try optimizerOptions.comparedNames() != nil)
        if emitOptions.isRequested && bugOptions.bugText != nil {
            throw ValidationError("--emit python writes the right backprop, to take home; leave out --bug")
        }
        if !headless && !emitOptions.isRequested {
            if steps != nil && !snapshot {
                throw ValidationError("--steps needs --headless, --snapshot or --emit python")
            }
            if epochs != nil && !snapshot {
                throw ValidationError("--epochs needs --headless, --snapshot or --emit python")
            }
        }
        if !headless {
            if every != 1 { throw ValidationError("--every needs --headless") }
            if format != nil && !worksheetOptions.worksheet {
                throw ValidationError("--format needs --headless or --worksheet")
            }
            if untilCost != nil { throw ValidationError("--until-cost needs --headless") }
        }
        if landscapeOptions.gridText != nil && !landscapeOptions.isRequested {
            throw ValidationError("--grid needs --landscape (the grid of the landscape it prints)")
        }
        _ = try landscapeOptions.grid
        if landscapeOptions.isRequested {
            if !headless {
                throw ValidationError(
                    "--landscape needs --headless; in the visualiser S opens the Landscape pane and E exports its grid")
            }
            if format != nil || every != 1 || untilCost != nil {
                throw ValidationError(
                    "--landscape prints the grid after the steps, not a trace; leave out --format, --every and --until-cost"
                )
            }
            if try optimizerOptions.comparedNames() != nil {
                throw ValidationError("--landscape draws one run's surface; leave out --compare")
            }
        }
        if size != "80x24" && !snapshot {
            throw ValidationError("--size needs --snapshot (the terminal decides otherwise)")
        }
        if keys != nil && !snapshot {
            throw ValidationError("--keys needs --snapshot (the visualiser reads the keyboard)")
        }
        _ = try keySequence()
        if try bugOptions.bugText != nil && optimizerOptions.comparedNames() != nil {
            throw ValidationError("--bug plants a wrong backprop in one run; leave out --compare")
        }
        if try optimizerOptions.comparedNames() != nil && headless {
            if let format, format != .csv {
                throw ValidationError(
                    "--compare prints CSV (one cost column per optimizer); leave out --format \(format.rawValue)")
            }
            if untilCost != nil {
                throw ValidationError("--until-cost stops a single run; --compare runs every optimizer for --steps")
            }
        }
    }

    mutating func run() throws {
        if worksheetOptions.worksheet {
            var output = OutputBuffer()
            output.write(
                try worksheetOptions.sheet(
                    scenario: scenarioOptions, training: trainingOptions, optimizer: optimizerOptions, format: format))
            output.flush()
            if let failure = output.failure { try Self.end(.output(failure), writing: "worksheet") }
            return
        }
        var (scenario, name) = try scenarioOptions.makeScenario(training: trainingOptions)
        try optimizerOptions.apply(to: &scenario)
        let trainer = Trainer(scenario: scenario, bug: try bugOptions.bug(in: scenario))
        let race = try optimizerOptions.comparedNames()
        if emitOptions.isRequested {
            try emitScript(for: scenario, steps: stepCount(on: scenario, otherwise: 1000))
            return
        }
        if headless && landscapeOptions.isRequested {
            try runHeadlessLandscape(trainer: trainer, steps: stepCount(on: scenario, otherwise: 1000))
            return
        }
        if headless {
            if let race {
                try runHeadlessRace(trainer: trainer, names: race, steps: stepCount(on: scenario, otherwise: 1000))
            } else {
                try runHeadless(trainer: trainer, name: name, steps: stepCount(on: scenario, otherwise: 1000))
            }
            return
        }
        // The name is a path typed by the user; `--snapshot` prints it as plain text. A preset
        // changed by flags says so, so that `d` later shows it apart from the preset itself.
        let changes = [scenarioOptions.changes, optimizerOptions.changes, trainingOptions.changes].filter {
            !$0.isEmpty
        }.joined(separator: " ")
        let changed = Preset(rawValue: name).map { $0.scenario != trainer.scenario } ?? false
        let shownName = changed && !changes.isEmpty ? "\(name) \(changes)" : name
        var state = AppState(
            trainer: trainer, scenarioName: TerminalSafe.escaped(shownName), options: RenderOptions(ascii: ascii))
        if let chosen = scenarioOptions.hiddenDefaultsChosen(in: scenario) {
            // What the flags left to --hidden's defaults, on the line a first glance reads (the
            // title has the activations, the status bar the lr, but not why they are so).
            state.message = StatusMessage(wordings: ["with --hidden: \(chosen) (flags change them)", chosen])
        }
        if let race {
            // The visualiser opens on the race at step 0, the first name on screen (the trainer's
            // optimizer already); `R` later races the same names again.
            state.raceNames = race
            state.apply(.race(.toggle))
        }
        if snapshot {
            let frameSize = try TerminalSize.parse(size)
            // The same rule as the visualiser's, so both show the same frame.
            if !CursesTerminal.localeIsUTF8 { state.options.ascii = true }
            // Plain text has no colours: the input plane is drawn with the ramp's characters.
            state.options.color = false
            // The last step is taken alone so its ▲/▼ marks show, as after pressing `s`.
            let count = try stepCount(on: scenario, otherwise: 0)
            if count > 0 {
                state.apply(.training(.advance(steps: count - 1)))
                state.apply(.training(.step))
            }
            // As the main loop starts: told the size, then the keys, as typed.
            state.apply(.terminal(.resize(frameSize)))
            // A quit signal while the keys are pressed stops an export being written, which
            // removes it, and ends the program with 128 + n, as the visualiser does.
            let keys = try keySequence()
            QuitSignals.watch()
            keys.press(on: &state, effects: EffectPerformer(shouldStop: { QuitSignals.pending != nil }))
            if let signal = QuitSignals.stopWatching() { throw ExitCode(128 + signal) }
            var output = OutputBuffer()
            output.write(Frame.render(state, size: frameSize).text)
            output.flush()
            if let failure = output.failure { try Self.end(.output(failure), writing: "frame") }
        } else {
            let status = InteractiveSession.run(state: state)
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// The `--headless` and `--snapshot` flags given, as typed, which `--emit` refuses.
    private var traceOptionsGiven: [String] {
        let given: [(Bool, String)] = [
            (everyText != "1", "--every"), (format != nil, "--format"), (untilCostText != nil, "--until-cost"),
            (landscapeOptions.isRequested, "--landscape"), (landscapeOptions.gridText != nil, "--grid"),
            (keys != nil, "--keys"), (size != "80x24", "--size"), (ascii, "--ascii"),
        ]
        return given.filter(\.0).map(\.1)
    }

    /// Prints the Python script of `--emit python` for `scenario`, training `steps` steps.
    private func emitScript(for scenario: Scenario, steps: Int) throws {
        var output = OutputBuffer()
        // `write` ends the text with its own line feed.
        output.write(String(PythonScript(scenario: scenario, steps: steps, origin: EmitOptions.origin).text.dropLast()))
        output.flush()
        if let failure = output.failure { try Self.end(.output(failure), writing: "script") }
    }

    /// `--keys` read as a `KeySequence` (empty without it); a name no key has is a usage error.
    private func keySequence() throws -> KeySequence {
        guard let keys else { return KeySequence([]) }
        do {
            return try KeySequence(parsing: keys)
        } catch {
            throw ValidationError("--keys: \(error)")
        }
    }

    private func runHeadless(trainer: Trainer, name: String, steps: Int) throws {
        var run = HeadlessRun(
            trainer: trainer, name: name, steps: steps, every: try every,
            format: format?.trace ?? .text,
            untilCost: try untilCost)
        var output = OutputBuffer()
        QuitSignals.watch()
        let ending = run.run(into: &output)
        if case .interrupted(let interruption) = ending { try Self.end(interruption, writing: "trace") }
        if case .diverged(let step) = ending, let divergence = run.trainer.divergence {
            try Self.endDiverged(at: step, divergence, under: run.trainer.optimizer)
        }
        // Every step run and none reached the target: a script waiting for the cost must not
        // take this for success, and a person must not read the last line as the target met.
        if ending == .completed, let target = untilCostText {
            let steps = run.steps
            Self.complain(
                "cost \(DecimalNumber.text(run.trainer.cost)) did not reach \(target) within \(thousandsSeparated(steps)) step\(steps == 1 ? "" : "s"); raise --steps or --lr"
            )
            throw ExitCode(Self.targetNotReachedStatus)
        }
    }

    private func runHeadlessLandscape(trainer: Trainer, steps: Int) throws {
        let (x, y) = try landscapeOptions.parameters(in: trainer.network)
        let grid = try landscapeOptions.grid
        var run = HeadlessLandscape(trainer: trainer, x: x, y: y, steps: steps, columns: grid.columns, rows: grid.rows)
        var output = OutputBuffer()
        QuitSignals.watch()
        let ending = run.run(into: &output)
        if case .interrupted(let interruption) = ending { try Self.end(interruption, writing: "landscape") }
        if case .diverged(let step) = ending, let divergence = run.trainer.divergence {
            try Self.endDiverged(at: step, divergence, under: run.trainer.optimizer, so: "there is no surface to print")
        }
    }

    /// Ends a headless run that diverged at `step` with one line saying how and what to try, and
    /// status 3; `so` says what the divergence cost the run, when more than the steps after it.
    private static func endDiverged(
        at step: Int, _ divergence: Divergence, under optimizer: Optimizer, so: String? = nil
    )
        throws -> Never
    {
        complain(
            step == 0
                ? "the cost is already \(divergence.valueText) at step 0: the numbers are too large to train on; make x or w smaller"
                : "training diverged at step \(step) (\(divergence))\(so.map { ", so \($0)" } ?? ""); \(divergence.advice(under: optimizer))"
        )
        throw ExitCode(3)
    }

    /// The exit status of a headless run whose `--until-cost` no step reached within `--steps`.
    static let targetNotReachedStatus: Int32 = 4

    private func runHeadlessRace(trainer: Trainer, names: [OptimizerName], steps: Int) throws {
        var race = HeadlessRace(trainer: trainer, names: names, steps: steps, every: try every)
        var output = OutputBuffer()
        QuitSignals.watch()
        if let interruption = race.run(into: &output) { try Self.end(interruption, writing: "trace") }
        let diverged = race.diverged
        for runner in diverged {
            guard let divergence = runner.divergence else { continue }
            let (name, step) = (runner.optimizer.name.rawValue, runner.stepCount)
            Self.complain(
                step == 0
                    ? "\(name): the cost is already \(divergence.valueText) at step 0: the numbers are too large to train on; make x or w smaller"
                    : "\(name) diverged at step \(step) (\(divergence)); its column ends there; \(divergence.advice(under: runner.optimizer))"
            )
        }
        if !diverged.isEmpty { throw ExitCode(3) }
    }

    /// Ends a headless run or a snapshot that a signal or its output stopped, with the exit
    /// status `HeadlessInterruption` gives and, for a write error, one line naming `what` could
    /// not be written ("cannot write the trace: no space left on device").
    private static func end(_ interruption: HeadlessInterruption, writing what: String) throws -> Never {
        if let message = interruption.message(writing: what) { complain(message) }
        throw ExitCode(interruption.exitStatus)
    }

    /// One line on stderr, prefixed with the program's name. The last line of defence for the
    /// terminal: whatever control character still reaches here (from a file, a flag's value
    /// quoted by swift-argument-parser, TERM) is escaped by `TerminalSafe`, which leaves the
    /// escapes already made and every backslash as they are.
    static func complain(_ message: String) {
        var line = "backprop-tui: \(TerminalSafe.escaped(message))\n"
        line.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }

    /// Why the command line cannot be read as typed, if it cannot: Swift's `CommandLine.arguments`
    /// turns bytes that are not UTF-8 into U+FFFD, so a file name holding one would be looked up
    /// under another name (and a message could only show U+FFFD). Such an argument is refused
    /// here, quoted from its bytes.
    static func argumentNotUTF8() -> String? {
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: strlen(argument))
            if String(validating: bytes, as: UTF8.self) == nil {
                return
                    "argument \(index), \(TerminalSafe.quoted(bytes)), is not UTF-8 text; name files and values in UTF-8"
            }
        }
        return nil
    }

    /// Parses, runs, and turns every failure into one line on stderr and a non-zero exit: a bad
    /// flag or file must never print a usage dump, a stack trace or half a trace.
    static func main() {
        // A closed pipe (`| head`) must end the program quietly, not with SIGPIPE's message: the
        // write that finds it fails with EPIPE, and the output ends the run (`OutputBuffer`).
        signal(SIGPIPE, SIG_IGN)
        StandardDescriptors.holdClosedOnes()
        // The user's character set decides between Unicode and ASCII drawing; numbers stay in
        // the C locale (LC_NUMERIC is left alone), so traces never get a decimal comma.
        setlocale(LC_CTYPE, "")
        if let problem = argumentNotUTF8() {
            complain("\(problem) (see 'backprop-tui --help')")
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ScenarioError {
            complain(error.description)
            Glibc.exit(65)
        } catch let error as ExitCode {
            Glibc.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help and --version print as ArgumentParser does
            }
            let message = ParserMessage.shortened(
                fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments")
            complain("\(message.replacingOccurrences(of: "Error: ", with: "")) (see 'backprop-tui --help')")
            Glibc.exit(code.rawValue)
        }
    }
}
