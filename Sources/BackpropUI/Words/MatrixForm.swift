import BackpropCore

/// The step in matrix form (`M`): for each phase of the walk, its formulas over whole matrices
/// (one row a sample of the step), their shapes and the same lines in numpy.
///
/// The numpy names are the ones `--emit python` writes: inputs `x`, targets `y`, `W1` and `b1`
/// (layer numbers from 1, with one layer too), pre-activations `a1`, outputs `h1`, the last
/// layer's `yhat`, deltas `d1`, errors sent back `e1`, gradients `dW1` and `db1` (the exact
/// ∂C/∂W and ∂C/∂b, as the screen's ∂C/∂W¹ beside them), the learning rate `lr`, the step's
/// sample count `n`. An activation is a function of its name (`sigmoid(a1)`, `tanh(a1)`), its
/// derivative the name and `_derivative`, of a and h (`tanh_derivative(a1, h1)`), as the
/// script defines them. The reduction's factor is written where it acts, in the
/// update (`W1 -= lr * dW1 / n` for `mean`; `b1 -= lr * db1 / n` for `seed` and `mean`), so
/// that dW1 and the numbers under ∂C/∂W¹ are the same numbers.
struct MatrixForm: Sendable {
    /// How the screen names the network's numbers (its marks: ¹, ², or [1] in ASCII).
    let names: SymbolNames

    private var glyphs: Glyphs { names.glyphs }

    /// × between a shape's rows and columns (x in ASCII).
    private var cross: String { glyphs.isASCII ? "x" : "×" }

    /// The element-wise product: ⊙ (* in ASCII).
    var hadamard: String { glyphs.isASCII ? "*" : "⊙" }

    /// "[4×3]".
    func shape(_ rows: Int, _ columns: Int) -> String { "[\(rows)\(cross)\(columns)]" }

    /// "[4×3]" for `matrix`.
    func shape(_ matrix: Matrix) -> String { shape(matrix.rows, matrix.columns) }

    /// Layer `layer`'s (0-based) letter with its mark: "W²", "W" with one layer, "W[2]" in ASCII.
    func symbol(_ letter: String, _ layer: Int) -> String { "\(letter)\(names.mark(layer))" }

    /// What layer `layer` reads, in symbols: x, or h¹.
    func inputSymbol(_ layer: Int) -> String { layer == 0 ? "x" : symbol("h", layer - 1) }

    /// What layer `layer` makes, in symbols: h¹, or ŷ for the last layer.
    func outputSymbol(_ layer: Int) -> String {
        layer == names.layerCount - 1 ? glyphs.prediction : symbol("h", layer)
    }

    /// `name` transposed: "xᵀ", "(h¹)ᵀ", "(W²)ᵀ".
    func transposed(_ name: String) -> String {
        name.count == 1 ? "\(name)\(glyphs.transpose)" : "(\(name))\(glyphs.transpose)"
    }

    /// The numpy name of layer `layer`'s matrix `letter`: "W2", "dW2", "a1".
    static func code(_ letter: String, _ layer: Int) -> String { "\(letter)\(layer + 1)" }

    /// What layer `layer` reads, in numpy: x, or h1.
    func inputCode(_ layer: Int) -> String { layer == 0 ? "x" : MatrixForm.code("h", layer - 1) }

    /// What layer `layer` makes, in numpy: h1, or yhat for the last layer.
    func outputCode(_ layer: Int) -> String {
        layer == names.layerCount - 1 ? "yhat" : MatrixForm.code("h", layer)
    }

    /// `matrix` with rows and columns swapped.
    static func transpose(_ matrix: Matrix) -> Matrix {
        var elements: [Double] = []
        elements.reserveCapacity(matrix.rows * matrix.columns)
        for column in 0..<matrix.columns {
            for row in 0..<matrix.rows { elements.append(matrix[row, column]) }
        }
        return Matrix(rows: matrix.columns, columns: matrix.rows, elements: elements)
    }

    /// A row of numbers as a 1-row matrix (a bias, ∂C/∂b).
    static func row(_ values: [Double]) -> Matrix { Matrix(rows: 1, columns: values.count, elements: values) }

    // MARK: The phases

    /// The formulas of `phase` in `trace`, the step the walk goes through; for the update,
    /// `trace` is the step just taken.
    func formulas(for phase: StepPhase, in trace: StepTrace) -> [MatrixFormula] {
        switch phase {
        case .forward(let layer): return forward(layer, in: trace)
        case .cost: return [cost(in: trace)]
        case .backward(let layer): return backward(layer, in: trace)
        case .update: return update(layer: nil, in: trace)
        }
    }

