import BackpropCore

/// One sample's share of C written out with its numbers, as the walk's cost phase shows it:
/// "(0.9002 - 1)² + (0.9427 - 0)²" for the squared errors, "-log 0.7311 - log(1 - 0.2689)" for
/// bce, "-log 0.6225" for ce (only the classes with y_j ≠ 0 cost anything).
struct SampleCostText {
    let text: EquationText
    let loss: Loss

    /// The expression for sample `s` (0-based).
    func expression(prediction: Matrix, targets: Matrix, sample s: Int) -> String {
        let glyphs = text.glyphs
        let outputs = targets.columns
        let yHat = { (j: Int) in text.value(prediction[s, j]) }
        let y = { (j: Int) in text.dataValue(targets[s, j]) }
        switch loss {
        case .sse, .mse:
            let squares = (0..<outputs).map { "(\(yHat($0)) - \(text.dataFactor(targets[s, $0])))\(glyphs.squared)" }
            return squares.joined(separator: " + ") + (loss == .mse ? " / (N\(glyphs.times)m)" : "")
        case .bce:
            // -[y log ŷ + (1 - y) log(1 - ŷ)], each output's term written as short as its y allows.
            let terms = (0..<outputs).map { j -> String in
                let target = targets[s, j]
                let no = "log(1 - \(yHat(j)))"
                if target == 1 { return "log \(yHat(j))" }
                if target == 0 { return no }
                return "(\(y(j)) log \(yHat(j)) + \(text.dataValue(1 - target)) \(no))"
            }
            return "-" + terms.joined(separator: " - ")
        case .ce:
            let terms = (0..<outputs).filter { targets[s, $0] != 0 }.map { j in
                targets[s, j] == 1 ? "log \(yHat(j))" : "\(y(j)) log \(yHat(j))"
            }
            return terms.count == 1 ? "-" + terms[0] : "-(" + terms.joined(separator: " + ") + ")"
        }
    }

    /// The expression in symbols, for a line too narrow for the numbers.
    var symbols: String {
        let g = text.glyphs
        switch loss {
        case .sse, .mse: return "\(g.sum)j (\(g.prediction)j - yj)\(g.squared)"
        case .bce: return "-\(g.sum)j [yj log \(g.prediction)j + (1 - yj) log(1 - \(g.prediction)j)]"
        case .ce: return "-\(g.sum)j yj log \(g.prediction)j"
        }
    }
}
