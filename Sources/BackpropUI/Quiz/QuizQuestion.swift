import BackpropCore

/// One question `t` asks about the step the current state would take: a number of that step
/// whose sign (or direction) and value the class guesses before the screen shows it.
///
/// The gradient is the default and first: it is what backprop computes. The others follow it in
/// the order Tab goes through them: whether the cost falls (the point of the step), where one
/// prediction goes, and, in a network with hidden layers, the error one sample sends back to a
/// hidden neuron (backprop's one new idea).
public enum QuizQuestion: Equatable, Hashable, Sendable {
    /// ∂C/∂θ of this weight or bias.
    case gradient(ParameterIndex)
    /// The cost: does it fall in the step, and to what.
    case cost
    /// ŷ_output of this sample (0-based, in the data as loaded; one of the step's) after the
    /// step: up or down, and to what.
    case prediction(sample: Int, output: Int)
    /// eˡ_neuron = Σ_k δˡ⁺¹_k ωˡ⁺¹_neuron,k of this sample (0-based, in the data; one of the
    /// step's), for hidden layer `layer`.
    case errorSentBack(layer: Int, neuron: Int, sample: Int)
    /// In a bug hunt (`--bug`): which mistake the backprop makes, answered with its number in
    /// `PlantedBug.allCases` (from 1) or its name. Carries the planted bug, which judges it.
    case whichBug(PlantedBug)

    /// For a question about the error sent back to layer l: layer l + 1 (0-based), whose δ and
    /// weights eˡ = Σ δˡ⁺¹ ωˡ⁺¹ is made of, so its panes stay in view. `nil` for the others.
    var layerSendingBack: Int? {
        if case .errorSentBack(let layer, _, _) = self { return layer + 1 }
        return nil
    }

    /// The questions `t` offers for `selection` and `sample` in `network`, in Tab order, the
    /// gradient of the selected parameter first. The prediction is of the selected output when
    /// the selection is in the last layer (else ŷ1); the error goes to the selected neuron when
    /// the selection is in a hidden layer, else to the hidden neuron feeding the selected weight
    /// (h1 of the last hidden layer for a bias). Networks without hidden layers have no error
    /// question.
    static func offered(for selection: ParameterIndex, sample: Int, in network: Network) -> [QuizQuestion] {
        let last = network.layerCount - 1
        let output = selection.layer == last ? selection.column : 0
        var questions: [QuizQuestion] = [.gradient(selection), .cost, .prediction(sample: sample, output: output)]
        guard last > 0 else { return questions }
        let neuron: (layer: Int, j: Int)
        switch selection {
        case .weight(let l, _, let j) where l < last, .bias(let l, let j) where l < last: neuron = (l, j)
        case .weight(_, let i, _): neuron = (last - 1, i)
        case .bias: neuron = (last - 1, 0)
        }
        questions.append(.errorSentBack(layer: neuron.layer, neuron: neuron.j, sample: sample))
        return questions
    }

    /// Whether y and n answer it: only "will C fall?" is a yes-or-no question.
    public var takesYesOrNo: Bool { self == .cost }

    /// Whether a bug's number or name answers it: "which bug?".
    public var takesBugName: Bool {
        if case .whichBug = self { return true }
        return false
    }

    /// The numbers that judge an answer, read from `trace`, the step the question is about.
    public func truth(in trace: StepTrace) -> QuizTruth {
        switch self {
        case .gradient(let parameter):
            return QuizTruth(value: trace.gradient(of: parameter))
        case .cost:
            return QuizTruth(value: trace.costAfter, before: trace.costBefore)
        case .prediction(let s, let j):
            // The sample's row in the step (its batch).
            let r = trace.row(of: s) ?? 0
            let after = QuizQuestion.prediction(of: r, output: j, by: trace.networkAfter, inputs: trace.inputs)
            return QuizTruth(value: after, before: trace.prediction[r, j])
        case .errorSentBack(let l, let j, let s):
            return QuizTruth(value: trace.layers[l].error[trace.row(of: s) ?? 0, j])
        case .whichBug(let bug):
            // Its number in the list the quiz shows; the answer is judged by name (`QuizVerdict`).
            return QuizTruth(value: Double(PlantedBug.allCases.firstIndex(of: bug)! + 1))
        }
    }

    /// ŷ_j of the step's row `s` by `network`: one row's forward pass, in the trainer's order, so it is
    /// the next step's prediction bit for bit.
    private static func prediction(of s: Int, output j: Int, by network: Network, inputs: Matrix) -> Double {
        let row = Matrix(
            rows: 1, columns: inputs.columns, elements: (0..<inputs.columns).map { inputs[s, $0] })
        return network.layerOutputs(for: row)[network.layerCount - 1][0, j]
    }
}