    /// aˡ = hˡ⁻¹ Wˡ + bˡ, then hˡ = gˡ(aˡ).
    func forward(_ layer: Int, in trace: StepTrace) -> [MatrixFormula] {
        let step = trace.layers[layer]
        let weights = trace.networkBefore.layer(layer)
        let (a, w, b) = (symbol("a", layer), symbol("W", layer), symbol("b", layer))
        let input = inputSymbol(layer)
        let sum = MatrixFormula(
            math: "\(a) = \(input) \(w) + \(b)",
            shapes:
                "\(shape(step.preActivation)) = \(shape(step.input))\(shape(weights.weights)) + \(shape(1, weights.bias.count))",
            numpy:
                "\(MatrixForm.code("a", layer)) = \(inputCode(layer)) @ \(MatrixForm.code("W", layer)) + \(MatrixForm.code("b", layer))",
            terms: [
                MatrixTerm(sign: "", name: a, matrix: step.preActivation),
                MatrixTerm(sign: "=", name: input, matrix: step.input, isData: layer == 0),
                MatrixTerm(sign: "", name: w, matrix: weights.weights),
                MatrixTerm(sign: "+", name: b, matrix: MatrixForm.row(weights.bias)),
            ])
        let g = step.activation.rawValue
        let output = outputSymbol(layer)
        // softmax turns each sample's row into probabilities; every other g acts entry by entry.
        let rowWise = step.activation == .softmax ? ", row by row" : ""
        let activation = MatrixFormula(
            math: "\(output) = \(g)(\(a))\(rowWise)", shapes: shape(step.output),
            numpy: "\(outputCode(layer)) = \(g)(\(MatrixForm.code("a", layer)))",
            terms: [
                MatrixTerm(sign: "", name: output, matrix: step.output),
                MatrixTerm(sign: "=", name: "\(g)(\(a))", matrix: step.preActivation),
            ])
        return [sum, activation]
    }

    /// C from ŷ and y, in the loss in force; the step's C (its batch's, in a mini-batch).
    func cost(in trace: StepTrace) -> MatrixFormula {
        let (yHat, sum) = (glyphs.prediction, glyphs.sum)
        let math: String
        let numpy: String
        switch trace.loss {
        case .sse:
            math = "C = \(sum) (\(yHat) - y)\(glyphs.squared)"
            numpy = "C = np.sum((yhat - y) ** 2)"
        case .mse:
            math = "C = \(sum) (\(yHat) - y)\(glyphs.squared) / (N\(glyphs.times)m)"
            numpy = "C = np.mean((yhat - y) ** 2)"
        case .bce:
            math = "C = -\(sum) [y log \(yHat) + (1 - y) log(1 - \(yHat))]"
            numpy = "C = -np.sum(y * np.log(yhat) + (1 - y) * np.log(1 - yhat))"
        case .ce:
            math = "C = -\(sum) y log \(yHat)"
            numpy = "C = -np.sum(y * np.log(yhat))"
        }
        return MatrixFormula(
            math: math, shapes: "\(shape(trace.prediction)) \(glyphs.arrow) [1\(cross)1]", numpy: numpy,
            terms: [
                MatrixTerm(sign: "", name: "C", matrix: MatrixForm.row([trace.batchCost])),
                MatrixTerm(sign: "=", name: yHat, matrix: trace.prediction),
                MatrixTerm(sign: "", name: "y", matrix: trace.targets, isData: true),
            ])
    }

