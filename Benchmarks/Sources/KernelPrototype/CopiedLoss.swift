// A copy of BackpropCore/Loss.swift with `public` dropped: the copied kernel must inline it as the
// core's kernel does inside its own module (the core's type is not @inlinable across modules).
/// The cost C that compares predictions ŷ with targets y.
enum Loss: String, CaseIterable, Sendable, Codable {
    /// The article's C = Σ (ŷ - y)² over samples and outputs (eq. 13); ∂C/∂ŷ = 2(ŷ - y) (eq. 14).
    case sse
    /// C = Σ (ŷ - y)² / (N·m); ∂C/∂ŷ = 2(ŷ - y) / (N·m). The same valley, scaled flatter.
    case mse

    /// The factor that turns a sum of squared errors into this cost, for N samples of m outputs.
    @inline(__always)
    func scale(samples: Int, outputs: Int) -> Double {
        switch self {
        case .sse: return 1
        case .mse: return 1 / Double(samples * outputs)
        }
    }

    /// C given the sum of squared errors.
    @inline(__always)
    func cost(sumOfSquares: Double, samples: Int, outputs: Int) -> Double {
        switch self {
        case .sse: return sumOfSquares
        case .mse: return sumOfSquares / Double(samples * outputs)
        }
    }

    /// ∂C/∂ŷ for one entry.
    @inline(__always)
    func gradient(prediction: Double, target: Double, samples: Int, outputs: Int) -> Double {
        switch self {
        case .sse: return 2 * (prediction - target)
        case .mse: return 2 * (prediction - target) / Double(samples * outputs)
        }
    }

    /// ∂C/∂ŷ written the way the inspector prints it.
    var gradientFormula: String {
        switch self {
        case .sse: return "2(ŷ - y)"
        case .mse: return "2(ŷ - y)/(N·m)"
        }
    }
}
