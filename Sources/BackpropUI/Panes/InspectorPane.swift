import BackpropCore

/// The chain rule for the selected parameter with live numbers, as the article writes it: per
/// sample, hˡ⁻¹_i · gˡ'(aˡ_j) · eˡ_j for a weight (x_i in the first layer, eᴸ = ∂C/∂ŷ in the
/// last) or gˡ'(aˡ_j) · eˡ_j for a bias; in a hidden layer, under it, where eˡ_j came from:
/// Σ_k δˡ⁺¹_k ωˡ⁺¹_jk, the error travelling back. Then the gradient, the update and the new
/// value. Samples that do not fit are summed all the same, and the total line says how many;
/// the selected sample (`<` `>`) is always among those shown.
///
/// In the output layer of bce (sigmoid) or ce (softmax) a sample's factors are hᴸ⁻¹_i · (ŷ_j - y_j):
/// there g'(a) cancels against ∂C/∂ŷ, and a line under the samples shows that with the selected
/// sample's numbers.
///
/// A mini-batch step sums over its batch, and the total line says so ("Σ over the 8 samples of
/// batch 3/10"); samples are named by their number in the data. With a penalty, a weight's
/// gradient line adds the penalty's term to the data's ("∂C/∂ω11 = data -0.0431 + λω 0.0040 =
/// -0.0391") and the Δ line uses that sum.
struct InspectorPane: Pane {
    /// The step the current state would take, with every intermediate.
    let trace: StepTrace
    /// How the screen names the network's numbers.
    let names: SymbolNames
    /// Which samples the step sums over, as the screen says it.
    var stepSamples: StepSamplesText? = nil
    /// Whether the layer's lines are in matrix form (`M`): the matrix line that makes the
    /// selected parameter's ∂C/∂W or ∂C/∂b, with shapes, numpy and numbers, instead of a line a sample.
    var matrixForm = false

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        guard area.height >= 3 else { return }
        let glyphs = context.glyphs
        canvas.drawBox(area, title: glyphs.spelled(title(context)), glyphs: glyphs)
        let inside = area.inset(by: 1)
        // One column of margin on each side.
        let lines = self.lines(width: inside.width - 2, rows: inside.height, context: context)
        for (index, line) in lines.enumerated() {
            canvas.put(line.text, x: inside.x + 1, y: inside.y + index, style: line.style, clip: inside)
        }
    }

    /// "Inspector ω²31  g = sigmoid, g'(a) = g(a)(1 - g(a))  ∂C/∂ŷ = 2(ŷ - y)".
    func title(_ context: PaneContext) -> String {
        let glyphs = context.glyphs
        let selection = context.selection
        let layer = selection.layer
        let activation = trace.layers[layer].activation
        let mark = names.mark(layer)
        var title =
            "Inspector \(names.parameter(selection))  g\(mark) = \(activation.rawValue), g'(a) = \(activation.derivativeFormula)  "
        if layer == names.layerCount - 1 && trace.loss.isClassification {
            title =
                "Inspector \(names.parameter(selection))  g\(mark) = \(activation.rawValue), loss \(trace.loss.rawValue): \(glyphs.delta)\(mark) = \(glyphs.prediction) - y"
        } else if layer == names.layerCount - 1 {
            title += "\(glyphs.partial)C/\(glyphs.partial)\(glyphs.prediction) = \(trace.loss.gradientFormula)"
        } else {
            let next = names.mark(layer + 1)
            title += "e\(mark) = \(glyphs.delta)\(next)(W\(next))\(glyphs.transpose)"
        }
        return title
    }

    /// One line of the pane and its style.
    struct Line {
        let text: String
        var style: Style = .plain
    }

    /// The pane's lines for `rows` rows of `width` columns: the samples' lines (two per sample
    /// in a hidden layer), then the two closing lines.
    func lines(width: Int, rows: Int, context: PaneContext) -> [Line] {
        let perNumber = numberLines(width: width, rows: rows, context: context)
        guard matrixForm, let change = perNumber.last else { return perNumber }
        return matrixLines(width: width, rows: rows, context: context) + [change]
    }

    /// The matrix form's lines above the Δ line (`rows - 1` at most): δ of the selected
    /// parameter's layer and the product that makes its ∂C/∂W (or the sum that makes ∂C/∂b),
    /// with shapes and numpy, then that gradient's numbers where they fit.
    func matrixLines(width: Int, rows: Int, context: PaneContext) -> [Line] {
        let glyphs = context.glyphs
        let layer = context.selection.layer
        let form = MatrixForm(names: names)
        let gradient: MatrixFormula
        if case .bias = context.selection {
            gradient = form.biasGradient(layer, in: trace)
        } else {
            gradient = form.weightGradient(layer, in: trace)
        }
        let formulas = [form.backward(layer, in: trace)[0], gradient]
        let heads = WalkPane.formulaLines(formulas, width: width, rows: rows - 1).flatMap { $0 }
        var lines = heads.map {
            Line(
                text: LineFit.words(glyphs.spelled($0), width: width, ellipsis: glyphs.ellipsis),
                style: Style(bold: true))
        }
        let room = rows - 1 - lines.count
        let numbers = MatrixNumbers(text: EquationText(number: context.number, glyphs: glyphs, loss: trace.loss))
        lines += numbers.lines(
            gradient.terms, width: width, rows: min(room, gradient.terms.map(\.matrix.rows).max()! + 1)
        )
        .map { Line(text: glyphs.spelled($0)) }
        return Array(lines.prefix(max(0, rows - 1)))
    }

    /// The per-number lines: the samples' lines (two per sample in a hidden layer), then the
    /// two closing lines.
    func numberLines(width: Int, rows: Int, context: PaneContext) -> [Line] {
        let glyphs = context.glyphs
        let selection = context.selection
        let hidden = selection.layer < names.layerCount - 1
        // δᴸ = ŷ - y: one more line says why, when the pane has a row for it beside a sample.
        let simple = !hidden && trace.loss.isClassification
        let whyRows = simple && rows >= 4 ? 1 : 0
        let linesPerSample = hidden ? 2 : 1
        // With an optimizer other than sgd, its state takes a line or two above the Δ line.
        let optimizer =
            trace.optimizer.name == .sgd
            ? nil
            : OptimizerLines(
                terms: OptimizerTerms(selection, in: trace), name: names.parameter(selection), base: context.number,
                glyphs: glyphs, loss: trace.loss)
        let stateLines = optimizer?.stateLines(width: width) ?? []
        // A penalised weight's data + penalty line, when the run has a penalty.
        let penaltyRows = trace.penalty.isActive ? 1 : 0
        let room = max(1, (rows - 2 - whyRows - penaltyRows - stateLines.count) / linesPerSample)
        // The selected sample is a sample of the data; the trace's rows are the step's samples.
        let selectedRow = trace.row(of: context.sample)
        let window = ScrollWindow(count: trace.inputs.rows, room: room, keeping: selectedRow)
        let inspection = ParameterInspection(
            selection, in: trace, rows: window.range, cancelling: selectedRow ?? window.first)
        let text = EquationText(number: context.number, glyphs: glyphs, loss: trace.loss)
        let layer = selection.layer
        let j = selection.column
        let symbol = termSymbol(selection, text: text)

        // Each sample's product, its result aligned with the others'.
        let sampleLabels = SampleLabels(inspection.samples.map(\.sample))
        let labels = inspection.samples.map { sampleLabels.label($0.sample) }
        // A first layer's weight multiplies an input x: data, written as the data writes it.
        let inputIsData: Bool
        if case .weight(layer: 0, _, _) = selection { inputIsData = true } else { inputIsData = false }
        let products = inspection.samples.map { sample -> String in
            guard let prediction = sample.prediction, let target = sample.target else {
                return text.product(sample.factors, firstIsData: inputIsData)
            }
            let delta = text.difference(prediction, target)
            let input = inputIsData ? text.dataFactor(sample.factors[0]) : text.factor(sample.factors[0])
            return sample.factors.count == 2 ? "\(input) \(glyphs.times) (\(delta))" : delta
        }
        let results = inspection.samples.map { text.value($0.term) }
        var sampleLines = EquationText.aligned(
            labels.indices.map { labels[$0] + "\(symbol) = \(products[$0])" }, results)
        if sampleLines.contains(where: { $0.count > width }) {
            // No room for the symbols on every line: numbers only, the symbols in the title.
            sampleLines = EquationText.aligned(labels.indices.map { labels[$0] + products[$0] }, results)
        }
        var lines: [Line] = []
        let indent = sampleLabels.indent
        for (position, sample) in inspection.samples.enumerated() {
            let chosen = sample.row == selectedRow && window.count > 1
            lines.append(Line(text: glyphs.spelled(sampleLines[position]), style: Style(bold: chosen)))
            if hidden {
                let line = ErrorSentBack(names: names, text: text).line(
                    layer: layer, neuron: j, terms: sample.errorTerms, error: sample.factors[sample.factors.count - 1],
                    width: width - indent.count)
                lines.append(Line(text: glyphs.spelled(indent + line)))
            }
        }

        if whyRows > 0, let cancellation = inspection.cancellation {
            lines.append(
                Line(text: glyphs.spelled(whyLine(cancellation, layer: layer, output: j, width: width, text: text))))
        }

        let name = names.parameter(selection)
        let gradient = text.gradientSymbol(name)
        // With a penalty the sum above is the data's share of the gradient; the next line adds the
        // penalty's.
        let penalized = inspection.isPenalized
        var first: String
        switch selection {
        case .weight:
            first = "\(penalized ? "data " : "")\(gradient) = \(text.value(inspection.gradient))"
        case .bias:
            first =
                "\(gradient) = \(glyphs.sum) \(names.delta(layer: layer, j)) = \(text.value(inspection.gradient))"
        }
        // What follows the total goes in the longest words that fit, or not at all: a line
        // never ends in half a number. The mean is the data gradient's (the penalty's term is
        // added on the line after). When not every sample is shown, how many the total sums
        // comes before the mean: without it the total does not match the lines above it (the
        // mean is in the Δ line below as well).
        let means =
            inspection.isAveraged
            ? [
                "   reduction \(trace.reduction.rawValue): mean = \(text.value(inspection.gradient)) / \(inspection.sampleCount) = \(text.value(inspection.dataStep))",
                "   mean = \(text.value(inspection.gradient)) / \(inspection.sampleCount) = \(text.value(inspection.dataStep))",
            ] : []
        first += InspectorPane.totalNotes(
            means: means, window: window, sum: glyphs.sum, samples: stepSamples, width: width - DisplayWidth.of(first))
        let amount: String
        if penalized {
            amount = text.factor(inspection.stepAmount)
        } else {
            amount =
                inspection.isAveraged ? "\(text.factor(inspection.gradient)) / N" : text.factor(inspection.gradient)
        }
        let change = "\(glyphs.change)\(name) = -lr \(glyphs.times) \(amount) = \(text.value(inspection.change))"
        let values = text.change(name, from: inspection.before, to: inspection.after, step: inspection.change)
        let second =
            optimizer?.changeLine(before: inspection.before, after: inspection.after, width: width)
            ?? [change + "      " + values, change + "   " + values].first { $0.count <= width } ?? change
        lines.append(Line(text: glyphs.spelled(first), style: Style(bold: true)))
        if penalized {
            lines.append(
                Line(
                    text: glyphs.spelled(penaltyLine(inspection, gradient: gradient, text: text, width: width)),
                    style: Style(bold: true)))
        }
        lines += stateLines.map { Line(text: glyphs.spelled($0)) }
        lines.append(Line(text: glyphs.spelled(second)))
        return lines
    }

    /// The gradient the step takes for a penalised weight, the data's share plus the penalty's,
    /// the longest form that fits `width`: "∂C/∂ω11 = data -0.0431 + λω 0.0040 = -0.0391", with
    /// L1's term written λ·sign(ω).
    func penaltyLine(_ inspection: ParameterInspection, gradient: String, text: EquationText, width: Int) -> String {
        let glyphs = text.glyphs
        let term = InspectorPane.penaltyTerm(inspection.penalty, glyphs: glyphs)
        let sum =
            "\(gradient) = data \(text.factor(inspection.dataStep)) + \(term) \(text.factor(inspection.penaltyStep)) = \(text.value(inspection.stepAmount))"
        let lambda = DecimalNumber.text(inspection.penalty.strength)
        // Where the reduction takes the mean, the data's share is the sum above over N: said
        // first, since the total line may have had no room for its mean.
        let averaged =
            inspection.isAveraged
            ? [
                "\(gradient) = data \(text.factor(inspection.gradient)) / \(inspection.sampleCount) + \(term) \(text.factor(inspection.penaltyStep)) = \(text.value(inspection.stepAmount))   (\(inspection.penalty.name), λ = \(lambda))",
                "\(gradient) = data \(text.factor(inspection.gradient)) / \(inspection.sampleCount) + \(term) \(text.factor(inspection.penaltyStep)) = \(text.value(inspection.stepAmount))",
            ] : []
        let candidates =
            averaged + [
                "\(sum)   (\(inspection.penalty.name) penalty, λ = \(lambda))",
                "\(sum)   (\(inspection.penalty.name), λ = \(lambda))", sum,
                "data \(text.factor(inspection.dataStep)) + \(term) \(text.factor(inspection.penaltyStep)) = \(text.value(inspection.stepAmount))",
            ]
        return LineFit.first(candidates, width: width, ellipsis: glyphs.ellipsis)
    }

    /// The penalty's term of a weight's gradient in symbols: "λω" for L2, "λ·sign(ω)" for L1
    /// ("lambda*w", "lambda*sign(w)" in ASCII).
    static func penaltyTerm(_ penalty: Penalty, glyphs: Glyphs) -> String {
        let lambda = glyphs.isASCII ? "lambda\(glyphs.times)" : "λ"
        switch penalty {
        case .l1: return "\(glyphs.isASCII ? lambda : "λ·")sign(\(glyphs.omega))"
        case .l2, .none: return "\(lambda)\(glyphs.omega)"
        }
    }

    /// What follows a total line in `width` columns: the reduction's mean (`means`, longest
    /// first) and, when `window` leaves samples out, how many samples the total sums; a step over
    /// part of the data (`samples`: a mini-batch, or the training samples of a split) says which.
    /// The count outranks the mean: `(Σ of all 4 samples, 3 shown)` is what makes the total agree
    /// with the three lines above it, so it is kept whole while any wording of it fits, and the
    /// mean is added only where it fits beside it.
    static func totalNotes(
        means: [String], window: ScrollWindow, sum: String, samples: StepSamplesText? = nil, width: Int
    ) -> String {
        let counts: [String]
        if let samples, samples.isPartOfTheData {
            let over = "\(sum) over \(samples.phrase)"
            let short = samples.short.map { "\(sum) of \($0)" } ?? over
            counts =
                window.isPartial
                ? [
                    "   (\(over), \(window.shown) shown; < > choose)", "   (\(over), \(window.shown) shown)",
                    "   (\(short), \(window.shown) shown)", "  (\(short))", "  (N = \(window.count))",
                ] : ["   (\(over))", "   (\(short))", "  (N = \(window.count))", ""]
        } else {
            counts =
                window.isPartial
                ? [
                    "   (\(sum) of all \(window.count) samples, \(window.shown) shown; < > choose)",
                    "   (\(sum) of all \(window.count) samples, \(window.shown) shown)",
                    "   (\(sum) of \(window.count) samples, \(window.shown) shown)",
                    "  (N = \(window.count))",
                ] : [""]
        }
        for count in counts where DisplayWidth.of(count) <= width {
            let mean = means.first { DisplayWidth.of($0) + DisplayWidth.of(count) <= width } ?? ""
            // The fullest count alone is not worth the mean: its "< > choose" is the key list's.
            if mean.isEmpty && count == counts[0] && counts.count > 1 && !means.isEmpty { continue }
            return mean + count
        }
        return means.first { DisplayWidth.of($0) <= width } ?? ""
    }

    /// One sample's term of ∂C/∂θ in symbols: "x1 · g'(a1) · 2(ŷ1 - y1)" for a weight,
    /// "g'(a¹1) · e¹1" for a bias of a hidden layer, "h¹1 · (ŷ1 - y1)" in the output layer of
    /// bce or ce, where g'(a) cancels.
    func termSymbol(_ selection: ParameterIndex, text: EquationText) -> String {
        let glyphs = text.glyphs
        let layer = selection.layer
        let j = selection.column
        let hidden = layer < names.layerCount - 1
        let simple = !hidden && trace.loss.isClassification
        let error = hidden ? names.error(layer: layer, j) : text.costGradientSymbol(output: j)
        let derivative = names.derivative(layer: layer, j)
        let difference = "\(glyphs.prediction)\(j + 1) - y\(j + 1)"
        switch (selection, simple) {
        case (.weight(_, let i, _), false):
            return "\(names.input(layer: layer, i)) \(glyphs.times) \(derivative) \(glyphs.times) \(error)"
        case (.bias, false):
            return "\(derivative) \(glyphs.times) \(error)"
        case (.weight(_, let i, _), true):
            return "\(names.input(layer: layer, i)) \(glyphs.times) (\(difference))"
        case (.bias, true):
            return difference
        }
    }

    /// Why δᴸ_j = ŷ_j - y_j, with the numbers of the selected sample where they fit: for bce,
    /// g'(a_j) · ∂C/∂ŷ_j multiplied out (sigmoid's g' = ŷ(1 - ŷ) cancels the denominator of
    /// bce's ∂C/∂ŷ); for ce, softmax's Jacobian summed against ce's ∂C/∂ŷ_k = -y_k/ŷ_k, which
    /// leaves ŷ_j Σ_k y_k - y_j. The longest form that fits `width`.
    func whyLine(
        _ c: ParameterInspection.Cancellation, layer: Int, output j: Int, width: Int, text: EquationText
    ) -> String {
        let g = text.glyphs
        let (yHat, partial, times) = (g.prediction, g.partial, g.times)
        let sample = "sample \(c.sample + 1)"
        let difference = "\(yHat)\(j + 1) - y\(j + 1)"
        let delta = text.value(c.delta)
        let candidates: [String]
        if trace.loss == .bce {
            let product =
                "\(sample): \(names.derivative(layer: layer, j)) \(times) \(partial)C/\(partial)\(yHat)\(j + 1) = \(text.factor(c.derivative)) \(times) \(text.factor(c.error))"
            let result = "\(product) = \(delta) = \(difference)"
            let cancels = [
                "\(result): sigmoid's g'(a) = \(yHat)(1 - \(yHat)) cancels bce's \(partial)C/\(partial)\(yHat) = (\(yHat) - y)/(\(yHat)(1 - \(yHat)))",
                "\(result): g'(a) cancels", result,
            ]
            // Where ŷ has rounded to 0 or 1 the product is 0 · ∞, which is why δ is taken as
            // ŷ - y.
            let saturated = [
                "\(product) has no value (\(yHat) rounded to 0 or 1), yet \(difference) = \(delta)",
                "\(product), yet \(difference) = \(delta)",
            ]
            candidates =
                ((c.derivative * c.error).isFinite ? cancels : saturated) + [
                    "g'(a) = \(yHat)(1 - \(yHat)) cancels \(partial)C/\(partial)\(yHat) = (\(yHat) - y)/(\(yHat)(1 - \(yHat))): \(g.delta) = \(yHat) - y",
                    "g'(a) cancels: \(g.delta) = \(yHat) - y",
                ]
        } else {
            let mark = names.mark(layer)
            let numbers =
                "\(text.value(c.prediction)) \(times) \(text.dataValue(c.targetSum)) - \(text.dataValue(c.target)) = \(delta)"
            let result =
                "\(sample): \(g.sum)k \(partial)\(yHat)k/\(partial)a\(mark)\(j + 1) \(times) \(partial)C/\(partial)\(yHat)k = \(yHat)\(j + 1) \(g.sum)k yk - y\(j + 1) = \(numbers)"
            candidates = [
                "\(result): softmax's \(partial)\(yHat)k/\(partial)aj = \(yHat)k([k = j] - \(yHat)j) cancels ce's \(partial)C/\(partial)\(yHat)k = -yk/\(yHat)k",
                "\(result), as y's row sums to 1", result,
                "softmax's \(partial)\(yHat)k/\(partial)aj = \(yHat)k([k = j] - \(yHat)j) cancels \(partial)C/\(partial)\(yHat)k = -yk/\(yHat)k: \(g.delta) = \(yHat) - y",
                "the Jacobian cancels: \(g.delta) = \(yHat) - y",
            ]
        }
        return LineFit.first(candidates, width: width, ellipsis: g.ellipsis)
    }
}

