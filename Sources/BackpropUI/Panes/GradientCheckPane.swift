import BackpropCore
import Foundation

/// Backprop's gradient beside an independent estimate, the central finite difference
/// (C(θ + h) - C(θ - h)) / 2h, and their relative error, for every weight and bias of every
/// layer: students see that backprop computes the true slope. Entries flow into as many columns
/// as fit; when there are more than fit, the pane shows the run of entries around the selected
/// parameter (Tab walks through them all) and its title says which.
///
/// Only the entries shown are estimated, two passes over the data each, unless the whole
/// network's check costs about a frame (`FrameData.wholeCheckWork`); on a large network they arrive over several frames, the ones still to come marked with an ellipsis and the
/// bottom edge saying how far the check has got ("checking 40 of 96…", c closes it).
///
/// A row whose backprop and estimate disagree (`FiniteDifference.disagrees`: relative error above
/// 1e-4, beyond the floor where both are rounding) is marked, a ✗ (`!` in ASCII) before its name
/// and its numbers in the error colour, so the mark shows without colour too; the bottom edge
/// then names the layers of the marked rows ("backprop is wrong in layer 2"): of every row
/// when the network is checked whole, else of the rows shown. With a right backprop no row is
/// marked; with `--bug` these are the layers the bug breaks.
///
/// A mini-batch step's gradient is its batch's, so the estimate differentiates the batch's cost
/// and the title says so. With a penalty both columns are the data cost's gradient: the
/// penalty's term (λω or λ·sign ω) is exact and added after, and the bottom edge says so.
struct GradientCheckPane: Pane {
    /// The step the current state would take: backprop's gradients.
    let trace: StepTrace
    /// The finite-difference estimates of the entries shown, made once per state and a slice at
    /// a time (`FrameData`); `nil` before the first.
    let estimate: FiniteDifference?
    /// How the screen names the network's numbers.
    let names: SymbolNames
    /// Which samples the step's gradient is over, as the screen says it.
    var stepSamples: StepSamplesText? = nil

    /// The box's title, before the range of entries shown.
    static let title = "Gradient check (c)"

    /// Columns of the longest parameter name of a network of `sizes`.
    static func nameWidth(sizes: [Int], names: SymbolNames) -> Int {
        sizes.indices.dropLast().map {
            names.parameter(.weight(layer: $0, row: sizes[$0] - 1, column: sizes[$0 + 1] - 1)).count
        }.max() ?? 3
    }

    /// The columns of one entry: name, backprop, estimate, relative error.
    static func columnWidth(_ number: NumberFormat, nameWidth: Int) -> Int { 2 * number.width + nameWidth + 13 }

    /// How the entries are laid out in `area` with numbers of `number`'s width: the columns of
    /// entries, the rows of each, and the run of entries shown, around `selection`.
    private func arrangement(in area: Rect, number: NumberFormat, selection: ParameterIndex) -> (
        width: Int, columns: Int, rows: Int, window: ScrollWindow
    ) {
        let network = trace.networkBefore
        let count = network.parameters.count
        let inside = area.inset(by: 1)
        let nameWidth = GradientCheckPane.nameWidth(sizes: network.sizes, names: names)
        let width = GradientCheckPane.columnWidth(number, nameWidth: nameWidth)
        let columns = max(1, min(count, inside.width / width))
        let rows = max(1, inside.height - 1)
        let window = ScrollWindow(count: count, room: columns * rows, keeping: network.offset(of: selection))
        return (width, columns, rows, window)
    }

