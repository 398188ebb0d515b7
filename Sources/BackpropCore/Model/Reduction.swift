/// How the per-sample δ of a layer becomes the update of its W and b (every layer alike).
///
/// The exact gradient of C is ∂C/∂W = xᵀδ and ∂C/∂b = Σ over samples of δ. The article's numpy
/// code sums for W (the matmul does it) but takes `np.mean(matrix, 0)` for b, because b is a 1-D
/// array and the mean is what made the shapes match in its code (see the note above eq. 27).
/// The result is that b moves N times slower than the exact gradient says; `sum` and `mean`
/// are the two consistent choices.
public enum Reduction: String, CaseIterable, Sendable, Codable {
    /// The article's: W -= lr · xᵀδ, b -= lr · mean(δ).
    case seed
    /// The exact gradient: W -= lr · xᵀδ, b -= lr · Σ δ.
    case sum
    /// The batch average: W -= lr · xᵀδ / N, b -= lr · mean(δ).
    case mean

    /// Whether the weight step divides the summed gradient by N.
    public var averagesWeights: Bool { self == .mean }
    /// Whether the bias step divides the summed gradient by N.
    public var averagesBias: Bool { self != .sum }
}
