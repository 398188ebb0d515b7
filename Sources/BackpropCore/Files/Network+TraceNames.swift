/// The names a trace gives a network's parameters: its CSV columns, `--landscape`'s arguments.
extension Network {
    /// The trace's name of the parameter at `index`, 1-based like ω_ij: `w1_2` and `b1` for one
    /// layer (the article's), `L1_w1_2` and `L2_b1` for more.
    public func traceName(of index: ParameterIndex) -> String {
        let prefix = layerCount == 1 ? "" : "L\(index.layer + 1)_"
        switch index {
        case .weight(_, let row, let column): return "\(prefix)w\(row + 1)_\(column + 1)"
        case .bias(_, let column): return "\(prefix)b\(column + 1)"
        }
    }

    /// The parameter the trace names `name`, or nil when none has that name.
    public func parameter(traceName name: String) -> ParameterIndex? {
        parameterIndices.first { traceName(of: $0) == name }
    }
}