    /// The entries (offsets in `ParameterIndex` order) the pane shows when drawn in `area` with
    /// numbers of `number`'s width around `selection`: the only ones whose estimates are made.
    func entries(in area: Rect, number: NumberFormat, selection: ParameterIndex) -> Range<Int> {
        guard area.width > 0, area.height >= 3 else { return 0..<0 }
        return arrangement(in: area, number: number, selection: selection).window.range
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        guard area.width > 0, area.height >= 3 else { return }
        let glyphs = context.glyphs
        let network = trace.networkBefore
        let count = network.parameters.count
        let inside = area.inset(by: 1)
        let nameWidth = GradientCheckPane.nameWidth(sizes: network.sizes, names: names)
        let (width, columns, rows, window) = arrangement(in: area, number: context.number, selection: context.selection)
        let parameters = window.range.map { ParameterIndex(offset: $0, in: network) }
        let backprops = parameters.map { trace.gradient(of: $0) }
        let finites = window.range.map { estimate?.estimate(atOffset: $0) }
        let number = context.number
        // The layers (0-based) of the rows marked wrong, for the bottom edge.
        var wrongLayers = Set<Int>()
        // Which entries are shown outranks the key that closes the pane and the word "Gradient".
        let shown = CountText.run(window.range, of: count)
        let dot = glyphs.separator.trimmingCharacters(in: .whitespaces)
        var titles =
            window.isPartial
            ? [
                "\(GradientCheckPane.title) \(dot) \(shown)", "Gradient check \(dot) \(shown)", "check \(dot) \(shown)",
                shown,
            ] : [GradientCheckPane.title, "Gradient check"]
        if let batch = stepSamples.flatMap({ $0.isMiniBatch ? $0.batch : nil }) {
            // Whose cost is differentiated comes before the key that closes the pane.
            titles =
                window.isPartial
                ? [
                    "\(GradientCheckPane.title) of \(batch)'s cost \(dot) \(shown)",
                    "Gradient check of \(batch) \(dot) \(shown)", "check of \(batch) \(dot) \(shown)",
                ] + titles
                : ["\(GradientCheckPane.title) of \(batch)'s cost", "Gradient check of \(batch)'s cost"] + titles
        }
        canvas.drawBox(
            area, title: LineFit.first(titles, width: area.width - 4, ellipsis: glyphs.ellipsis), glyphs: glyphs)
        // Short headings when the numbers are narrow, so the header never runs past its column.
        let backpropHeading = number.width >= 8 ? "backprop" : "bprop"
        let finiteHeading = number.width >= 11 ? "finite diff" : "f.diff"
        let header =
            " " + pad("", nameWidth) + " " + pad(backpropHeading, number.width) + " "
            + pad(finiteHeading, number.width) + " " + pad("rel.err", 8)
        let perColumn = min(rows, window.shown)
        for column in 0..<min(columns, (window.shown + perColumn - 1) / max(1, perColumn)) {
            canvas.put(header, x: inside.x + column * width, y: inside.y, style: Style(bold: true), clip: inside)
        }
        for (position, parameter) in parameters.enumerated() {
            let column = position / perColumn
            let row = position % perColumn
            let backprop = backprops[position]
            let x = inside.x + column * width
            let y = inside.y + 1 + row
            let style = parameter == context.selection ? Style(reverse: true) : Style(bold: true)
            canvas.put(
                " " + pad(names.parameter(parameter), nameWidth, left: true), x: x, y: y, style: style, clip: inside)
            guard let finite = finites[position] else {
                // Still to come: backprop's number now, the estimate when its passes are made.
                let text = " " + number.string(backprop) + " " + pad(glyphs.ellipsis, number.width)
                canvas.put(text, x: x + 1 + nameWidth, y: y, style: Style(dim: true), clip: inside)
                continue
            }
            let error = FiniteDifference.relativeError(backprop, finite)
            let wrong = FiniteDifference.disagrees(backprop: backprop, estimate: finite, cost: trace.batchCost)
            let text = " " + number.string(backprop) + " " + number.string(finite) + " " + pad(errorText(error), 8)
            canvas.put(
                text, x: x + 1 + nameWidth, y: y, style: wrong ? GradientCheckPane.wrongStyle : .plain, clip: inside)
            if wrong {
                // In the blank before the name: the mark, not only the colour, says it.
                canvas.put(
                    GradientCheckPane.mark(glyphs), x: x, y: y, style: GradientCheckPane.wrongStyle, clip: inside)
                wrongLayers.insert(parameter.layer)
            }
        }
        // Rows out of view count too where they were checked (a small network is checked whole),
        // so the note names every layer backprop gets wrong, not only those of the rows shown.
        if let estimate {
            for offset in estimate.offsets where !window.range.contains(offset) {
                guard let finite = estimate.estimate(atOffset: offset) else { continue }
                let parameter = ParameterIndex(offset: offset, in: network)
                let backprop = trace.gradient(of: parameter)
                if FiniteDifference.disagrees(backprop: backprop, estimate: finite, cost: trace.batchCost) {
                    wrongLayers.insert(parameter.layer)
                }
            }
        }
        let made = finites.lazy.filter { $0 != nil }.count
        if made < finites.count {
            drawProgress(made: made, of: finites.count, on: &canvas, area: area, glyphs: glyphs)
        } else if !wrongLayers.isEmpty {
            canvas.drawBottomNote(
                GradientCheckPane.wrongNote(layers: wrongLayers.sorted()), in: area, style: GradientCheckPane.wrongStyle
            )
        } else if trace.penalty.isActive {
            // Finite differences of the data cost measure the data's share; the penalty's is a
            // formula of the weight alone.
            let term = InspectorPane.penaltyTerm(trace.penalty, glyphs: glyphs)
            canvas.drawBottomNote(
                [
                    "data cost's gradient; the penalty's \(term) is exact, added after",
                    "data cost only; \(term) added after", "data cost only",
                ].map { glyphs.spelled($0) }, in: area, style: Style(dim: true))
        }
    }

