/// Writes a worksheet's questions from the trainer's trace of its step: each number is the
/// trace's own, and its working is written with the givens as printed and the earlier answers
/// rounded as printed.
struct WorksheetQuestionWriter {
    /// The step, computed by the trainer from the givens.
    let trace: StepTrace
    /// The givens as printed.
    let givens: WorksheetGivens

    private var symbols: WorksheetSymbols { WorksheetSymbols(layerCount: trace.layers.count) }
    private var layerCount: Int { trace.layers.count }
    private var sampleCount: Int { trace.inputs.rows }

    /// Every question, numbered in the order of the step: per layer a and h (ŷ), then C, then
    /// from the last layer back e (hidden layers), δ, ∂C/∂W and ∂C/∂b, then every new W and b.
    var questions: [WorksheetQuestion] {
        var made: [(WorksheetPart, Made)] = []
        for layer in 0..<layerCount {
            made.append((.forward, preActivation(layer)))
            made.append((.forward, output(layer)))
        }
        made.append((.cost, cost()))
        for layer in (0..<layerCount).reversed() {
            if !symbols.isLast(layer) { made.append((.backward, error(layer))) }
            made.append((.backward, delta(layer)))
            made.append((.backward, weightGradient(layer)))
            made.append((.backward, biasGradient(layer)))
        }
        for layer in 0..<layerCount {
            made.append((.update, newWeights(layer)))
            made.append((.update, newBias(layer)))
        }
        return made.enumerated().map { number, entry in
            let (part, q) = entry
            return WorksheetQuestion(
                number: number + 1, part: part, title: q.title, meaning: q.meaning, rule: q.rule, rowLabels: q.rows,
                columnLabels: q.columns, cells: q.cells, rowsAreSamples: q.rowsAreSamples)
        }
    }

    /// A question before it is numbered.
    private struct Made {
        var title: String
        var meaning: String
        var rule: String
        var rows: [String]
        var columns: [String]
        var cells: [[WorksheetAnswer]]
        var rowsAreSamples: Bool
    }

    // MARK: Numbers as the working writes them

    /// A given as printed: "0.5", "-1".
    private func given(_ value: Double) -> String { WorksheetGivens.text(value) }
    /// A given as a factor: negative ones in parentheses.
    private func givenFactor(_ value: Double) -> String { parenthesized(given(value)) }
    /// An earlier answer as printed: "0.1200".
    private func answer(_ value: Double) -> String { DecimalRounding.text(value) }
    /// An earlier answer as a factor.
    private func answerFactor(_ value: Double) -> String { parenthesized(answer(value)) }
    private func parenthesized(_ text: String) -> String { text.hasPrefix("-") ? "(\(text))" : text }

    /// Terms joined by " + ", a negative term's number in parentheses already.
    private func sum(_ terms: [String]) -> String { terms.joined(separator: " + ") }

    private var samples: [String] { (0..<sampleCount).map(givens.sampleLabel) }
    private func neurons(_ layer: Int) -> [String] {
        (0..<trace.layers[layer].output.columns).map { symbols.output(layer, String($0 + 1)) }
    }
    private func inputs(_ layer: Int) -> [String] {
        (0..<trace.layers[layer].input.columns).map { symbols.input(layer, String($0 + 1)) }
    }

    /// Input i of `layer` for sample n: a given x, or the layer before's h as printed.
    private func inputValue(_ layer: Int, _ n: Int, _ i: Int) -> String {
        layer == 0 ? givenFactor(trace.inputs[n, i]) : answerFactor(trace.layers[layer - 1].output[n, i])
    }

    /// The layer's number in words: "layer 1", or "the network" with one layer.
    private func layerName(_ layer: Int) -> String {
        layerCount == 1 ? "the layer" : "layer \(layer + 1)"
    }

    // MARK: Forward

