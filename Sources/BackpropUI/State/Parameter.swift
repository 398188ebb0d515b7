import BackpropCore

/// One parameter of the layer: a weight ω_ij (input i, output j) or a bias b_j. The selection
/// the arrow keys move, the inspector explains and Enter edits. Indices are 0-based; the screen
/// shows them 1-based like the article.
public enum Parameter: Equatable, Hashable, Sendable {
    /// ω_ij: row `input` of W, column `output`.
    case weight(input: Int, output: Int)
    /// b_j.
    case bias(output: Int)

    /// The output j this parameter feeds: the column of ŷ the inspector follows.
    public var output: Int {
        switch self {
        case .weight(_, let output), .bias(let output): return output
        }
    }

    /// "ω11", "b2" (or "w11" in ASCII).
    func name(_ glyphs: Glyphs) -> String {
        switch self {
        case .weight(let input, let output): return "\(glyphs.omega)\(input + 1)\(output + 1)"
        case .bias(let output): return "b\(output + 1)"
        }
    }

    /// Every parameter in Tab order: W row by row, then b.
    static func all(inputs: Int, outputs: Int) -> [Parameter] {
        var list: [Parameter] = []
        for i in 0..<inputs {
            for j in 0..<outputs { list.append(.weight(input: i, output: j)) }
        }
        for j in 0..<outputs { list.append(.bias(output: j)) }
        return list
    }

    /// The next (or, with `backwards`, the previous) parameter in Tab order, wrapping around.
    func cycled(backwards: Bool, inputs: Int, outputs: Int) -> Parameter {
        let list = Parameter.all(inputs: inputs, outputs: outputs)
        let index = list.firstIndex(of: self) ?? 0
        let offset = backwards ? list.count - 1 : 1
        return list[(index + offset) % list.count]
    }

    /// The parameter an arrow key reaches, as the panes lay them out: W as a grid, the bias
    /// pane to its right with b_j on row j. Moving off an edge stays put.
    func moved(_ key: Key, inputs: Int, outputs: Int) -> Parameter {
        switch (self, key) {
        case (.weight(let i, let j), .up): return .weight(input: max(0, i - 1), output: j)
        case (.weight(let i, let j), .down): return .weight(input: min(inputs - 1, i + 1), output: j)
        case (.weight(let i, let j), .left): return .weight(input: i, output: max(0, j - 1))
        case (.weight(let i, let j), .right):
            return j + 1 < outputs ? .weight(input: i, output: j + 1) : .bias(output: min(i, outputs - 1))
        case (.bias(let j), .up): return .bias(output: max(0, j - 1))
        case (.bias(let j), .down): return .bias(output: min(outputs - 1, j + 1))
        case (.bias(let j), .left): return .weight(input: min(j, inputs - 1), output: outputs - 1)
        default: return self
        }
    }

    /// The core's name for this parameter: layer 1 is the only one the panes show so far.
    var index: ParameterIndex {
        switch self {
        case .weight(let i, let j): return .weight(layer: 0, row: i, column: j)
        case .bias(let j): return .bias(layer: 0, column: j)
        }
    }
}