    /// δˡ (from ∂C/∂ŷ in the last layer, from eˡ below it), ∂C/∂Wˡ, ∂C/∂bˡ and the error sent
    /// back, eˡ⁻¹ = δˡ (Wˡ)ᵀ.
    func backward(_ layer: Int, in trace: StepTrace) -> [MatrixFormula] {
        let step = trace.layers[layer]
        let isLast = layer == names.layerCount - 1
        let (d, a) = (symbol(glyphs.delta, layer), symbol("a", layer))
        let (dCode, aCode) = (MatrixForm.code("d", layer), MatrixForm.code("a", layer))
        let g = step.activation.rawValue
        let derivative = "g'(\(a))"
        // As --emit python's script writes it: g's derivative from a and the output h = g(a).
        let derivativeCode = "\(g)_derivative(\(aCode), \(outputCode(layer)))"
        let delta: MatrixFormula
        if isLast && trace.loss.isClassification {
            // With bce or ce the output's g'(a) cancels against ∂C/∂ŷ: δ is ŷ - y.
            delta = MatrixFormula(
                math: "\(d) = \(glyphs.prediction) - y", shapes: shape(step.delta), numpy: "\(dCode) = yhat - y",
                terms: [
                    MatrixTerm(sign: "", name: d, matrix: step.delta),
                    MatrixTerm(sign: "=", name: glyphs.prediction, matrix: step.output),
                    MatrixTerm(sign: "-", name: "y", matrix: trace.targets, isData: true),
                ])
        } else if isLast {
            let scaled = trace.loss == .mse
            let error = "2(\(glyphs.prediction) - y)" + (scaled ? "/(N\(glyphs.times)m)" : "")
            delta = MatrixFormula(
                math: "\(d) = \(derivative) \(hadamard) \(error)", shapes: shape(step.delta),
                numpy: "\(dCode) = \(derivativeCode) * (2 * (yhat - y)" + (scaled ? " / y.size)" : ")"),
                terms: [
                    MatrixTerm(sign: "", name: d, matrix: step.delta),
                    MatrixTerm(sign: "=", name: derivative, matrix: step.activationDerivative),
                    MatrixTerm(sign: hadamard, name: error, matrix: step.error),
                ])
        } else {
            let e = symbol("e", layer)
            delta = MatrixFormula(
                math: "\(d) = \(derivative) \(hadamard) \(e)", shapes: shape(step.delta),
                numpy: "\(dCode) = \(derivativeCode) * \(MatrixForm.code("e", layer))",
                terms: [
                    MatrixTerm(sign: "", name: d, matrix: step.delta),
                    MatrixTerm(sign: "=", name: derivative, matrix: step.activationDerivative),
                    MatrixTerm(sign: hadamard, name: e, matrix: step.error),
                ])
        }
        var formulas = [delta, weightGradient(layer, in: trace), biasGradient(layer, in: trace)]
        if layer > 0 {
            let w = symbol("W", layer)
            let weights = trace.networkBefore.layer(layer).weights
            let sent = trace.layers[layer - 1].error
            let e = symbol("e", layer - 1)
            formulas.append(
                MatrixFormula(
                    math: "\(e) = \(d) \(transposed(w))",
                    shapes: "\(shape(sent)) = \(shape(step.delta))\(shape(weights.columns, weights.rows))",
                    numpy: "\(MatrixForm.code("e", layer - 1)) = \(dCode) @ \(MatrixForm.code("W", layer)).T",
                    terms: [
                        MatrixTerm(sign: "", name: e, matrix: sent),
                        MatrixTerm(sign: "=", name: d, matrix: step.delta),
                        MatrixTerm(sign: "", name: transposed(w), matrix: MatrixForm.transpose(weights)),
                    ]))
        }
        return formulas
    }

    /// ∂C/∂Wˡ = (hˡ⁻¹)ᵀ δˡ, summed over the step's samples by the product.
    func weightGradient(_ layer: Int, in trace: StepTrace) -> MatrixFormula {
        let step = trace.layers[layer]
        let d = symbol(glyphs.delta, layer)
        let input = transposed(inputSymbol(layer))
        let name = "\(glyphs.partial)C/\(glyphs.partial)\(symbol("W", layer))"
        return MatrixFormula(
            math: "\(name) = \(input) \(d)",
            shapes: "\(shape(step.weightGradient)) = \(shape(step.input.columns, step.input.rows))\(shape(step.delta))",
            numpy: "\(MatrixForm.code("dW", layer)) = \(inputCode(layer)).T @ \(MatrixForm.code("d", layer))",
            terms: [
                MatrixTerm(sign: "", name: name, matrix: step.weightGradient),
                MatrixTerm(sign: "=", name: input, matrix: MatrixForm.transpose(step.input), isData: layer == 0),
                MatrixTerm(sign: "", name: d, matrix: step.delta),
            ])
    }

    /// ∂C/∂bˡ = Σ δˡ over the step's samples (the rows).
    func biasGradient(_ layer: Int, in trace: StepTrace) -> MatrixFormula {
        let step = trace.layers[layer]
        let d = symbol(glyphs.delta, layer)
        let name = "\(glyphs.partial)C/\(glyphs.partial)\(symbol("b", layer))"
        return MatrixFormula(
            math: "\(name) = \(glyphs.sum) \(d)",
            shapes: "\(shape(1, step.biasGradient.count)) = \(glyphs.sum) rows \(shape(step.delta))",
            numpy: "\(MatrixForm.code("db", layer)) = \(MatrixForm.code("d", layer)).sum(axis=0)",
            terms: [
                MatrixTerm(sign: "", name: name, matrix: MatrixForm.row(step.biasGradient)),
                MatrixTerm(sign: "= \(glyphs.sum)", name: d, matrix: step.delta),
            ])
    }

