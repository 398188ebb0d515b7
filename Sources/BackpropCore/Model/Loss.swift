/// The cost C that compares predictions ŷ with targets y.
public enum Loss: String, CaseIterable, Sendable, Codable {
    /// The article's C = Σ (ŷ - y)² over samples and outputs (eq. 13); ∂C/∂ŷ = 2(ŷ - y) (eq. 14).
    case sse
    /// C = Σ (ŷ - y)² / (N·m); ∂C/∂ŷ = 2(ŷ - y) / (N·m). The same valley, scaled flatter.
    case mse

    /// C given the sum of squared errors.
    @inline(__always)
    public func cost(sumOfSquares: Double, samples: Int, outputs: Int) -> Double {
        switch self {
        case .sse: return sumOfSquares
        case .mse: return sumOfSquares / Double(samples * outputs)
        }
    }

    /// ∂C/∂ŷ for one entry.
    @inline(__always)
    public func gradient(prediction: Double, target: Double, samples: Int, outputs: Int) -> Double {
        switch self {
        case .sse: return 2 * (prediction - target)
        case .mse: return 2 * (prediction - target) / Double(samples * outputs)
        }
    }
}
