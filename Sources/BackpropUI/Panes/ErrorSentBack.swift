/// The line that shows backprop's one new idea for a hidden neuron: the error eˡ_j it receives
/// is the sum over the layer above of δˡ⁺¹_k ωˡ⁺¹_jk, each next-layer delta weighted by the
/// connection it travels back along. Used by the inspector and the backward phases of the walk.
struct ErrorSentBack {
    let names: SymbolNames
    let text: EquationText

    /// "e¹2 = δ²1·ω²21 + δ²2·ω²22 = (-0.0300)·0.4100 + 0.0200·(-0.1000) = -0.0143" for neuron `j`
    /// of hidden layer `layer`, from the `terms` (δˡ⁺¹_k, ωˡ⁺¹_jk) of one sample and the error
    /// they sum to. When `width` is short the symbols go first (Σk δ²k·ω²2k), then the terms
    /// that do not fit, counted; the sum shown stays the exact one.
    func line(layer: Int, neuron j: Int, terms: [ErrorTerm], error: Double, width: Int)
        -> String
    {
        let glyphs = text.glyphs
        let e = names.error(layer: layer, j)
        let value = text.value(error)
        // A term is at least 3 columns ("a·b") and 3 more join it ("+"): no line of `width`
        // holds more than this many, so only these are written out, not the thousand terms of
        // a wide layer.
        let fitting = min(terms.count, max(0, width) / 3 + 2)
        let numbers = terms.prefix(fitting).map { "\(text.factor($0.delta))\(glyphs.times)\(text.factor($0.weight))" }
        let mark = names.mark(layer + 1)
        let sum = "\(glyphs.sum)k \(glyphs.delta)\(mark)k\(glyphs.times)\(glyphs.omega)\(mark)\(j + 1)k"
        if fitting == terms.count {
            let symbols = terms.indices.map { k in
                "\(names.delta(layer: layer + 1, k))\(glyphs.times)\(names.parameter(.weight(layer: layer + 1, row: j, column: k)))"
            }
            let full = "\(e) = \(symbols.joined(separator: " + ")) = \(numbers.joined(separator: " + ")) = \(value)"
            if full.count <= width { return full }
            let short = "\(e) = \(sum) = \(numbers.joined(separator: " + ")) = \(value)"
            if short.count <= width { return short }
        }
        var shown: [String] = []
        for term in numbers {
            let rest = terms.count - shown.count - 1
            let candidate =
                "\(e) = \(sum) = \((shown + [term]).joined(separator: " + ")) + \(glyphs.ellipsis)\(rest) more = \(value)"
            if candidate.count > width { break }
            shown.append(term)
        }
        let rest = terms.count - shown.count
        let start = shown.isEmpty ? "" : shown.joined(separator: " + ") + " + "
        return "\(e) = \(sum) = \(start)\(glyphs.ellipsis)\(rest) more = \(value)"
    }
}
