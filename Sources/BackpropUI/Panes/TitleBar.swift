import BackpropCore

/// The top line: which program, which scenario, and what the class is looking at, with "? help"
/// at the right. The parts are ranked and the least important are left out first, whole, until
/// the line fits: the preset's or file's name (`xor (changed)` when flags changed it), the
/// network's shape and activations, the features it sees (`x1^2,x2^2`), the optimizer (unless
/// sgd), the lr, the batch size (`batch 8`), the penalty (`L2 0.01`), the test samples held out
/// (`test 10`), the flags that changed a preset and are not shown otherwise (`--seed 2`), the
/// loss, the reduction. Only the name is
/// ever shortened, and only when it alone does not fit, and then to a whole shorter name: a
/// preset's bare name, a path's last components. Widths are terminal columns: a name in Chinese
/// takes two a character.
struct TitleBar: Pane {
    /// The preset's or file's name, as the title shows it; a preset changed by flags is followed
    /// by them as typed (`xor --lr 0.3 --seed 2`).
    let scenarioName: String
    let network: Network
    let loss: Loss
    let reduction: Reduction
    /// The update rule; named only when it is not sgd, the article's.
    let optimizer: Optimizer
    /// The lr now: `+` and `-` change it, so the title follows the trainer, not the flags.
    var learningRate: Double
    /// The mini-batch size now (nil: every training sample), and the penalty now: keys change
    /// both, so they too follow the trainer.
    var batchSize: Int? = nil
    var penalty: Penalty = .none
    /// How many samples are held out for testing (0: none).
    var testCount: Int = 0
    /// The inputs the network sees, when features: the shape's first number counts them.
    var features: [Feature]? = nil
    /// Whether the trainer's backprop is wrong on purpose (`--bug`): the title says "bug hunt",
    /// never which bug.
    var isBugHunt = false

    static let help = "? help "
    /// Flags whose value another part of the title shows: the activations (in the shape), the
    /// lr, the optimizer, the loss, the reduction, the batch, the penalty, the test split and the
    /// features.
    static let shownFlags: Set<String> = [
        "--lr", "--activation", "--optimizer", "--loss", "--reduction", "--batch", "--l1", "--l2", "--test-ratio",
        "--features",
    ]

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let (program, rest) = parts(width: area.width, glyphs: context.glyphs)
        let x = canvas.put(program, x: area.x, y: area.y, style: Style(bold: true), clip: area)
        canvas.put(rest, x: x, y: area.y, clip: area)
        canvas.put(
            TitleBar.help, x: area.maxX - DisplayWidth.of(TitleBar.help), y: area.y, style: Style(dim: true), clip: area
        )
    }

    /// The name and the flags after it: "xor --lr 0.3 --seed 2" is the preset xor and two flags.
    var nameAndFlags: (name: String, flags: [String]) {
        let pieces = scenarioName.components(separatedBy: " --")
        guard pieces.count > 1, Preset(rawValue: pieces[0]) != nil else { return (scenarioName, []) }
        return (pieces[0], pieces.dropFirst().map { "--" + $0 })
    }

    /// The title's parts after the name, most important first.
    var details: [String] {
        // One layer: its activation; a network: its shape and each layer's activation.
        let activations = network.activations.map(\.rawValue).joined(separator: ",")
        let model = network.layerCount == 1 ? activations : "\(network.shapeDescription) \(activations)"
        let rule = optimizer.name == .sgd ? [] : [optimizer.name.rawValue]
        let flags = nameAndFlags.flags.filter { flag in
            !TitleBar.shownFlags.contains(String(flag.prefix { $0 != " " }))
        }
        // The features beside the shape: they are the network's first layer.
        let inputs = features.map { [$0.map(\.rawValue).joined(separator: ",")] } ?? []
        // What a mini-batch run changed, after the lr: they change how the run goes as the lr
        // does, but the class sees them in the status bar too.
        let batch = batchSize.map { ["batch \($0)"] } ?? []
        let penalized = penalty.isActive ? ["\(penalty.name.uppercased()) \(DecimalNumber.text(penalty.strength))"] : []
        let test = testCount > 0 ? ["test \(testCount)"] : []
        // The optimizer before the lr: when it is not sgd, it is usually what changed the preset.
        return [model] + inputs + rule + ["lr \(DecimalNumber.text(learningRate))"] + batch + penalized + test + flags
            + ["loss \(loss.rawValue)", "reduction \(reduction.rawValue)"]
    }

    /// The bold program name and the rest of the title for a line `width` columns wide, leaving
    /// at least one blank column before "? help".
    func parts(width: Int, glyphs: Glyphs) -> (program: String, rest: String) {
        // Bold beside the program's name, never left out: the class must know to look.
        let program = isBugHunt ? " backprop-tui bug hunt" : " backprop-tui"
        // A preset changed by flags is not the preset: it says so, and the flags follow.
        let (base, flags) = nameAndFlags
        let name = Preset(rawValue: base) == nil ? base : flags.isEmpty ? "preset \(base)" : "\(base) (changed)"
        let room = width - DisplayWidth.of(TitleBar.help) - 1 - DisplayWidth.of(program)
        var kept = details
        while true {
            let text = ([name] + kept).map { glyphs.separator + $0 }.joined()
            if DisplayWidth.of(text) <= room { return (program, text) }
            if kept.isEmpty { break }
            kept.removeLast()
        }
        // Not even the name fits alone: a shorter name that is still whole, or none at all.
        let nameRoom = room - DisplayWidth.of(glyphs.separator)
        let shorter = shortNames(of: name, bare: base, glyphs: glyphs).first { DisplayWidth.of($0) <= nameRoom }
        return (program, shorter.map { glyphs.separator + $0 } ?? "")
    }

    /// Shorter ways to write `name`, longest first, each whole: a preset's bare name, a path's
    /// last components after an ellipsis (`…/week-03/xor.csv`, `…/xor.csv`). A name is never
    /// cut mid-word: a file name too long for the line is left out.
    func shortNames(of name: String, bare: String, glyphs: Glyphs) -> [String] {
        if Preset(rawValue: bare) != nil { return [bare] }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count > 1 else { return [] }
        return (1..<components.count).map { glyphs.ellipsis + "/" + components[$0...].joined(separator: "/") }
    }
}