    private func preActivation(_ l: Int) -> Made {
        let layer = trace.layers[l]
        let weights = givens.network.layer(l)
        let s = symbols
        let cells = (0..<sampleCount).map { n in
            (0..<layer.output.columns).map { j in
                let jText = String(j + 1)
                let formula = sum(
                    (0..<layer.input.columns).map {
                        "\(s.input(l, String($0 + 1)))·\(s.weight(l, String($0 + 1), jText))"
                    }
                        + [s.bias(l, jText)])
                let numbers = sum(
                    (0..<layer.input.columns).map { "\(inputValue(l, n, $0))·\(givenFactor(weights.weights[$0, j]))" }
                        + [givenFactor(weights.bias[j])])
                return WorksheetAnswer(
                    name: s.preActivation(l, jText), formula: formula, numbers: numbers,
                    value: layer.preActivation[n, j])
            }
        }
        return Made(
            title: "\(s.matrix("a", l)) = \(s.inputMatrix(l))\(s.matrix("W", l)) + \(s.matrix("b", l))",
            meaning: "the weighted input of each neuron of \(layerName(l)), for each sample",
            rule: "\(s.preActivation(l, "j")) = Σi \(s.input(l, "i"))·\(s.weight(l, "i", "j")) + \(s.bias(l, "j"))",
            rows: samples, columns: (0..<layer.output.columns).map { s.preActivation(l, String($0 + 1)) },
            cells: cells, rowsAreSamples: true)
    }

    private func output(_ l: Int) -> Made {
        let layer = trace.layers[l]
        let s = symbols
        let g = layer.activation
        let a = { (j: String) in s.preActivation(l, j) }
        let cells = (0..<sampleCount).map { n in
            (0..<layer.output.columns).map { j in
                let jText = String(j + 1)
                let value = layer.preActivation[n, j]
                let formula: String
                let numbers: String
                switch g {
                case .sigmoid:
                    formula = "1/(1 + e^(-\(a(jText))))"
                    numbers = "1/(1 + e^(\(answer(-value))))"
                case .tanh:
                    formula = "tanh(\(a(jText)))"
                    numbers = "tanh(\(answer(value)))"
                case .relu:
                    formula = "max(0, \(a(jText)))"
                    numbers = "max(0, \(answer(value)))"
                case .linear:
                    formula = a(jText)
                    numbers = answer(value)
                case .softmax:
                    let all = (0..<layer.output.columns)
                    formula = "e^(\(a(jText)))/(\(sum(all.map { "e^(\(a(String($0 + 1))))" })))"
                    numbers =
                        "e^(\(answer(value)))/(\(sum(all.map { "e^(\(answer(layer.preActivation[n, $0])))" })))"
                }
                return WorksheetAnswer(
                    name: s.output(l, jText), formula: formula, numbers: numbers, value: layer.output[n, j])
            }
        }
        let rule: String
        switch g {
        case .sigmoid: rule = "\(s.output(l, "j")) = 1/(1 + e^(-\(a("j"))))"
        case .tanh: rule = "\(s.output(l, "j")) = tanh(\(a("j")))"
        case .relu: rule = "\(s.output(l, "j")) = max(0, \(a("j")))"
        case .linear: rule = "\(s.output(l, "j")) = \(a("j"))"
        case .softmax: rule = "\(s.output(l, "j")) = e^(\(a("j")))/Σk e^(\(a("k")))"
        }
        let what = s.isLast(l) ? "the prediction of each output" : "the output of each neuron of \(layerName(l))"
        return Made(
            title: "\(s.outputMatrix(l)) = g(\(s.matrix("a", l))), g = \(g.rawValue)",
            meaning: "\(what), for each sample", rule: rule, rows: samples, columns: neurons(l), cells: cells,
            rowsAreSamples: true)
    }

    // MARK: Cost

