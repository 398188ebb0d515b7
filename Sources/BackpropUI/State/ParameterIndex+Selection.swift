import BackpropCore

/// How the selection moves: arrows within a layer's pane, Tab through every parameter.
extension ParameterIndex {
    /// Where the selection starts: layer 1's ω11.
    public static let first = ParameterIndex.weight(layer: 0, row: 0, column: 0)

    /// The row of the parameter in its layer's pane: W's row i, or the b row under W.
    func paneRow(in network: Network) -> Int {
        switch self {
        case .weight(_, let row, _): return row
        case .bias(let layer, _): return network.sizes[layer]
        }
    }

    /// The parameter at `row` (the b row is the last), `column` of layer `layer`'s pane.
    static func at(layer: Int, paneRow row: Int, column: Int, in network: Network) -> ParameterIndex {
        row >= network.sizes[layer]
            ? .bias(layer: layer, column: column) : .weight(layer: layer, row: row, column: column)
    }

    /// The parameter an arrow key reaches, as the layer panes lay them out: Wˡ as a grid with
    /// bˡ as one more row under it. Left and right past a pane's edge go on to the layer beside
    /// it (the row kept where it exists); other edges stop.
    func moved(_ key: Key, in network: Network) -> ParameterIndex {
        let l = layer
        let row = paneRow(in: network)
        let rows = network.sizes[l] + 1
        let columns = network.sizes[l + 1]
        switch key {
        case .up: return .at(layer: l, paneRow: max(0, row - 1), column: column, in: network)
        case .down: return .at(layer: l, paneRow: min(rows - 1, row + 1), column: column, in: network)
        case .left:
            if column > 0 { return .at(layer: l, paneRow: row, column: column - 1, in: network) }
            guard l > 0 else { return self }
            return .at(
                layer: l - 1, paneRow: keptRow(row, from: l, to: l - 1, in: network),
                column: network.sizes[l] - 1, in: network)
        case .right:
            if column + 1 < columns { return .at(layer: l, paneRow: row, column: column + 1, in: network) }
            guard l + 1 < network.layerCount else { return self }
            return .at(layer: l + 1, paneRow: keptRow(row, from: l, to: l + 1, in: network), column: 0, in: network)
        default: return self
        }
    }

    /// The row in layer `to`'s pane for a move from `row` of layer `from`: the b row stays the
    /// b row, a W row is clamped to the weights the other layer has.
    private func keptRow(_ row: Int, from: Int, to: Int, in network: Network) -> Int {
        row == network.sizes[from] ? network.sizes[to] : min(row, network.sizes[to] - 1)
    }

    /// The next (or, with `backwards`, the previous) parameter in Tab order (layer 1's W row by
    /// row, then b¹, then layer 2's W, ...), wrapping around.
    func cycled(backwards: Bool, in network: Network) -> ParameterIndex {
        let count = network.parameters.count
        let offset = (network.offset(of: self) + (backwards ? count - 1 : 1)) % count
        return ParameterIndex(offset: offset, in: network)
    }

    /// The parameter stored at `offset` of `network.parameters`.
    init(offset: Int, in network: Network) {
        var l = 0
        while l + 1 < network.layerCount, network.weightOffset(layer: l + 1) <= offset { l += 1 }
        let within = offset - network.weightOffset(layer: l)
        let columns = network.sizes[l + 1]
        let weightCount = network.sizes[l] * columns
        self =
            within < weightCount
            ? .weight(layer: l, row: within / columns, column: within % columns)
            : .bias(layer: l, column: within - weightCount)
    }

    /// Whether the parameter exists in `network` (a new scenario may be smaller).
    func exists(in network: Network) -> Bool {
        guard layer < network.layerCount, column < network.sizes[layer + 1] else { return false }
        if case .weight(_, let row, _) = self { return row < network.sizes[layer] }
        return true
    }
}
