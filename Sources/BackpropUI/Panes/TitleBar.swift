import BackpropCore

/// The top line: which program, which scenario, and the activation, optimizer (unless sgd), loss
/// and reduction in force, with "? help" at the right. A long scenario name loses its start (a
/// path keeps its file name), and on a narrow line the reduction, the loss and then the
/// optimizer are left out, so the title never runs into "? help". Widths are terminal columns: a
/// name in Chinese takes two a character.
struct TitleBar: Pane {
    /// The preset's or file's name, as the title shows it.
    let scenarioName: String
    let network: Network
    let loss: Loss
    let reduction: Reduction
    /// The update rule; named only when it is not sgd, the article's.
    let optimizer: Optimizer

    /// The shortest a scenario name is cut to before less important parts are left out.
    static let shortestName = 16
    static let help = "? help "

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let (program, rest) = parts(width: area.width, glyphs: context.glyphs)
        let x = canvas.put(program, x: area.x, y: area.y, style: Style(bold: true), clip: area)
        canvas.put(rest, x: x, y: area.y, clip: area)
        canvas.put(
            TitleBar.help, x: area.maxX - DisplayWidth.of(TitleBar.help), y: area.y, style: Style(dim: true), clip: area
        )
    }

    /// The bold program name and the rest of the title for a line `width` columns wide, leaving
    /// at least one blank column before "? help".
    func parts(width: Int, glyphs: Glyphs) -> (program: String, rest: String) {
        let program = " backprop-tui"
        let name = Preset(rawValue: scenarioName) != nil ? "preset \(scenarioName)" : scenarioName
        let room = width - DisplayWidth.of(TitleBar.help) - 1 - DisplayWidth.of(program)
        // One layer: its activation; a network: its shape and each layer's activation.
        let activations = network.activations.map(\.rawValue).joined(separator: ",")
        let model = network.layerCount == 1 ? activations : "\(network.shapeDescription) \(activations)"
        let rule = optimizer.name == .sgd ? [] : [optimizer.name.rawValue]
        let choices = [
            [model] + rule + ["loss \(loss.rawValue)", "reduction \(reduction.rawValue)"],
            [model] + rule + ["loss \(loss.rawValue)"],
            [model] + rule,
            [model],
            [],
        ]
        for (index, details) in choices.enumerated() {
            let detailsText = details.map { glyphs.separator + $0 }.joined()
            let nameRoom = room - DisplayWidth.of(glyphs.separator) - DisplayWidth.of(detailsText)
            let isLast = index == choices.count - 1
            if DisplayWidth.of(name) <= nameRoom || nameRoom >= TitleBar.shortestName || isLast {
                return (program, glyphs.separator + shortened(name, to: max(1, nameRoom), glyphs: glyphs) + detailsText)
            }
        }
        return (program, "")
    }

    /// `text` cut to `width` columns from the left: a path or a dated file name keeps its end,
    /// where the file name and its date are. A wide character that would only half fit is left
    /// out, so the result may be a column short.
    func shortened(_ text: String, to width: Int, glyphs: Glyphs) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let kept = width - DisplayWidth.of(glyphs.ellipsis)
        guard kept > 0 else { return DisplayWidth.suffix(text, columns: width) }
        return glyphs.ellipsis + DisplayWidth.suffix(text, columns: kept)
    }
}
