import BackpropCore

/// One step in slow motion (`n`), in the inspector's place, sample by sample for one neuron of
/// the phase's layer: the selected parameter's neuron in its own layer, the neuron that feeds
/// it in the layer below, the first neuron elsewhere. Forward through layer l: aˡ_j and hˡ_j.
/// Cost: each sample's squared errors (or cross-entropy) and C. Backward through layer l:
/// δˡ_j = gˡ'(aˡ_j) · eˡ_j (δᴸ_j = ŷ_j - y_j with bce or ce), and in a hidden layer where eˡ_j
/// came from. Update: the values before and after.
///
/// A mini-batch step walks through its batch's samples, and the title says which batch; samples
/// are named by their number in the data. With a penalty, the update adds its term to W's step.
struct WalkPane: Pane {
    let phase: StepPhase
    /// The step the current state would take (before the update phase), with every intermediate.
    let trace: StepTrace
    /// How the screen names the network's numbers.
    let names: SymbolNames
    /// The step count now.
    let stepCount: Int
    /// The selected parameter before and after the step, and C before and after (update phase).
    let update: (before: Double, after: Double, costBefore: Double, costAfter: Double)?
    /// How the optimizer made the selected parameter's step (update phase, optimizers other
    /// than sgd): what it remembers and the change it made, as the inspector shows them.
    var optimizerTerms: OptimizerTerms? = nil
    /// Which samples the step runs over, as the screen says it.
    var stepSamples: StepSamplesText? = nil
    /// The penalty the update adds to every weight's step.
    var penalty: Penalty = .none
    /// Whether the phase is written in matrix form (`M`), with shapes and numpy.
    var matrixForm = false
    /// The step just taken, in the update phase: the matrix form shows its W and b before and after.
    var takenStep: StepTrace? = nil

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        guard area.height >= 3 else { return }
        let glyphs = context.glyphs
        let layerCount = names.layerCount
        let inside = area.inset(by: 1)
        if matrixForm {
            drawMatrixForm(on: &canvas, in: area, context: context)
            return
        }
        // One blank column on each side: a line never runs into the border.
        let (samples, totals, window) = lines(width: inside.width - 2, rows: inside.height, context: context)
        // The step and phase always; which samples are shown when not all are; the keys if room.
        var title =
            "Step \(stepCount + (phase == .update ? 0 : 1)) in phases, \(phase.counter(layerCount: layerCount)) \(phase.title(layerCount: layerCount))"
        let dot = glyphs.separator.trimmingCharacters(in: .whitespaces)
        // A mini-batch's walk says whose samples these are: the batch comes before which are shown.
        if phase != .update, let which = stepSamples?.short {
            title += " \(dot) \(which)"
        }
        if window.isPartial {
            // Which of the step's samples are shown: by place in the step, as the labels name
            // samples by their number in the data.
            let which = stepSamples?.isPartOfTheData == true ? "shown" : "sample"
            title += " \(dot) \(which) \(CountText.run(window.range, of: window.count)) (< >)"
        }
        let keys = "  (n next, s whole step, Esc stop)"
        if title.count + keys.count + 4 <= area.width { title += keys }
        canvas.drawBox(area, title: glyphs.spelled(title), glyphs: glyphs, titleStyle: Style(reverse: true))
        var y = inside.y
        // Every line was chosen to fit; should one not, it loses its last words, not half a word.
        let fitted = { (line: String) in
            LineFit.words(glyphs.spelled(line), width: inside.width - 2, ellipsis: glyphs.ellipsis)
        }
        for line in samples {
            canvas.put(fitted(line), x: inside.x + 1, y: y, clip: inside)
            y += 1
        }
        for (index, line) in totals.enumerated() {
            canvas.put(fitted(line), x: inside.x + 1, y: y + index, style: Style(bold: true), clip: inside)
        }
    }

    /// The walk in matrix form: the step and phase in the title, the lines under it.
    private func drawMatrixForm(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let layerCount = names.layerCount
        let inside = area.inset(by: 1)
        var title =
            "Step \(stepCount + (phase == .update ? 0 : 1)) in matrix form, \(phase.counter(layerCount: layerCount)) \(phase.title(layerCount: layerCount))"
        let dot = glyphs.separator.trimmingCharacters(in: .whitespaces)
        if phase != .update, let which = stepSamples?.short { title += " \(dot) \(which)" }
        let keys = ["  (n next, M numbers, Esc stop)", "  (M numbers)"].first {
            title.count + $0.count + 4 <= area.width
        }
        title += keys ?? ""
        canvas.drawBox(area, title: glyphs.spelled(title), glyphs: glyphs, titleStyle: Style(reverse: true))
        let lines = matrixLines(width: inside.width - 2, rows: inside.height, context: context)
        for (index, line) in lines.enumerated() {
            canvas.put(line.text, x: inside.x + 1, y: inside.y + index, style: line.style, clip: inside)
        }
    }

    /// The neuron of layer `layer` the walk follows for `selection`.
    static func neuron(ofLayer layer: Int, for selection: ParameterIndex) -> Int {
        if selection.layer == layer { return selection.column }
        if case .weight(let l, let row, _) = selection, l == layer + 1 { return row }
        return 0
    }

    /// The sample lines that fit in `rows` rows, the closing lines of the phase, and which
    /// samples are shown.
    func lines(width: Int, rows: Int, context: PaneContext) -> (
        samples: [String], totals: [String], window: ScrollWindow
    ) {
        let glyphs = context.glyphs
        let totalLines =
            phase == .update
            ? 2 + (optimizerTerms.map { OptimizerLines.stateLineCount(for: $0.optimizer.name) + 1 } ?? 0) : 1
        let hiddenBackward: Bool = {
            if case .backward(let layer) = phase { return layer < names.layerCount - 1 }
            return false
        }()
        let perSample = hiddenBackward ? 2 : 1
        let sampleCount = phase == .update ? 0 : trace.inputs.rows
        // The selected sample is a sample of the data; the trace's rows are the step's samples.
        let window = ScrollWindow(
            count: sampleCount, room: max(1, (rows - totalLines) / perSample), keeping: trace.row(of: context.sample))
        let samples = Array(window.range)
        let labels = SampleLabels(samples.map { trace.samples[$0] }, of: trace.samples)
        let t = EquationText(number: context.number, glyphs: glyphs, loss: trace.loss)
        var sampleLines: [String]
        var totals: [String]
        switch phase {
        case .forward(let layer):
            let j = WalkPane.neuron(ofLayer: layer, for: context.selection)
            let step = trace.layers[layer]
            // Neuron j's own weights and bias, not a copy of the whole layer's.
            let network = trace.networkBefore
            let weight = { (i: Int) in network[.weight(layer: layer, row: i, column: j)] }
            let bias = network[.bias(layer: layer, column: j)]
            let a = names.preActivation(layer: layer, j)
            let h = names.output(layer: layer, j)
            let results = samples.map { t.value(step.preActivation[$0, j]) }
            let biasName = names.parameter(.bias(layer: layer, column: j))
            // The terms are written out only when that many could fit (a term is at least 3
            // columns and 3 join it): a layer of a thousand inputs takes the Σ form without
            // writing a thousand terms first.
            let writesTerms = step.input.columns <= max(0, width) / 3 + 2
            let inputSymbol = layer == 0 ? "xi" : "h\(names.mark(layer - 1))i"
            let compact =
                "\(glyphs.sum)i \(inputSymbol)\(glyphs.omega)\(names.mark(layer))i\(j + 1) + \(biasName)"
            // Fullest first: the terms in symbols and then in numbers, the numbers alone (what
            // a class checks by hand; with one space after the label, if that is what it
            // takes: the article's first step at 80x24), the symbols alone, and Σ, which fits
            // any width.
            var forms: [(terms: [String], tight: Bool)] = []
            if writesTerms {
                let symbols =
                    (0..<step.input.columns).map {
                        "\(names.input(layer: layer, $0))\(glyphs.times)\(names.parameter(.weight(layer: layer, row: $0, column: j)))"
                    }.joined(separator: " + ") + " + \(biasName)"
                let numbers = samples.map { s in
                    (0..<step.input.columns).map { i -> String in
                        let input = layer == 0 ? t.dataFactor(step.input[s, i]) : t.factor(step.input[s, i])
                        return "\(input)\(glyphs.times)\(t.factor(weight(i)))"
                    }.joined(separator: " + ") + " + \(t.factor(bias))"
                }
                forms = [
                    (numbers.map { "\(symbols) = \($0)" }, false), (numbers, false), (numbers, true),
                    (samples.map { _ in symbols }, false),
                ]
            }
            forms.append((samples.map { _ in compact }, false))
            let written = forms.lazy.map { form, tight in
                zip(
                    EquationText.aligned(
                        zip(samples, form).map { s, terms in
                            let label = labels.label(row: s)
                            return "\(tight ? String(label.dropLast()) : label)\(a) = \(terms)"
                        }, results), samples
                )
                .map { line, s in line + "  \(h) = \(t.value(step.output[s, j]))" }
            }
            sampleLines =
                written.first { $0.allSatisfy { DisplayWidth.of(glyphs.spelled($0)) <= width } }
                ?? written[written.index(before: written.endIndex)]
            let input = layer == 0 ? "x" : "h\(names.mark(layer - 1))"
            let output = layer == names.layerCount - 1 ? glyphs.prediction : "h\(names.mark(layer))"
            let mark = names.mark(layer)
            // The formula whole, then without the words after it, then shorter.
            let sum = "a\(mark) = \(input)W\(mark) + b\(mark)"
            let candidates =
                step.activation == .softmax
                ? [
                    "\(sum), then \(output)j = softmax(a\(mark))j = e^a\(mark)j / \(glyphs.sum)k e^a\(mark)k, over each sample's outputs",
                    "\(sum), then \(output)j = softmax(a\(mark))j = e^a\(mark)j / \(glyphs.sum)k e^a\(mark)k",
                    "\(sum), then \(output) = softmax(a\(mark))",
                ]
                : [
                    "\(sum), then \(output) = g(a\(mark)) = \(step.activation.rawValue)(a\(mark)), for every neuron of the layer",
                    "\(sum), then \(output) = g(a\(mark)) = \(step.activation.rawValue)(a\(mark))",
                    "\(sum), then \(output) = g(a\(mark))",
                ]
            totals = [
                candidates.first { DisplayWidth.of(glyphs.spelled($0)) <= width } ?? candidates[candidates.count - 1]
            ]
        case .cost:
            let costs = samples.map {
                trace.loss.cost(
                    ofSample: $0, preActivation: trace.outputLayer.preActivation, prediction: trace.prediction,
                    targets: trace.targets)
            }
            let terms = SampleCostText(text: t, loss: trace.loss)
            let lefts = samples.map { s in
                labels.label(row: s) + terms.expression(prediction: trace.prediction, targets: trace.targets, sample: s)
            }
            sampleLines = EquationText.aligned(lefts, costs.map { t.value($0) })
            if sampleLines.contains(where: { $0.count > width }) {
                sampleLines = EquationText.aligned(
                    samples.map { "\(labels.label(row: $0))\(terms.symbols)" }, costs.map { t.value($0) })
            }
            if let stepSamples, stepSamples.isMiniBatch {
                // The step descends the batch's cost; the cost of every training sample is the
                // one the status bar and the curve follow.
                let batch = "C = the sum over \(stepSamples.phrase) = \(t.value(trace.batchCost))"
                totals = [
                    LineFit.first(
                        [
                            "\(batch)  (loss \(trace.loss.rawValue); every training sample's C = \(t.value(trace.costBefore)))",
                            "\(batch)  (loss \(trace.loss.rawValue))", batch,
                            "C of \(stepSamples.batch) = \(t.value(trace.batchCost))",
                        ], width: width, ellipsis: glyphs.ellipsis)
                ]
            } else {
                let over = stepSamples?.isPartOfTheData == true ? stepSamples!.phrase : "the samples"
                totals = ["C = the sum over \(over) = \(t.value(trace.costBefore))  (loss \(trace.loss.rawValue))"]
            }
        case .backward(let layer):
            let j = WalkPane.neuron(ofLayer: layer, for: context.selection)
            let step = trace.layers[layer]
            let errorTerms = samples.map { ErrorTerm.terms(layer: layer, neuron: j, sample: $0, in: trace) }
            // The cross-entropies' output δ is ŷ - y: g'(a) cancels, so the line says that instead.
            let predictionMinusTarget = !hiddenBackward && trace.loss.isClassification
            let error = hiddenBackward ? names.error(layer: layer, j) : t.costGradientSymbol(output: j)
            let symbol =
                predictionMinusTarget
                ? "\(names.delta(layer: layer, j)) = \(glyphs.prediction)\(j + 1) - y\(j + 1)"
                : "\(names.delta(layer: layer, j)) = \(names.derivative(layer: layer, j)) \(glyphs.times) \(error)"
            let deltas = EquationText.aligned(
                samples.map {
                    let numbers =
                        predictionMinusTarget
                        ? t.difference(step.output[$0, j], trace.targets[$0, j])
                        : t.product([step.activationDerivative[$0, j], step.error[$0, j]])
                    return "\(labels.label(row: $0))\(symbol) = \(numbers)"
                },
                samples.map { t.value(step.delta[$0, j]) })
            sampleLines = []
            let indent = labels.indent
            for (position, line) in deltas.enumerated() {
                sampleLines.append(line)
                if hiddenBackward {
                    sampleLines.append(
                        indent
                            + ErrorSentBack(names: names, text: t).line(
                                layer: layer, neuron: j, terms: errorTerms[position],
                                error: step.error[samples[position], j], width: width - indent.count))
                }
            }
            let mark = names.mark(layer)
            let input = layer == 0 ? "x" : "h\(names.mark(layer - 1))"
            let gradients =
                "\(glyphs.partial)C/\(glyphs.partial)W\(mark) = \(input)\(glyphs.transpose)\(glyphs.delta)\(mark), \(glyphs.partial)C/\(glyphs.partial)b\(mark) = \(glyphs.sum) \(glyphs.delta)\(mark)"
            let sent =
                layer > 0
                ? "; e\(names.mark(layer - 1)) = \(glyphs.delta)\(mark)(W\(mark))\(glyphs.transpose) goes back" : ""
            var total = "\(gradients) (beside W\(mark) and b\(mark))\(sent)"
            if predictionMinusTarget {
                // Why δ is ŷ - y comes first; where the gradients are shown is the first to go.
                let why =
                    "\(glyphs.delta)\(mark) = \(glyphs.prediction) - y (\(step.activation.rawValue) with \(trace.loss.rawValue): g'(a) cancels)"
                total = LineFit.first(
                    ["\(why); \(total)", "\(why); \(gradients)\(sent)", "\(why); \(gradients)", why], width: width,
                    ellipsis: glyphs.ellipsis)
            }
            totals = [total]
        case .update:
            guard let update else { return ([], [], window) }
            let name = names.parameter(context.selection)
            let reduction = trace.reduction
            // With layers, each W moves by its own input's hᵀδ (h⁰ being x): "every layer".
            let input = names.layerCount > 1 ? "h" : "x"
            // A penalty adds its gradient to every weight's step after the reduction.
            let penaltyTerm = penalty.isActive ? " + " + InspectorPane.penaltyTerm(penalty, glyphs: glyphs) : ""
            let reduced = reduction.weightStep(input: input, glyphs: glyphs)
            let weightStep = penalty.isActive ? "(\(reduced)\(penaltyTerm))" : reduced
            let lambda =
                penalty.isActive
                ? ", \(penalty.name) \(glyphs.isASCII ? "lambda" : "λ") = \(DecimalNumber.text(penalty.strength))" : ""
            let every = names.layerCount > 1 ? "every layer: " : ""
            let values = t.change(name, from: update.before, to: update.after)
            let cost = t.change("C", from: update.costBefore, to: update.costAfter)
            guard let terms = optimizerTerms else {
                return (
                    [],
                    [
                        every
                            + "W -= lr \(glyphs.times) \(weightStep),  b -= lr \(glyphs.times) \(reduction.biasCombination) \(glyphs.delta)   (reduction \(reduction.rawValue)\(lambda))",
                        "\(values)    \(cost)",
                    ],
                    window
                )
            }
            // Another rule: the reduction gives each parameter its g, and the rule its step.
            let lines = OptimizerLines(
                terms: terms, name: name, base: context.number, glyphs: glyphs, loss: trace.loss)
            let g =
                "g = \(penalty.isActive ? reduced + penaltyTerm : reduced) for W, \(reduction.biasCombination) \(glyphs.delta) for b"
            let rule = "\(terms.optimizer.name.rawValue) turns g into the step"
            let first = [
                "\(every)\(g) (reduction \(reduction.rawValue)); \(rule)", "\(every)\(g); \(rule)", "\(g); \(rule)",
            ]
            return (
                [],
                [first.first { $0.count <= width } ?? first[first.count - 1]] + lines.stateLines(width: width) + [
                    lines.changeLine(before: nil, after: update.after, width: width), "\(values)    \(cost)",
                ],
                window
            )
        }
        return (sampleLines, totals, window)
    }
}

