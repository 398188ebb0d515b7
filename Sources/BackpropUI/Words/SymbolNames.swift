import BackpropCore

/// How the screen names the numbers of an L-layer network, in the article's letters.
///
/// With one layer the names are the article's own (ω11, b2, x1, a1, ŷ1, δ1). With more, each
/// name carries its layer as a superscript (ω²31, b¹2, h¹3, a²1, δ¹2, e¹2), or in brackets in
/// ASCII (w[2]31), since subscripts and superscripts are not 7-bit. Indices shown are 1-based.
///
/// With input features the first layer's inputs are named by them (x1^2, sin(x1)): they are
/// what the network sees, where the data has x1 and x2.
struct SymbolNames: Sendable {
    let glyphs: Glyphs
    /// L, the number of layers.
    let layerCount: Int
    /// The features the first layer sees, when the scenario computes them from x1 and x2.
    var features: [Feature]? = nil

    /// "" with one layer; "²" (or "[2]") for layer index 1 otherwise.
    func mark(_ layer: Int) -> String {
        guard layerCount > 1 else { return "" }
        let number = String(layer + 1)
        guard !glyphs.isASCII else { return "[\(number)]" }
        return String(number.map { SymbolNames.superscripts[Int(String($0))!] })
    }

    /// ωˡ_ij or bˡ_j.
    func parameter(_ index: ParameterIndex) -> String {
        switch index {
        case .weight(let l, let i, let j): return "\(glyphs.omega)\(mark(l))\(i + 1)\(j + 1)"
        case .bias(let l, let j): return "b\(mark(l))\(j + 1)"
        }
    }

    /// The i-th input of layer `layer`: x_i (or the i-th feature's name) for the first,
    /// hˡ⁻¹_i after it.
    func input(layer: Int, _ i: Int) -> String {
        guard layer == 0 else { return "h\(mark(layer - 1))\(i + 1)" }
        if let features, i < features.count { return features[i].rawValue }
        return "x\(i + 1)"
    }

    /// The j-th output of layer `layer`: ŷ_j for the last, hˡ_j before it.
    func output(layer: Int, _ j: Int) -> String {
        layer == layerCount - 1 ? "\(glyphs.prediction)\(j + 1)" : "h\(mark(layer))\(j + 1)"
    }

    /// aˡ_j.
    func preActivation(layer: Int, _ j: Int) -> String { "a\(mark(layer))\(j + 1)" }

    /// gˡ'(aˡ_j): "g'(a1)", "g'(a²1)".
    func derivative(layer: Int, _ j: Int) -> String { "g'(\(preActivation(layer: layer, j)))" }

    /// δˡ_j.
    func delta(layer: Int, _ j: Int) -> String { "\(glyphs.delta)\(mark(layer))\(j + 1)" }

    /// eˡ_j, the error sent back to neuron j of hidden layer `layer`.
    func error(layer: Int, _ j: Int) -> String { "e\(mark(layer))\(j + 1)" }

    /// Superscript digits 0-9, each one column wide.
    private static let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
}