    /// How a row marked wrong is drawn: the error colour, bold.
    static let wrongStyle = Style(foreground: .red, bold: true)

    /// The mark before a wrong row's name: one column in either glyph set.
    static func mark(_ glyphs: Glyphs) -> String { glyphs.isASCII ? "!" : "✗" }

    /// The bottom edge's wordings, longest first, naming `layers` (0-based, in order) whose rows
    /// are marked: "backprop is wrong in layers 1 and 2", "wrong in layers 1, 2", "layers 1, 2".
    static func wrongNote(layers: [Int]) -> [String] {
        let numbers = layers.map { String($0 + 1) }
        let listed =
            numbers.count == 1
            ? "layer \(numbers[0])"
            : "layers \(numbers.dropLast().joined(separator: ", ")) and \(numbers.last!)"
        let short = (numbers.count == 1 ? "layer " : "layers ") + numbers.joined(separator: ",")
        return ["backprop is wrong in \(listed)", "wrong in \(listed)", "wrong in \(short)", short]
    }

    /// The bottom edge while estimates are still being made: how many are done, and the key that
    /// stops the check.
    private func drawProgress(made: Int, of count: Int, on canvas: inout Canvas, area: Rect, glyphs: Glyphs) {
        let progress = "checking \(thousandsSeparated(made)) of \(thousandsSeparated(count))\(glyphs.ellipsis)"
        canvas.drawBottomNote(
            ["\(progress) (c closes)", progress, "\(made)/\(count)"], in: area, style: Style(bold: true))
    }

    /// "3.1e-11": two significant digits are enough to see "tiny"; an error that is not tiny
    /// (a gradient near zero beside the estimate's noise) in fixed point like any number,
    /// "1.0000", "0.0050".
    private func errorText(_ value: Double) -> String {
        guard value.isFinite else { return DecimalNumber.text(value) }
        if value == 0 { return "0" }
        return value >= 1e-4
            ? NumberFormat(width: 8, decimals: 4).compact(value) : NumberFormat.exponent(value, places: 1)
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        guard text.count < width else { return text }
        let padding = String(repeating: " ", count: width - text.count)
        return left ? text + padding : padding + text
    }
}

extension GradientCheckPane {
    /// `frame`'s finite differences when the check is open, covered while a quiz question asks
    /// about a gradient.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        guard frame.state.isGradientCheckShown else { return nil }
        let pane = GradientCheckPane(
            trace: frame.trace, estimate: frame.data.gradientCheck, names: frame.names,
            stepSamples: StepSamplesText(frame.trace, hasTest: frame.state.trainer.scenario.split.hasTest))
        if case .gradient? = frame.asked { return AnswerHiddenPane(covering: pane, title: title) }
        return pane
    }

    /// One column of entries, box included.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        let nameWidth = GradientCheckPane.nameWidth(sizes: trace.networkBefore.sizes, names: names)
        return PaneNeeds(wantedWidth: GradientCheckPane.columnWidth(offer.number, nameWidth: nameWidth) + 2)
    }
}