extension WalkPane {
    /// `frame`'s walk through the next step, while one goes on.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let state = frame.state
        guard let phase = state.walkPhase else { return nil }
        let trainer = state.trainer
        let update = state.previous.map {
            (
                before: $0.state.network[state.selection], after: trainer.network[state.selection],
                costBefore: $0.cost, costAfter: trainer.cost
            )
        }
        var walk = WalkPane(
            phase: phase, trace: frame.trace, names: frame.names, stepCount: trainer.stepCount,
            update: phase == .update ? update : nil)
        walk.stepSamples = StepSamplesText(frame.trace, hasTest: trainer.scenario.split.hasTest)
        // The update phase shows the step just taken, with the penalty it was taken with.
        walk.penalty = state.previous?.state.penalty ?? trainer.penalty
        walk.matrixForm = state.matrixForm
        if let taken = frame.data.walkStep {
            // The step just taken, re-taken from the state before it, for the optimizer's numbers
            // and the matrix form's.
            walk.takenStep = taken.trace
            if taken.trace.optimizer.name != .sgd {
                walk.optimizerTerms = OptimizerTerms(state.selection, in: taken.trace)
            }
        }
        return walk
    }

    /// The inspector's rows, whose place it takes, so that the screen keeps still as the walk
    /// starts and ends.
    func needs(_ offer: PaneOffer) -> PaneNeeds { InspectorPane.needs(of: trace) }
}
