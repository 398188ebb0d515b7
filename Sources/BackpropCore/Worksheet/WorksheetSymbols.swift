/// How a worksheet names the numbers of an L-layer network: the inspector's letters (ω²31, b¹2,
/// h¹3, a²1, δ¹2, e¹2, ŷ1), the layer as a superscript only when there are several layers,
/// indices 1-based. The core writes its own copy because it cannot import the UI's.
struct WorksheetSymbols: Sendable {
    /// L, the number of layers.
    let layerCount: Int

    /// "" with one layer; "²" for layer index 1 otherwise.
    func mark(_ layer: Int) -> String {
        guard layerCount > 1 else { return "" }
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(layer + 1).map { superscripts[Int(String($0))!] })
    }

    /// Whether `layer` is the last one, whose outputs are ŷ.
    func isLast(_ layer: Int) -> Bool { layer == layerCount - 1 }

    /// The i-th input of `layer`: x_i for the first layer, hˡ⁻¹_i after it; `i` a letter or a
    /// number, 1-based.
    func input(_ layer: Int, _ i: String) -> String { layer == 0 ? "x\(i)" : "h\(mark(layer - 1))\(i)" }

    /// The inputs of `layer` as a matrix: "x" or "h¹".
    func inputMatrix(_ layer: Int) -> String { layer == 0 ? "x" : "h\(mark(layer - 1))" }

    /// The j-th output of `layer`: ŷ_j for the last, hˡ_j before it.
    func output(_ layer: Int, _ j: String) -> String { isLast(layer) ? "ŷ\(j)" : "h\(mark(layer))\(j)" }

    /// The outputs of `layer` as a matrix: "ŷ" or "h¹".
    func outputMatrix(_ layer: Int) -> String { isLast(layer) ? "ŷ" : "h\(mark(layer))" }

    /// ωˡ_ij.
    func weight(_ layer: Int, _ i: String, _ j: String) -> String { "ω\(mark(layer))\(i)\(j)" }

    /// bˡ_j.
    func bias(_ layer: Int, _ j: String) -> String { "b\(mark(layer))\(j)" }

    /// aˡ_j.
    func preActivation(_ layer: Int, _ j: String) -> String { "a\(mark(layer))\(j)" }

    /// δˡ_j.
    func delta(_ layer: Int, _ j: String) -> String { "δ\(mark(layer))\(j)" }

    /// eˡ_j, the error sent back to neuron j of a hidden layer.
    func error(_ layer: Int, _ j: String) -> String { "e\(mark(layer))\(j)" }

    /// "W²", "b²", "a²", "δ²", "e¹" for a whole layer.
    func matrix(_ letter: String, _ layer: Int) -> String { "\(letter)\(mark(layer))" }
}
