import BackpropCore

/// The quiz, in the inspector's place. While the question waits: the question, the formula
/// whose factors the panes above show (their numbers, not the answer), and how answers are
/// judged. Once answered: the verdict (green when right, red when wrong), with the true value
/// and the guess, then the numbers that explain it, from the step just taken: for a gradient the
/// inspector's chain-rule lines, for the cost its change and the first-order estimate, for a
/// prediction its move towards or away from y, for an error the sum that sent it back.
struct QuizPane: Pane {
    let quiz: Quiz
    let score: QuizScore
    /// The step the current state would take: what a waiting question is about.
    let trace: StepTrace
    /// How the screen names the network's numbers.
    let names: SymbolNames
    /// Whether the scenario holds test samples out of every step, so the sums say "training".
    var hasTest = false
    /// In a bug hunt, the layers (0-based) the planted bug breaks in this scenario: the verdict
    /// on "which bug?" says where the gradient check shows it.
    var brokenLayers: [Int] = []

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        guard area.height >= 3 else { return }
        let glyphs = context.glyphs
        canvas.drawBox(area, title: glyphs.spelled(title), glyphs: glyphs)
        let inside = area.inset(by: 1)
        let lines = self.lines(width: inside.width - 2, rows: inside.height, context: context)
        for (index, line) in lines.prefix(inside.height).enumerated() {
            canvas.put(line.text, x: inside.x + 1, y: inside.y + index, style: line.style, clip: inside)
        }
    }

    /// "Quiz · question 4 · score 3/3 · Tab: 1 of 4", or with the verdict once answered.
    var title: String {
        var parts = ["Quiz", "question \(quiz.number)"]
        if let verdict = quiz.verdict {
            parts.append(verdict.isRight ? "right" : "wrong")
            parts.append("score \(score.text)")
            parts.append("t asks again, Esc closes")
        } else {
            if score.answered > 0 { parts.append("score \(score.text)") }
            parts.append("Tab: \(quiz.position + 1) of \(quiz.questions.count) kinds")
        }
        return parts.joined(separator: " · ")
    }

    /// The pane's lines for `rows` rows of `width` columns, spelled for the frame's glyphs.
    func lines(width: Int, rows: Int, context: PaneContext) -> [InspectorPane.Line] {
        switch quiz.phase {
        case .asking:
            return askingLines(width: width, rows: rows, context: context)
        case .revealed(let verdict, let taken):
            return revealedLines(verdict, trace: taken, width: width, rows: rows, context: context)
        }
    }

    // MARK: - The question

    private func askingLines(width: Int, rows: Int, context: PaneContext) -> [InspectorPane.Line] {
        let glyphs = context.glyphs
        let text = equationText(trace, context: context)
        let step = trace.number
        let question: [String]
        let clue: [String]
        switch quiz.question {
        case .whichBug: return whichBugLines(width: width, rows: rows, context: context)
        case .gradient(let parameter):
            let gradient = gradientSubject(parameter, in: trace, text: text)
            question = [
                "Which way will \(gradient) point in step \(step): + or -? Or type its value.",
                "\(gradient) in step \(step): + or -, or its value?",
            ]
            let symbol = InspectorPane(trace: trace, names: names).termSymbol(parameter, text: text)
            let over = StepSamplesText(trace, hasTest: hasTest).phrase
            clue = [
                "\(gradient) = \(glyphs.sum) over \(over) of \(symbol)",
                "\(gradient) = \(glyphs.sum) \(symbol)",
            ]
        case .cost:
            let lr = DecimalNumber.text(trace.learningRate)
            question = [
                "Will C fall in step \(step), at lr \(lr)? y or n (+ or - for its change), or the new C.",
                "Will C fall in step \(step), at lr \(lr)? y or n, or the new C.",
                "Will C fall in step \(step)? y or n",
            ]
            let move =
                trace.optimizer.name == .sgd
                ? "-lr \(glyphs.times) \(glyphs.partial)C/\(glyphs.partial)\(glyphs.omega) (the \(glyphs.partial)C/\(glyphs.partial)\(glyphs.omega) columns above)"
                : "\(trace.optimizer.name.rawValue)'s step from the \(glyphs.partial)C/\(glyphs.partial)\(glyphs.omega) columns above"
            let short =
                trace.optimizer.name == .sgd
                ? "-lr \(glyphs.times) \(glyphs.partial)C/\(glyphs.partial)θ"
                : "\(trace.optimizer.name.rawValue)'s step"
            clue = [
                "C is \(text.value(trace.costBefore)) now; the step moves every weight and bias by \(move)",
                "C is \(text.value(trace.costBefore)) now; every weight and bias moves by \(short)",
                "C is \(text.value(trace.costBefore)) now",
            ]
        case .prediction(let s, let j):
            let yHat = "\(glyphs.prediction)\(j + 1)"
            question = [
                "After step \(step), will \(yHat) of sample \(s + 1) go up (+) or down (-)? Or type its new value.",
                "\(yHat) of sample \(s + 1) after step \(step): + (up) or - (down), or its value?",
            ]
            // The sample is one of the step's: its row there.
            let r = trace.row(of: s) ?? 0
            let now =
                "\(yHat) of sample \(s + 1) is \(text.value(trace.prediction[r, j])) now, and y\(j + 1) is \(text.dataValue(trace.targets[r, j]))"
            clue = ["\(now): the step moves every weight and bias towards a lower C", now]
        case .errorSentBack(let l, let j, let s):
            let e = names.error(layer: l, j)
            let neuron = names.output(layer: l, j)
            question = [
                "What error \(e) does sample \(s + 1) send back to \(neuron) in step \(step): + or -? Or type its value.",
                "What error \(e) does sample \(s + 1) send back to \(neuron): + or -? Or its value.",
                "\(e) of sample \(s + 1): + or -, or its value?",
            ]
            let mark = names.mark(l + 1)
            let sum = "\(e) = \(glyphs.sum)k \(glyphs.delta)\(mark)k \(glyphs.times) \(glyphs.omega)\(mark)\(j + 1)k"
            clue = [
                "\(sum), over the \(trace.layers[l + 1].delta.columns) neurons k of layer \(l + 2); \(glyphs.omega)\(mark)\(j + 1)k is row \(neuron) of Layer \(l + 2)",
                "\(sum); \(glyphs.omega)\(mark)\(j + 1)k is row \(neuron) of Layer \(l + 2)", sum,
            ]
        }
        let rule =
            quiz.question.takesYesOrNo
            ? [
                "Right: y if C falls, n if not; a new C within 10% (or 0.005). Enter answers, then the step is taken.",
                "Right: y if C falls, n if not; a value within 10% (or 0.005)",
            ]
            : [
                "Right: the sign, or a value within 10% (or 0.005 near 0). Enter answers, then the step is taken.",
                "Right: the sign, or a value within 10% (or 0.005 near 0)",
            ]
        return [
            line(question, width: width, glyphs: glyphs, style: Style(bold: true)),
            line(clue, width: width, glyphs: glyphs),
            line(rule, width: width, glyphs: glyphs, style: Style(dim: true)),
        ]
    }

    // MARK: - The answer

    private func revealedLines(
        _ verdict: QuizVerdict, trace taken: StepTrace, width: Int, rows: Int, context: PaneContext
    ) -> [InspectorPane.Line] {
        if case .whichBug(let bug) = verdict.question {
            return Array(bugVerdictLines(verdict, bug: bug, width: width, context: context).prefix(rows))
        }
        let glyphs = context.glyphs
        let text = equationText(taken, context: context)
        let style = verdict.isRight ? Style(foreground: .green, bold: true) : Style(foreground: .red, bold: true)
        var lines = [line(verdictTexts(verdict, trace: taken, text: text), width: width, glyphs: glyphs, style: style)]
        let room = max(0, rows - 1)
        switch verdict.question {
        case .gradient(let parameter):
            let inspection = PaneContext(
                glyphs: glyphs, number: context.number, selection: parameter, sample: context.sample,
                walkPhase: nil)
            let inspector = InspectorPane(
                trace: taken, names: names, stepSamples: StepSamplesText(taken, hasTest: hasTest))
            var explanation = inspector.lines(width: width, rows: room, context: inspection)
            // Where the samples' lines have no room for their symbols, the inspector's title
            // names them; this pane's title does not, so a line does.
            let symbol = glyphs.spelled(inspector.termSymbol(parameter, text: text))
            if !explanation.contains(where: { $0.text.contains(symbol) }) {
                let gradient = gradientSubject(parameter, in: taken, text: text)
                explanation = inspector.lines(width: width, rows: room - 1, context: inspection)
                lines.append(
                    line(
                        ["\(gradient) = \(glyphs.sum) over the samples of \(symbol):", "each sample: \(symbol)"],
                        width: width, glyphs: glyphs))
            }
            lines += explanation
        case .cost:
            lines += costLines(taken, width: width, glyphs: glyphs, context: context)
        case .prediction(let s, let j):
            lines += predictionLines(verdict, sample: s, output: j, trace: taken, text: text, width: width)
        case .errorSentBack(let l, let j, let s):
            lines += errorLines(layer: l, neuron: j, sample: s, trace: taken, width: width, context: context)
        case .whichBug: break
        }
        return Array(lines.prefix(rows))
    }

    /// What a gradient question asks about, named as the inspector names it: with a penalty a
    /// weight's step adds λω (or λ·sign ω) to the data's ∂C/∂ω, and the quiz asks about the
    /// data's share, so it is "data ∂C/∂ω¹11", never the bare name the inspector gives the total.
    private func gradientSubject(_ parameter: ParameterIndex, in trace: StepTrace, text: EquationText) -> String {
        let gradient = text.gradientSymbol(names.parameter(parameter))
        guard case .weight = parameter, trace.penalty.isActive else { return gradient }
        return "data \(gradient)"
    }

    /// The verdict in words, longest first: the true value, the guess, and how far apart.
    private func verdictTexts(_ verdict: QuizVerdict, trace taken: StepTrace, text: EquationText) -> [String] {
        let glyphs = text.glyphs
        let truth = verdict.truth
        let word = verdict.isRight ? "right" : "wrong"
        let subject: String
        switch verdict.question {
        case .gradient(let parameter): subject = gradientSubject(parameter, in: taken, text: text)
        case .cost: subject = "C"
        case .prediction(let s, let j): subject = "\(glyphs.prediction)\(j + 1) of sample \(s + 1)"
        case .errorSentBack(let l, let j, let s): subject = "\(names.error(layer: l, j)) of sample \(s + 1)"
        case .whichBug: subject = "the bug"
        }
        let change = truth.before.map { text.change(from: $0, to: truth.value) }
        switch verdict.answer {
        case .value(let guess, let typed):
            let fact =
                truth.before == nil
                ? "\(subject) = \(text.value(truth.value))"
                : "\(subject) after step \(taken.number) = \(text.value(truth.value))"
            let miss = text.value(abs(guess - truth.value))
            return [
                "\(word): \(fact); you said \(typed), off by \(miss) (right within \(text.value(verdict.tolerance)))",
                "\(word): \(fact); you said \(typed), off by \(miss)", "\(word): \(fact); you said \(typed)",
            ]
        case .bug(let guess):
            return ["\(word): you said \(guess.rawValue)"]
        case .plus, .minus, .yes, .no:
            let said: String
            switch verdict.answer {
            case .plus: said = "+"
            case .minus: said = "-"
            case .yes: said = "y, it falls"
            default: said = "n, it does not fall"
            }
            let fact: String
            if let change {
                let d = truth.direction
                let way =
                    verdict.question == .cost
                    ? (d < 0 ? "fell" : d > 0 ? "rose" : d == 0 ? "stayed" : "stopped being a number")
                    : (d < 0 ? "went down" : d > 0 ? "went up" : "stayed")
                fact = "\(subject) \(way), \(change)"
            } else {
                let v = truth.value
                let sign = v > 0 ? "positive" : v < 0 ? "negative" : "exactly 0, neither + nor -"
                fact = "\(subject) = \(text.value(v)) is \(sign)"
            }
            return ["\(word): \(fact); you said \(said)"]
        }
    }

    /// C before and after, and what the gradient predicted: ΔC ≈ Σ ∂C/∂θ · Δθ.
    private func costLines(_ taken: StepTrace, width: Int, glyphs: Glyphs, context: PaneContext) -> [InspectorPane.Line]
    {
        let before = taken.networkBefore.parameters
        let after = taken.networkAfter.parameters
        let gradient = taken.gradient
        var estimate = 0.0
        for index in gradient.indices { estimate += gradient[index] * (after[index] - before[index]) }
        let change = taken.costAfter - taken.costBefore
        let text = equationText(taken, context: context)
        let (partial, delta) = (glyphs.partial, glyphs.change)
        let costs = text.change("C", from: taken.costBefore, to: taken.costAfter)
        let first = "\(costs)   \(delta)C = \(text.value(change))"
        let estimateLine = [
            "the gradient predicts \(delta)C ≈ \(glyphs.sum) \(partial)C/\(partial)θ \(glyphs.times) \(delta)θ = \(text.value(estimate)), over all \(gradient.count) weights and biases",
            "first order: \(delta)C ≈ \(glyphs.sum) \(partial)C/\(partial)θ \(glyphs.times) \(delta)θ = \(text.value(estimate))",
        ]
        let lesson: [String]
        if change < 0 {
            lesson = [
                "the step went downhill: a small enough lr always lowers C; v previews other lrs",
                "downhill: a small enough lr lowers C",
            ]
        } else {
            lesson = [
                "the step overshot: at lr \(DecimalNumber.text(taken.learningRate)) it went past the valley's floor; - lowers lr, v previews",
                "overshot: - lowers lr",
            ]
        }
        return [
            line([first], width: width, glyphs: glyphs),
            line(estimateLine, width: width, glyphs: glyphs),
            line(lesson, width: width, glyphs: glyphs),
        ]
    }

    /// ŷ before and after beside y: did this sample's error shrink?
    private func predictionLines(
        _ verdict: QuizVerdict, sample s: Int, output j: Int, trace taken: StepTrace, text: EquationText, width: Int
    ) -> [InspectorPane.Line] {
        let glyphs = text.glyphs
        let truth = verdict.truth
        let before = truth.before ?? truth.value
        let target = taken.targets[taken.row(of: s) ?? 0, j]
        let yHat = "\(glyphs.prediction)\(j + 1)"
        let y = "y\(j + 1)"
        let distance = text.change("|\(yHat) - \(y)|", from: abs(before - target), to: abs(truth.value - target))
        let toward = abs(truth.value - target) < abs(before - target)
        let move = [
            "it moved \(toward ? "towards" : "away from") \(y) = \(text.dataValue(target)): \(distance)",
            "\(toward ? "towards" : "away from") \(y): \(distance)",
        ]
        // Why a step can take one sample further from its target: it follows the whole cost.
        let lesson = [
            toward
                ? "the step lowers the total C; here it also brought this sample closer"
                : "the step lowers the total C, not every sample's error: this one got worse"
        ]
        let last = names.layerCount - 1
        let a = names.preActivation(layer: last, j)
        let why = [
            "\(yHat) = g(\(a)), and the step moved every weight and bias that makes \(a), each by its own -lr \(glyphs.times) \(glyphs.partial)C/\(glyphs.partial)θ",
            "\(yHat) = g(\(a)): the step moved the weights and biases behind \(a)",
        ]
        return [move, lesson, why].map { line($0, width: width, glyphs: glyphs) }
    }

    /// The sum that sent the error back, then the δ it makes and what δ is for.
    private func errorLines(
        layer l: Int, neuron j: Int, sample s: Int, trace taken: StepTrace, width: Int, context: PaneContext
    ) -> [InspectorPane.Line] {
        let glyphs = context.glyphs
        // `s` is the sample's number in the data; `r` its row in the step (its batch).
        let r = taken.row(of: s) ?? 0
        let terms = ErrorTerm.terms(layer: l, neuron: j, sample: r, in: taken)
        let layerTrace = taken.layers[l]
        let derivative = layerTrace.activationDerivative[r, j]
        let error = layerTrace.error[r, j]
        let delta = layerTrace.delta[r, j]
        let text = equationText(taken, context: context)
        let sentBack = ErrorSentBack(names: names, text: text).line(
            layer: l, neuron: j, terms: terms, error: error, width: width - "sample \(s + 1): ".count)
        let d = names.delta(layer: l, j)
        let product =
            "\(d) = \(names.derivative(layer: l, j)) \(glyphs.times) \(names.error(layer: l, j)) = \(text.factor(derivative)) \(glyphs.times) \(text.factor(error)) = \(text.value(delta))"
        let use = [
            "each weight into \(names.output(layer: l, j)) then gets \(glyphs.partial)C/\(glyphs.partial)\(glyphs.omega) = its input \(glyphs.times) \(d): the error has travelled back one layer",
            "each weight into \(names.output(layer: l, j)) gets its input \(glyphs.times) \(d)",
        ]
        return [
            line(["sample \(s + 1): \(sentBack)"], width: width, glyphs: glyphs),
            line([product], width: width, glyphs: glyphs),
            line(use, width: width, glyphs: glyphs),
        ]
    }

    // MARK: - Helpers

    /// Equation text for the quiz's numbers, by the frame's rule.
    private func equationText(_ trace: StepTrace, context: PaneContext) -> EquationText {
        EquationText(number: context.number, glyphs: context.glyphs, loss: trace.loss)
    }

    /// The first of `candidates` that fits `width` once spelled for the glyphs.
    func line(_ candidates: [String], width: Int, glyphs: Glyphs, style: Style = .plain) -> InspectorPane.Line {
        InspectorPane.Line(
            text: LineFit.first(candidates.map(glyphs.spelled), width: width, ellipsis: glyphs.ellipsis), style: style)
    }
}

extension QuizPane {
    /// `frame`'s quiz, while one is open.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let score = frame.state.quizScore
        let hasTest = frame.state.trainer.scenario.split.hasTest
        let trainer = frame.state.trainer
        let broken = trainer.bug?.brokenLayers(in: trainer.scenario) ?? []
        return frame.state.quiz.map {
            QuizPane(
                quiz: $0, score: score, trace: frame.trace, names: frame.names, hasTest: hasTest, brokenLayers: broken)
        }
    }

    /// The inspector's rows, whose place it takes, and one more for an answer's verdict.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        var needs = InspectorPane.needs(of: trace)
        if case .whichBug = quiz.question {
            // The question, the six bugs a line each, and how to answer (or the verdict's lines).
            needs.wantedHeight = max(needs.wantedHeight, PlantedBug.allCases.count + 4)
            return needs
        }
        if !quiz.isAsking {
            needs.minimumHeight += 1
            needs.wantedHeight += 1
        }
        return needs
    }
}