extension InspectorPane {
    /// The selected parameter's chain rule in `frame`'s step; none while the Confusion pane is
    /// open, which stands in its stead: the arrows then move the pane's cell, not the selection
    /// it explains, and the rows go to the cell's samples.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        guard !frame.showsConfusion else { return nil }
        return InspectorPane(
            trace: frame.trace, names: frame.names,
            stepSamples: StepSamplesText(frame.trace, hasTest: frame.state.trainer.scenario.split.hasTest),
            matrixForm: frame.state.matrixForm)
    }

    /// A line per sample (two in a network) and the closing lines.
    func needs(_ offer: PaneOffer) -> PaneNeeds { InspectorPane.needs(of: trace) }

    /// The rows the inspector asks for in `trace`'s run: the box, a line per sample (two in a
    /// network, for the error sent back), the two closing lines, with bce or ce the line that
    /// says why δᴸ = ŷ - y, and the optimizer's state above the Δ line; at least one sample's
    /// lines. Counted for the run, not for the selection (a network's output layer has one line
    /// a sample; only the output layer has the why line), so the panes above do not move as the
    /// selection does. The walk and the quiz take the inspector's place with the same rows.
    static func needs(of trace: StepTrace) -> PaneNeeds {
        let perSample = trace.layers.count > 1 ? 2 : 1
        let fixed =
            4 + (trace.loss.isClassification ? 1 : 0) + (trace.penalty.isActive ? 1 : 0)
            + OptimizerLines.stateLineCount(for: trace.optimizer.name)
        return PaneNeeds(minimumHeight: perSample + fixed, wantedHeight: trace.inputs.rows * perSample + fixed)
    }
}