    private func cost() -> Made {
        let prediction = trace.prediction
        let targets = trace.targets
        let outputs = targets.columns
        let entries = (0..<sampleCount).flatMap { n in (0..<outputs).map { (n, $0) } }
        let formula: String
        var numbers: String
        let rule: String
        switch trace.loss {
        case .sse, .mse:
            formula = "Σ (ŷ - y)²"
            numbers = sum(entries.map { "(\(answer(prediction[$0.0, $0.1])) - \(givenFactor(targets[$0.0, $0.1])))²" })
            rule = "C = Σ (ŷj - yj)² over every sample and output"
        case .bce:
            formula = "-Σ [y·ln(ŷ) + (1 - y)·ln(1 - ŷ)]"
            let terms = entries.flatMap { n, j -> [String] in
                let (y, yHat) = (targets[n, j], answer(prediction[n, j]))
                var terms: [String] = []
                if y != 0 { terms.append("\(givenFactor(y))·ln(\(yHat))") }
                if y != 1 { terms.append("(1 - \(givenFactor(y)))·ln(1 - \(yHat))") }
                return terms
            }
            numbers = "-(\(sum(terms)))"
            rule = "C = -Σ [yj·ln(ŷj) + (1 - yj)·ln(1 - ŷj)] over every sample and output"
        case .ce:
            formula = "-Σ y·ln(ŷ)"
            let terms = entries.compactMap { n, j -> String? in
                targets[n, j] == 0 ? nil : "\(givenFactor(targets[n, j]))·ln(\(answer(prediction[n, j])))"
            }
            numbers = "-(\(sum(terms)))"
            rule = "C = -Σ yj·ln(ŷj) over every sample and output"
        }
        var title = "C, loss \(trace.loss.rawValue)"
        var shownFormula = formula
        var shownRule = rule
        if trace.loss == .mse {
            let count = sampleCount * outputs
            numbers = "(\(numbers))/\(count)"
            shownFormula = "\(formula)/(N·m)"
            shownRule = "C = Σ (ŷj - yj)²/(N·m) over every sample and output, N·m = \(count)"
            title = "C, loss mse"
        }
        let cell = WorksheetAnswer(name: "C", formula: shownFormula, numbers: numbers, value: trace.batchCost)
        return Made(
            title: title, meaning: "the cost of the step's samples", rule: shownRule, rows: [""], columns: ["C"],
            cells: [[cell]], rowsAreSamples: false)
    }

    // MARK: Backward

    private func error(_ l: Int) -> Made {
        let layer = trace.layers[l]
        let above = trace.layers[l + 1]
        let weights = givens.network.layer(l + 1).weights
        let s = symbols
        let cells = (0..<sampleCount).map { n in
            (0..<layer.output.columns).map { j in
                let jText = String(j + 1)
                let ks = 0..<above.delta.columns
                return WorksheetAnswer(
                    name: s.error(l, jText),
                    formula: sum(
                        ks.map { "\(s.delta(l + 1, String($0 + 1)))·\(s.weight(l + 1, jText, String($0 + 1)))" }),
                    numbers: sum(ks.map { "\(answerFactor(above.delta[n, $0]))·\(givenFactor(weights[j, $0]))" }),
                    value: layer.error[n, j])
            }
        }
        return Made(
            title: "\(s.matrix("e", l)) = \(s.matrix("δ", l + 1))(\(s.matrix("W", l + 1)))ᵀ",
            meaning: "the error sent back into each neuron of \(layerName(l)), for each sample",
            rule: "\(s.error(l, "j")) = Σk \(s.delta(l + 1, "k"))·\(s.weight(l + 1, "j", "k"))", rows: samples,
            columns: (0..<layer.output.columns).map { s.error(l, String($0 + 1)) }, cells: cells,
            rowsAreSamples: true)
    }

    /// g'(a) in symbols and with numbers, from the output h (sigmoid, tanh) or a (relu).
    private func derivative(_ l: Int, _ n: Int, _ j: Int) -> (formula: String, numbers: String) {
        let layer = trace.layers[l]
        let s = symbols
        let h = s.output(l, String(j + 1))
        let value = layer.output[n, j]
        switch layer.activation {
        case .sigmoid, .softmax: return ("\(h)(1 - \(h))", "\(answerFactor(value))·(1 - \(answerFactor(value)))")
        case .tanh: return ("(1 - \(h)²)", "(1 - \(answerFactor(value))²)")
        case .relu:
            return ("g'(\(s.preActivation(l, String(j + 1))))", layer.preActivation[n, j] > 0 ? "1" : "0")
        case .linear: return ("1", "1")
        }
    }

