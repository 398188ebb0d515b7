/// Names one number of a network that the program can select, edit, inspect or check: a weight
/// ωˡ_ij (layer l, input i, output j) or a bias bˡ_j. Every index is 0-based; screens and files
/// show them 1-based, like the article.
///
/// Indices order as the network stores its parameters (layer 1's W row-major, then b1, then
/// layer 2's W, ...), which is the Tab order of the visualiser and the column order of a trace.
public enum ParameterIndex: Hashable, Sendable {
    /// ωˡ_ij: row `row` (input i) and column `column` (output j) of layer `layer`'s W.
    case weight(layer: Int, row: Int, column: Int)
    /// bˡ_j: entry `column` (output j) of layer `layer`'s b.
    case bias(layer: Int, column: Int)

    /// The layer l the parameter belongs to.
    public var layer: Int {
        switch self {
        case .weight(let layer, _, _), .bias(let layer, _): return layer
        }
    }

    /// The output j of its layer that the parameter feeds.
    public var column: Int {
        switch self {
        case .weight(_, _, let column), .bias(_, let column): return column
        }
    }

    /// Whether this is a weight (not a bias).
    public var isWeight: Bool {
        if case .weight = self { return true }
        return false
    }
}
