import BackpropCore
@testable import BackpropUI
import Testing

/// The matrix form (`M`) of the walk and the inspector: the key's state, each phase's formulas,
/// shapes and numpy lines for a 2-3-1 network written out here from the maths (aˡ = hˡ⁻¹Wˡ + bˡ,
/// δᴸ = g'(aᴸ) ⊙ 2(ŷ - y), ∂C/∂Wˡ = (hˡ⁻¹)ᵀδˡ, eˡ⁻¹ = δˡ(Wˡ)ᵀ), and the numbers beneath, which
/// must be the trace's and must multiply out to the result.
@Suite("matrix form")
struct MatrixFormTests {
    /// The xor-hidden preset (4 samples, 2-3-1, tanh then sigmoid, sse, the seed reduction).
    private func network(batch: Int? = nil, reduction: Reduction = .seed, loss: Loss? = nil) throws -> StepTrace {
        var scenario = Preset.xorHidden.scenario
        scenario.reduction = reduction
        if let loss { try scenario.set(activations: nil, loss: loss) }
        var trainer = Trainer(scenario: scenario)
        if let batch { try trainer.setBatchSize(batch) }
        return trainer.nextStep()
    }

    private func form(ascii: Bool = false) -> MatrixForm {
        MatrixForm(names: SymbolNames(glyphs: ascii ? .ascii : .unicode, layerCount: 2))
    }

    @Test("M turns the matrix form on and off, and it stays through a step, a walk and b")
    func keyTogglesAndStays() {
        let start = TestScenarios.seed()
        let on = assertUpdate(start, .view(.toggleMatrixForm)) { $0.matrixForm = true }
        assertUpdate(on, .view(.toggleMatrixForm)) { $0.matrixForm = false }
        #expect(KeyMap.action(for: .character("M"), in: start) == .view(.toggleMatrixForm))
        var state = on
        for action: Action in [.walk(.next), .walk(.next), .training(.step), .history(.stepBack), .walk(.end)] {
            state.apply(action)
            #expect(state.matrixForm, "after \(action)")
        }
    }

    @Test("forward: a = h W + b with its shapes and numpy, then h = g(a)")
    func forwardLines() throws {
        let trace = try network()
        let first = form().forward(0, in: trace)
        #expect(first.map(\.math) == ["a¹ = x W¹ + b¹", "h¹ = tanh(a¹)"])
        #expect(first.map(\.shapes) == ["[4×3] = [4×2][2×3] + [1×3]", "[4×3]"])
        #expect(first.map(\.numpy) == ["a1 = x @ W1 + b1", "h1 = tanh(a1)"])
        let second = form().forward(1, in: trace)
        #expect(second.map(\.math) == ["a² = h¹ W² + b²", "ŷ = sigmoid(a²)"])
        #expect(second.map(\.shapes) == ["[4×1] = [4×3][3×1] + [1×1]", "[4×1]"])
        #expect(second.map(\.numpy) == ["a2 = h1 @ W2 + b2", "yhat = sigmoid(a2)"])
    }