    /// g'(a) of `g` in symbols with the letter j.
    private func derivativeRule(_ l: Int) -> String {
        let s = symbols
        let h = s.output(l, "j")
        switch trace.layers[l].activation {
        case .sigmoid, .softmax: return "\(h)(1 - \(h))"
        case .tanh: return "(1 - \(h)²)"
        case .relu: return "(1 if \(s.preActivation(l, "j")) > 0, else 0)"
        case .linear: return "1"
        }
    }

    private func delta(_ l: Int) -> Made {
        let layer = trace.layers[l]
        let s = symbols
        let last = s.isLast(l)
        let classification = last && trace.loss.isClassification
        let outputs = trace.targets.columns
        let mse = trace.loss == .mse
        let scale = mse ? "/(N·m)" : ""
        let count = String(sampleCount * outputs)
        let cells = (0..<sampleCount).map { n in
            (0..<layer.output.columns).map { j -> WorksheetAnswer in
                let jText = String(j + 1)
                let formula: String
                let numbers: String
                let yHat = answer(layer.output[n, j])
                // Only the last layer has targets.
                let y = last ? givenFactor(trace.targets[n, j]) : ""
                if classification {
                    formula = "ŷ\(jText) - y\(jText)"
                    numbers = "\(yHat) - \(y)"
                } else {
                    let (g, gNumbers) = derivative(l, n, j)
                    if last {
                        formula = "\(g)·2(ŷ\(jText) - y\(jText))\(scale)"
                        numbers = "\(gNumbers)·2·(\(yHat) - \(y))\(mse ? "/\(count)" : "")"
                    } else {
                        formula = "\(g)·\(s.error(l, jText))"
                        numbers = "\(gNumbers)·\(answerFactor(layer.error[n, j]))"
                    }
                }
                return WorksheetAnswer(
                    name: s.delta(l, jText), formula: formula, numbers: numbers, value: layer.delta[n, j])
            }
        }
        let title: String
        let rule: String
        if classification {
            title = "\(s.matrix("δ", l)) = ŷ - y (g' cancels in \(trace.loss.rawValue))"
            rule = "\(s.delta(l, "j")) = ŷj - yj"
        } else if last {
            title = "\(s.matrix("δ", l)) = g'(\(s.matrix("a", l))) ⊙ ∂C/∂ŷ"
            rule =
                "\(s.delta(l, "j")) = g'(\(s.preActivation(l, "j")))·∂C/∂ŷj = \(derivativeRule(l))·2(ŷj - yj)\(mse ? "/(N·m), N·m = \(count)" : "")"
        } else {
            title = "\(s.matrix("δ", l)) = g'(\(s.matrix("a", l))) ⊙ \(s.matrix("e", l))"
            rule =
                "\(s.delta(l, "j")) = g'(\(s.preActivation(l, "j")))·\(s.error(l, "j")) = \(derivativeRule(l))·\(s.error(l, "j"))"
        }
        return Made(
            title: title, meaning: "the delta of each neuron of \(layerName(l)), for each sample", rule: rule,
            rows: samples, columns: (0..<layer.output.columns).map { s.delta(l, String($0 + 1)) }, cells: cells,
            rowsAreSamples: true)
    }

    private func weightGradient(_ l: Int) -> Made {
        let layer = trace.layers[l]
        let s = symbols
        let cells = (0..<layer.input.columns).map { i in
            (0..<layer.output.columns).map { j in
                let (iText, jText) = (String(i + 1), String(j + 1))
                return WorksheetAnswer(
                    name: "∂C/∂\(s.weight(l, iText, jText))",
                    formula: "Σn \(s.input(l, iText))·\(s.delta(l, jText))",
                    numbers: sum(
                        (0..<sampleCount).map { "\(inputValue(l, $0, i))·\(answerFactor(layer.delta[$0, j]))" }),
                    value: layer.weightGradient[i, j])
            }
        }
        return Made(
            title: "∂C/∂\(s.matrix("W", l)) = \(l == 0 ? "x" : "(\(s.inputMatrix(l)))")ᵀ\(s.matrix("δ", l))",
            meaning: "the gradient of each weight of \(layerName(l)), summed over the samples",
            rule: "∂C/∂\(s.weight(l, "i", "j")) = Σn \(s.input(l, "i"))·\(s.delta(l, "j")), over the samples n",
            rows: inputs(l), columns: neurons(l), cells: cells, rowsAreSamples: false)
    }

