import BackpropCore

/// Every key of the command mode, once: the help overlay, the bottom line's hint, `--help` and
/// the README's key table are all made from (or checked against) this list, and `KeyMap` asks it
/// for the action. The order is the overlay's, one line a binding.
public enum KeyTable {
    /// The bindings, in the order the overlay and the README list them.
    public static let bindings: [KeyBinding] = [
        KeyBinding(
            [.character("s"): .training(.step)], names: "s", group: .stepping, help: "one step",
            hints: [KeyHint("s step", in: Set(HintTier.allCases))], readme: "one step"),
        KeyBinding(
            [.character("n"): .walk(.next)], names: "n", group: .stepping, help: "walk a step phase by phase",
            hints: [KeyHint("n phases", in: Set(HintTier.allCases))],
            readme:
                "walk through one step in 2L + 2 phases: forward through layers 1..L (a, h), cost, backward through layers L..1 (δ, gradients, the error sent back), update"
        ),
        KeyBinding(
            [.character("M"): .view(.toggleMatrixForm)], names: "M", group: .stepping,
            help: "walk: matrix / numbers",
            readme:
                "the walk (`n`) and the inspector's layer lines in matrix form, or number by number again: one line a formula with the matrices' shapes, `a¹ = x W¹ + b¹   [4×3] = [4×2][2×3] + [1×3]`, the same line in numpy (`a1 = x @ W1 + b1`, `dW2 = h1.T @ d2`), and the matrices' numbers beneath where they fit (a matrix too big shows its top-left corner and `…`); where rows are left, the phases already walked stay above, a line each. In the inspector: δ of the selected parameter's layer and the product that makes its ∂C/∂W (or the sum for ∂C/∂b), then the Δ line. It stays as chosen through steps, walks and `b`"
        ),
        KeyBinding(
            [.character("b"): .history(.stepBack)], names: "b", group: .stepping, help: "undo a step or any change",
            hints: [KeyHint("b back", in: Set(HintTier.allCases))],
            readme:
                "step back exactly, bit for bit (the optimizer's buf, m and v too); also undoes lr changes, edits, `o`, `x` and `d` (how far back: below the table); during a walk (`n`) it goes back one phase (from the update phase it undoes the walk's step; at the first phase it ends the walk)"
        ),
        KeyBinding(
            [
                .character("r"): .training(.run), .character("p"): .training(.pause),
                .character(" "): .training(.toggleRun),
            ],
            names: "r p Space", group: .stepping, help: "run / pause / run or pause",
            hints: [KeyHint("r run", in: Set(HintTier.allCases)), KeyHint("p pause")],
            readme: "run / pause / run-or-pause"),
        KeyBinding(
            [.character("x"): .history(.reset)], names: "x", group: .stepping, help: "reset to step 0",
            hints: [KeyHint("x reset", in: [.full, .wide])],
            readme:
                "reset to the initial state (step 0, the scenario's W, b and lr; the optimizer chosen with `o`, the batch size chosen with `B` and the penalty chosen with `L` stay, the optimizer's state afresh); `b` goes back to the run it left. After a divergence an lr you lowered below the scenario's stays (`-` then `x`: `reset to step 0, lr stays 0.02`), so the run that follows does not simply diverge again"
        ),
        KeyBinding(
            [
                .character("+"): .training(.learningRateUp), .character("="): .training(.learningRateUp),
                .character("-"): .training(.learningRateDown), .character("l"): .entry(.beginLearningRate),
            ],
            names: "+ - l", group: .learningRateAndOptimizer, help: "lr up / down; l types it",
            hints: [KeyHint("+/- lr", in: [.full, .wide]), KeyHint("l set lr")], readmeKeys: "`+` (or `=`) / `-` / `l`",
            readme:
                "learning rate up / down the 1-2-5 ladder: 0.000001 0.000002 … 0.01 0.02 0.05 0.1 0.2 0.5 1 2 5 10 … 1000; at either end the status line says so. `l` types an exact learning rate, any beyond the ladder too (see *Typing a value* below); Enter applies, Esc cancels"
        ),
        KeyBinding(
            [.character("o"): .training(.cycleOptimizer)], names: "o", group: .learningRateAndOptimizer,
            help: "next optimizer, afresh", hints: [KeyHint("o optimizer")],
            readme:
                "next optimizer: sgd → momentum → nesterov → rmsprop → adam → sgd, with the same hyperparameters and its state afresh (as a new `torch.optim` optimizer's); the status bar always names it, the title when it is not sgd; the inspector and the walk show its state (see *Optimizers*)"
        ),
        KeyBinding(
            [.character("B"): .training(.cycleBatchSize)], names: "B", group: .learningRateAndOptimizer,
            help: "batch size 1 2 4 … all", hints: [KeyHint("B batch")],
            readme:
                "batch size for the next steps: 1 → 2 → 4 → 8 → … → every training sample (the article's full batch) → 1; the status bar says `epoch E · batch k/K`, the predictions and the plane mark the next step's samples, the cost curve draws each batch's cost lighter beside C; `b` undoes it"
        ),
        KeyBinding(
            [
                .character("L"): .training(.cyclePenalty), .character("}"): .training(.penaltyStrengthUp),
                .character("{"): .training(.penaltyStrengthDown),
            ],
            names: "L { }", group: .learningRateAndOptimizer, help: "penalty; lambda down / up",
            hints: [KeyHint("L penalty")], readmeKeys: "`L` / `{` / `}`",
            readme:
                "penalty none → L1 → L2 → none, then λ down / up the ladder 0.0001 0.0003 0.001 … 0.3 1 (0.01 to begin with); the status bar writes it beside C (`C 0.1234 + L2 0.0042`); `b` undoes each change"
        ),
        KeyBinding(
            [.character("R"): .race(.toggle)], names: "R", group: .learningRateAndOptimizer,
            help: "race optimizers / end it", hints: [KeyHint("R race")],
            readme:
                "race optimizers from the current state, in lockstep: the cost pane draws each runner's curve, the status bar lists each one's cost; `R` again ends the race (see *The race* below the table)"
        ),
        KeyBinding(
            [.character("t"): .quiz(.ask)], names: "t", group: .stepping, help: "quiz: guess the next step",
            hints: [KeyHint("t quiz")],
            readme:
                "quiz: ask the class about the next step before the screen shows it: which way the selected parameter's ∂C/∂θ points (or its value); Tab for *will C fall?*, a sample's new ŷ, or the error sent back to a hidden neuron. Type `+`, `-` (`y`, `n`) or a number, Enter reveals and takes the step, Esc leaves (see *Ask the room first*). In a bug hunt (`--bug`) it asks *which bug?* first"
        ),
        KeyBinding(
            [.character("]"): .training(.speedUp), .character("["): .training(.speedDown)], names: "] [",
            group: .stepping, help: "run speed up / down", hints: [KeyHint("]/[ speed")],
            readme: "run speed up / down: 1 2 5 10 20 50 100 … steps per second, up to `max`"),
        KeyBinding(
            [.character("g"): .view(.toggleCostScale)], names: "g", group: .panes, help: "cost axis linear / log",
            readme: "cost axis linear / log"),
        KeyBinding(
            keys: [.up, .down, .left, .right, .tab, .backTab], names: "arrows Tab", group: .selection,
            help: "select a weight or bias",
            hints: [KeyHint("arrows/Tab select"), KeyHint("arrows select", in: [.wide, .medium])],
            readmeKeys: "arrows, Tab, Shift-Tab",
            readme:
                "select a weight ωˡ_ij or a bias bˡ_j; the inspector explains its gradient. Arrows move in a layer's pane (b is the row under W) and on to the layer beside; Tab walks every parameter in order (layer 1's W row by row, b¹, layer 2's W, …). While the Confusion pane (`K`) is open the arrows move its cell instead"
        ) { key, state in
            switch key {
            case .tab: .selection(.cycle(backwards: false))
            case .backTab: .selection(.cycle(backwards: true))
            // The Confusion pane stands in the inspector's place: its cell is what they choose.
            default: state.isConfusionShown ? .classes(.moveCell(key)) : .selection(.move(key))
            }
        },
        KeyBinding(
            [.pageUp: .selection(.jumpLayer(backwards: true)), .pageDown: .selection(.jumpLayer(backwards: false))],
            names: "PgUp PgDn", group: .selection, help: "the layer before / after", readmeKeys: "Page Up / Page Down",
            readme: "the same place in the layer before / after"),
        KeyBinding(
            [
                .character("<"): .selection(.chooseSample(backwards: true)),
                .character(">"): .selection(.chooseSample(backwards: false)),
            ],
            names: "< >", group: .selection, help: "the sample before / after",
            readme:
                "the sample before / after: the network pane draws it, the inspector always shows its line (in bold) and the input plane marks it; with mini-batches or a test split they go through the next step's samples, then the test samples (which the predictions pane shows under its `test samples` heading). With the Confusion pane open they walk its cell's samples; with `X`, only the wrong ones"
        ),
        KeyBinding(
            [.enter: .entry(.beginParameter)], names: "Enter", group: .selection, help: "type a new value for it",
            hints: [KeyHint("Enter edit", in: [.full, .wide, .medium, .narrow])],
            readme: "type a new value for the selected weight or bias (`b` undoes it; see *Typing a value*)"),
        KeyBinding(
            [.character("c"): .view(.toggleGradientCheck)], names: "c", group: .panes, help: "finite-difference check",
            hints: [KeyHint("c check", in: [.full, .wide, .medium, .narrow])],
            readme:
                "gradient check: backprop's ∂C/∂θ beside a central finite-difference estimate and their relative error, for every parameter of every layer (the pane scrolls to the selection); a row where they disagree (relative error above 1e-4) is marked ✗ and the bottom edge names its layer"
        ),
        KeyBinding(
            [.character("v"): .view(.toggleLearningRatePreview)], names: "v", group: .panes,
            help: "lr preview: C after a step", hints: [KeyHint("v lr preview", in: [.full, .wide, .medium, .narrow])],
            readme:
                "learning-rate preview: the cost after one step for each lr from 0.01 to 10, marking those that raise it"
        ),
        KeyBinding(
            [.character("F"): .view(.toggleGradientFlow)], names: "F", group: .panes, help: "gradient flow per layer",
            hints: [KeyHint("F flow")],
            readme:
                "gradient flow: ‖∂C/∂Wˡ‖ of every layer over the steps on a log axis (a curve per layer, marked by its number), and per layer the neurons that stopped learning: saturated (sigmoid, tanh: g'(a) within ±0.01 on 90% of the training samples) or dead (relu: a ≤ 0 on all of them)"
        ),
        // One line for both class views, so the help still fits 80x20.
        KeyBinding(
            [.character("K"): .classes(.toggleConfusion), .character("X"): .classes(.toggleWrongOnly)],
            names: "K X", group: .panes, help: "confusion; X wrong only",
            hints: [KeyHint("K confusion"), KeyHint("X wrong only")], readmeKeys: "`K`, `X`",
            readme:
                "`K`: the Confusion pane (targets that are classes: one-hot, or one output of 0 and 1): how many test samples of each true class y (a row) ŷ reads as each class (a column), over the training samples without a split; the diagonal, the right ones, in brackets, the accuracy in the title. It opens on the most frequent mistake and stands in the inspector's place: the arrows move its cell, `<` `>` walk the cell's samples (the predictions pane lists only them, the other panes follow), `K` or Esc closes it. `X`: the predictions pane lists only the samples ŷ gets wrong (the title says how many of each set) and `<` `>` walk only those; `X` again lists every sample"
        ),
        // `m` carries what the screen shows of the plane, so that `update` never reads the layout.
        KeyBinding(
            keys: [.character("m")], names: "m", group: .panes, help: "input plane or images",
            hints: [KeyHint("m plane")],
            readme:
                "input plane (data with 2 inputs) or, for data that is pictures, the images (the Sample pane and the Layer 1 neurons): hide them, or show them where they do not show by themselves (the plane from 104 columns; the images in a column from 120 columns, else in the inspector's place); the status line says why when the data or the terminal cannot show them"
        ) { _, state in .view(.togglePlane(KeyMap.planeRoom(in: state))) },
        KeyBinding(
            [.character("D"): .drawing(.toggle)], names: "D", group: .panes, help: "draw a digit, add it",
            hints: [KeyHint("D draw")],
            readme:
                "draw a picture for the network to classify (data that is pictures of one-hot classes: the digits preset, `--image WxH`): arrows move the cursor, Space paints a pixel full or erases it, `.` paints it light (0.5), Backspace clears, a click paints where it lands and a right click erases; the network's ŷ for the drawing shows beside it as it changes, and as the network trains. Enter asks for its class and adds it as a training sample (`b` takes it out, `w` saves it); Esc or `D` leaves (see *Drawing a digit*)"
        ),
        KeyBinding(
            [.character("S"): .landscape(.toggle)], names: "S", group: .panes, help: "landscape: C over 2 params",
            hints: [KeyHint("S landscape")],
            readme:
                "loss landscape: C over the selected parameter (across) and a partner (up), every other parameter at its current value (a slice through the current state), shaded low to high, with the path of descent of the last 128 states, the current point and where the next step goes"
        ),
        KeyBinding(
            [
                .character("P"): .landscape(.cyclePartner), .character("z"): .landscape(.zoomIn),
                .character("Z"): .landscape(.zoomOut),
            ], names: "P z Z", group: .panes, help: "landscape partner; zoom",
            readmeKeys: "`P`, `z` / `Z`",
            readme:
                "the landscape's partner (its y axis: the next parameter in Tab order, skipping the selection); zoom it in / out one rung of the 1-2-5 ladder from the window that fits the path (the status line says the spans; a new pair starts unzoomed); each opens the landscape when it is closed"
        ),
        KeyBinding(
            [.character("E"): .landscape(.export)], names: "E", group: .scenariosAndFiles,
            help: "export the landscape CSV",
            readme:
                "export the landscape as `backprop-landscape-<date>-<time>.csv`: the cost on a 41x31 grid over the window the landscape shows (open or not), the columns named as in the trace (`w1_1,w1_2,cost`); unzoomed, the same as `--headless --landscape` after as many steps"
        ),
        KeyBinding(
            [.character("d"): .history(.nextScenario)], names: "d", group: .scenariosAndFiles,
            help: "next preset (and your own)", hints: [KeyHint("d preset")],
            readme:
                // The presets named from the list `d` goes through, so a new preset is never missing here.
                "next scenario: the one the program was started with (`--scenario`, `--data`, or a preset changed by flags; flags kept), then the presets \(Preset.allCases.map(\.rawValue).joined(separator: ", ")), and round again (started with a preset as it is, just the presets); `b` goes back to the run it left"
        ),
        KeyBinding(
            [.character("e"): .file(.exportTrace)], names: "e", group: .scenariosAndFiles,
            help: "export the trace as CSV", hints: [KeyHint("e export")],
            readme:
                "export the states `b` can reach in this run as `backprop-trace-<date>-<time>.csv`: the columns of `--headless --format csv`, then `lr`, `optimizer`, `optimizer_step` and `event` (below the table). During a race it writes the run on screen (the first name), and the message says which runner it is; `--headless --compare` gives every runner's costs"
        ),
        KeyBinding(
            [.character("w"): .file(.saveScenario)], names: "w", group: .scenariosAndFiles,
            help: "save the state as JSON", hints: [KeyHint("w save")],
            readme:
                "save the current state as `backprop-scenario-<date>-<time>.json`, which `--scenario` loads back exactly: the data, W, b, lr, choices, and the optimizer with what it remembers (t, buf or m and v), so the loaded run takes the very steps this one would (a scenario has no step count, so the step counter starts again at 0)"
        ),
        // Esc closes what is on top: the help (over a walk or a quiz), else the quiz's answer,
        // else the export the hint line shows running, else the walk; with nothing open it does
        // nothing.
        KeyBinding(
            keys: [.character("?"), .escape], names: "? Esc", group: .helpAndQuit, help: "help; Esc ends walk, quiz",
            hints: [KeyHint("? help", in: Set(HintTier.allCases))],
            readme:
                "help; Esc closes it, leaves a quiz question unanswered or closes its answer, cancels an export being written, ends a walk, closes the Confusion pane"
        ) { key, state in
            guard key == .escape else { return .view(.toggleHelp) }
            if state.isHelpShown { return .view(.closeHelp) }
            if state.quiz != nil { return .quiz(.end) }
            if state.task != nil { return .task(.cancel) }
            if state.walkPhase != nil { return .walk(.end) }
            return state.isConfusionShown ? .classes(.closeConfusion) : nil
        },
        // Ctrl-C is a signal, not a key: the backend turns it into the same quit.
        KeyBinding(
            [.character("q"): .terminal(.quit)], names: "q", group: .helpAndQuit, help: "quit (Ctrl-C too)",
            hints: [KeyHint("q quit", in: [.full, .wide, .narrowest])], readmeKeys: "`q`, Ctrl-C", readme: "quit"),
    ]

    /// Each key's binding. A key listed twice would keep its first binding; a test forbids it.
    private static let bindingsByKey: [Key: KeyBinding] = Dictionary(
        bindings.flatMap { binding in binding.keys.map { ($0, binding) } }, uniquingKeysWith: { first, _ in first })

    /// The binding `key` belongs to, or `nil` for a key the command mode does not use.
    public static func binding(for key: Key) -> KeyBinding? {
        bindingsByKey[key]
    }

    /// The bottom line's key hint at `tier`: the entries of every binding in that tier, in the
    /// table's order, after a blank.
    public static func hint(_ tier: HintTier) -> String {
        " " + bindings.flatMap(\.hints).filter { $0.tiers.contains(tier) }.map(\.text).joined(separator: "  ")
    }

    /// The keys for `--help`: each group's heading, then its bindings' names and help in the
    /// overlay's words, indented under it.
    public static var commandLineSummary: String {
        KeyGroup.allCases.map { group in
            let lines = bindings.filter { $0.group == group }.map { binding in
                "    " + binding.names + String(repeating: " ", count: max(2, 12 - binding.names.count)) + binding.help
            }
            return (["  " + group.title] + lines).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