    @Test("backward: δ, ∂C/∂W, ∂C/∂b and the error sent back, with shapes and numpy")
    func backwardLines() throws {
        let trace = try network()
        let output = form().backward(1, in: trace)
        #expect(
            output.map(\.math) == ["δ² = g'(a²) ⊙ 2(ŷ - y)", "∂C/∂W² = (h¹)ᵀ δ²", "∂C/∂b² = Σ δ²", "e¹ = δ² (W²)ᵀ"])
        #expect(output.map(\.shapes) == ["[4×1]", "[3×1] = [3×4][4×1]", "[1×1] = Σ rows [4×1]", "[4×3] = [4×1][1×3]"])
        #expect(
            output.map(\.numpy) == [
                "d2 = sigmoid_derivative(a2, yhat) * (2 * (yhat - y))", "dW2 = h1.T @ d2", "db2 = d2.sum(axis=0)",
                "e1 = d2 @ W2.T",
            ])
        let hidden = form().backward(0, in: trace)
        #expect(hidden.map(\.math) == ["δ¹ = g'(a¹) ⊙ e¹", "∂C/∂W¹ = xᵀ δ¹", "∂C/∂b¹ = Σ δ¹"])
        #expect(hidden.map(\.numpy) == ["d1 = tanh_derivative(a1, h1) * e1", "dW1 = x.T @ d1", "db1 = d1.sum(axis=0)"])
        #expect(hidden[1].shapes == "[2×3] = [2×4][4×3]")
    }

    @Test("ASCII: x for ×, ^T for ᵀ, * for ⊙, the layer in brackets; numpy is the same")
    func asciiLines() throws {
        let trace = try network()
        let output = form(ascii: true).backward(1, in: trace)
        #expect(output[0].math == "d[2] = g'(a[2]) * 2(y^ - y)")
        #expect(output[1].math == "dC/dW[2] = (h[1])^T d[2]")
        #expect(output[1].shapes == "[3x1] = [3x4][4x1]")
        #expect(output[1].numpy == "dW2 = h1.T @ d2")
    }

    @Test("a mini-batch step's shapes have the batch's rows")
    func miniBatchShapes() throws {
        let trace = try network(batch: 2)
        #expect(form().forward(0, in: trace)[0].shapes == "[2×3] = [2×2][2×3] + [1×3]")
        #expect(form().backward(1, in: trace)[1].shapes == "[3×1] = [3×2][2×1]")
    }

    @Test("the reduction's factor is in the update, where it acts; bce's δ is ŷ - y")
    func reductionAndLoss() throws {
        let seed = form().update(layer: 1, in: try network(reduction: .seed)).map(\.numpy)
        #expect(seed == ["W2 -= lr * dW2", "b2 -= lr * db2 / n"])
        let mean = form().update(layer: 1, in: try network(reduction: .mean)).map(\.numpy)
        #expect(mean == ["W2 -= lr * dW2 / n", "b2 -= lr * db2 / n"])
        let sum = form().update(layer: 0, in: try network(reduction: .sum)).map(\.numpy)
        #expect(sum == ["W1 -= lr * dW1", "b1 -= lr * db1"])
        let bce = form().backward(1, in: try network(loss: .bce))[0]
        #expect(bce.math == "δ² = ŷ - y" && bce.numpy == "d2 = yhat - y")
        let mse = form().backward(1, in: try network(loss: .mse))[0]
        #expect(mse.numpy == "d2 = sigmoid_derivative(a2, yhat) * (2 * (yhat - y) / y.size)")
    }

    /// `left` · `right` by the definition of the product.
    private func product(_ left: Matrix, _ right: Matrix) -> Matrix {
        var result = Matrix(rows: left.rows, columns: right.columns)
        for i in 0..<left.rows {
            for j in 0..<right.columns {
                var sum = 0.0
                for k in 0..<left.columns { sum += left[i, k] * right[k, j] }
                result[i, j] = sum
            }
        }
        return result
    }

    private func close(_ left: Matrix, _ right: Matrix) -> Bool {
        left.rows == right.rows && left.columns == right.columns
            && zip(left.elements, right.elements).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
    }

    @Test("the numbers beneath are the trace's, and the operands multiply out to the result")
    func numbersAreTheTraces() throws {
        let trace = try network()
        let form = form()
        let forward = form.forward(0, in: trace)[0].terms
        #expect(forward[0].matrix == trace.layers[0].preActivation && forward[1].matrix == trace.inputs)
        var sum = product(forward[1].matrix, forward[2].matrix)
        for i in 0..<sum.rows { for j in 0..<sum.columns { sum[i, j] += forward[3].matrix[0, j] } }
        #expect(close(sum, forward[0].matrix))
        let backward = form.backward(1, in: trace)
        let gradient = backward[1].terms
        #expect(gradient[0].matrix == trace.layers[1].weightGradient)
        #expect(close(product(gradient[1].matrix, gradient[2].matrix), gradient[0].matrix))
        let sent = backward[3].terms
        #expect(sent[0].matrix == trace.layers[0].error)
        #expect(close(product(sent[1].matrix, sent[2].matrix), sent[0].matrix))
        let delta = backward[0].terms
        for (index, value) in delta[0].matrix.elements.enumerated() {
            #expect(abs(value - delta[1].matrix.elements[index] * delta[2].matrix.elements[index]) <= 1e-15)
        }
        // Drawn: each row of ∂C/∂W² is its numbers as the frame's rule writes them.
        let text = EquationText(number: NumberFormat(width: 7, decimals: 4), glyphs: .unicode, loss: trace.loss)
        let lines = MatrixNumbers(text: text).lines(gradient, width: 200, rows: 10)
        #expect(lines[0].hasPrefix("∂C/∂W²"))
        for row in 0..<3 {
            let first = lines[row + 1].split(separator: " ").first.map(String.init)
            #expect(first == text.value(trace.layers[1].weightGradient[row, 0]), "\(lines)")
        }
    }

    @Test("a matrix too wide shows its corner and an ellipsis; no room at all says so")
    func tooBig() throws {
        let trace = try network()
        let text = EquationText(number: NumberFormat(width: 7, decimals: 4), glyphs: .unicode, loss: trace.loss)
        let terms = form().forward(0, in: trace)[0].terms
        let corner = MatrixNumbers(text: text).lines(terms, width: 16, rows: 3)
        #expect(corner.count == 3 && corner.allSatisfy { DisplayWidth.of($0) <= 16 }, "\(corner)")
        #expect(corner[1].hasSuffix("…") && corner[2].contains("…"), "\(corner)")
        let none = MatrixNumbers(text: text).lines(terms, width: 3, rows: 3)
        #expect(none.count == 1 && DisplayWidth.of(none[0]) <= 3, "\(none)")
    }

    @Test("the walk and the inspector in matrix form fit 80x24 and 120x40, in Unicode and ASCII")
    func framesFit() throws {
        for ascii in [false, true] {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                let shows = [
                    "M": "dW1 = x.T @ d1", "nnnM": "C = np.sum((yhat - y) ** 2)", "nnnnM": "dW2 = h1.T @ d2",
                    "nnnnnnM": "W1 -= lr * dW1",
                ]
                for (keys, numpy) in shows {
                    var state = AppState(
                        scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden",
                        options: RenderOptions(ascii: ascii))
                    try KeySequence(parsing: keys).press(on: &state)
                    let text = Frame.render(state, size: size).text
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                    #expect(lines.allSatisfy { DisplayWidth.of($0) <= size.width }, "\(keys)\n\(text)")
                    #expect(text.contains(numpy), "\(keys)\n\(text)")
                }
            }
        }
    }
}