    private func biasGradient(_ l: Int) -> Made {
        let layer = trace.layers[l]
        let s = symbols
        let row = (0..<layer.output.columns).map { j in
            let jText = String(j + 1)
            return WorksheetAnswer(
                name: "∂C/∂\(s.bias(l, jText))", formula: "Σn \(s.delta(l, jText))",
                numbers: sum((0..<sampleCount).map { answerFactor(layer.delta[$0, j]) }),
                value: layer.biasGradient[j])
        }
        return Made(
            title: "∂C/∂\(s.matrix("b", l)) = Σn \(s.matrix("δ", l))",
            meaning: "the gradient of each bias of \(layerName(l)), summed over the samples",
            rule: "∂C/∂\(s.bias(l, "j")) = Σn \(s.delta(l, "j")), over the samples n", rows: [s.matrix("b", l)],
            columns: neurons(l), cells: [row], rowsAreSamples: false)
    }

    // MARK: Update

    /// "/N" when the reduction averages, with N's value for the numbers.
    private func average(_ averages: Bool) -> (formula: String, numbers: String) {
        averages ? ("/N", "/\(sampleCount)") : ("", "")
    }

    private func newWeights(_ l: Int) -> Made {
        let layer = trace.layers[l]
        let before = givens.network.layer(l).weights
        let after = trace.networkAfter.layer(l).weights
        let s = symbols
        let (over, overNumbers) = average(trace.reduction.averagesWeights)
        let lr = given(trace.learningRate)
        let cells = (0..<layer.input.columns).map { i in
            (0..<layer.output.columns).map { j in
                let w = s.weight(l, String(i + 1), String(j + 1))
                return WorksheetAnswer(
                    name: "new \(w)", formula: "\(w) - lr·∂C/∂\(w)\(over)",
                    numbers: "\(given(before[i, j])) - \(lr)·\(answerFactor(layer.weightGradient[i, j]))\(overNumbers)",
                    value: after[i, j])
            }
        }
        let w = s.matrix("W", l)
        return Made(
            title: "new \(w) = \(w) - lr·∂C/∂\(w)\(over)",
            meaning: "the weights of \(layerName(l)) after the step\(reductionNote)",
            rule:
                "new \(s.weight(l, "i", "j")) = \(s.weight(l, "i", "j")) - lr·∂C/∂\(s.weight(l, "i", "j"))\(over), lr = \(lr)\(over.isEmpty ? "" : ", N = \(sampleCount)")",
            rows: inputs(l), columns: neurons(l), cells: cells, rowsAreSamples: false)
    }

    private func newBias(_ l: Int) -> Made {
        let layer = trace.layers[l]
        let before = givens.network.layer(l).bias
        let after = trace.networkAfter.layer(l).bias
        let s = symbols
        let (over, overNumbers) = average(trace.reduction.averagesBias)
        let lr = given(trace.learningRate)
        let row = (0..<layer.output.columns).map { j in
            let b = s.bias(l, String(j + 1))
            return WorksheetAnswer(
                name: "new \(b)", formula: "\(b) - lr·∂C/∂\(b)\(over)",
                numbers: "\(given(before[j])) - \(lr)·\(answerFactor(layer.biasGradient[j]))\(overNumbers)",
                value: after[j])
        }
        let b = s.matrix("b", l)
        return Made(
            title: "new \(b) = \(b) - lr·∂C/∂\(b)\(over)",
            meaning: "the biases of \(layerName(l)) after the step\(reductionNote)",
            rule:
                "new \(s.bias(l, "j")) = \(s.bias(l, "j")) - lr·∂C/∂\(s.bias(l, "j"))\(over), lr = \(lr)\(over.isEmpty ? "" : ", N = \(sampleCount)")",
            rows: [b], columns: neurons(l), cells: [row], rowsAreSamples: false)
    }

    /// Why the update divides by N, where it does.
    private var reductionNote: String {
        switch trace.reduction {
        case .sum: return ""
        case .mean: return " (reduction mean: the gradient's mean over the N samples)"
        case .seed: return " (reduction seed, the article's: W by the sum, b by the mean)"
        }
    }
}