    /// Wˡ and bˡ moved by -lr times their steps, for `layer` (the selected parameter's), or
    /// the first with `nil`: the reduction's factor where it divides, the penalty's term, and
    /// for another optimizer its own step. The numbers: W and b before and after.
    func update(layer: Int?, in trace: StepTrace) -> [MatrixFormula] {
        let layer = layer ?? 0
        let (w, b) = (symbol("W", layer), symbol("b", layer))
        let (wCode, bCode) = (MatrixForm.code("W", layer), MatrixForm.code("b", layer))
        let (dW, dWCode) = ("\(glyphs.partial)C/\(glyphs.partial)\(w)", MatrixForm.code("dW", layer))
        let (db, dbCode) = ("\(glyphs.partial)C/\(glyphs.partial)\(b)", MatrixForm.code("db", layer))
        let reduction = trace.reduction
        let weightData = reduction.averagesWeights ? "\(dW)/N" : dW
        let weightDataCode = reduction.averagesWeights ? "\(dWCode) / n" : dWCode
        let biasStep = reduction.averagesBias ? "\(db)/N" : db
        let biasStepCode = reduction.averagesBias ? "\(dbCode) / n" : dbCode
        let lambda = glyphs.isASCII ? "lambda" : "λ"
        let weightStep: String
        let weightStepCode: String
        switch trace.penalty {
        case .none:
            (weightStep, weightStepCode) = (weightData, weightDataCode)
        case .l2:
            weightStep = "(\(weightData) + \(lambda)\(w))"
            weightStepCode = "(\(weightDataCode) + lam * \(wCode))"
        case .l1:
            weightStep = "(\(weightData) + \(lambda) sign(\(w)))"
            weightStepCode = "(\(weightDataCode) + lam * np.sign(\(wCode)))"
        }
        let before = trace.networkBefore.layer(layer)
        let after = trace.networkAfter.layer(layer)
        let lr = "lr \(glyphs.times)"
        // The values after the step first (what a result is), from those before it.
        let from = glyphs.isASCII ? "<-" : "←"
        let (weightMath, weightCode, biasMath, biasCode): (String, String, String, String)
        switch trace.optimizer.name {
        case .sgd:
            weightMath = "\(w) -= \(lr) \(weightStep)"
            weightCode = "\(wCode) -= lr * \(weightStepCode)"
            biasMath = "\(b) -= \(lr) \(biasStep)"
            biasCode = "\(bCode) -= lr * \(biasStepCode)"
        case let rule:
            // The rule turns g, the reduced gradient, into the step: θ -= lr · its step.
            let step = glyphs.spelled(rule.stepFormula)
            weightMath = "\(w) -= \(lr) \(step), g = \(weightStep)"
            weightCode = "\(wCode) -= lr * \(MatrixForm.numpyStep(rule))  # \(rule.rawValue), g = \(weightStepCode)"
            biasMath = "\(b) -= \(lr) \(step), g = \(biasStep)"
            biasCode = "\(bCode) -= lr * \(MatrixForm.numpyStep(rule))  # g = \(biasStepCode)"
        }
        return [
            MatrixFormula(
                math: weightMath, shapes: shape(before.weights), numpy: weightCode,
                terms: [
                    MatrixTerm(sign: "", name: "\(w) after", matrix: after.weights),
                    MatrixTerm(sign: from, name: "before", matrix: before.weights),
                ]),
            MatrixFormula(
                math: biasMath, shapes: shape(1, before.bias.count), numpy: biasCode,
                terms: [
                    MatrixTerm(sign: "", name: "\(b) after", matrix: MatrixForm.row(after.bias)),
                    MatrixTerm(sign: from, name: "before", matrix: MatrixForm.row(before.bias)),
                ]),
        ]
    }

    /// What an update rule multiplies by lr, in numpy: `buf`, `m_hat / (np.sqrt(v_hat) + eps)`.
    static func numpyStep(_ rule: OptimizerName) -> String {
        switch rule {
        case .sgd: return "g"
        case .momentum: return "buf"
        case .nesterov: return "(g + momentum * buf)"
        case .rmsprop: return "g / (np.sqrt(v) + eps)"
        case .adam: return "m_hat / (np.sqrt(v_hat) + eps)"
        }
    }
}
