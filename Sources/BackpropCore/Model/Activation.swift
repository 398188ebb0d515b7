import Foundation

/// The activation g applied element-wise to the pre-activation a = xW + b (eq. 9).
public enum Activation: String, CaseIterable, Sendable, Codable {
    /// g(a) = 1 / (1 + e^-a), the article's choice; g'(a) = g(a)(1 - g(a)) (eq. 1).
    case sigmoid
    /// g(a) = tanh(a); g'(a) = 1 - g(a)².
    case tanh
    /// g(a) = max(0, a); g'(a) = 1 for a > 0, else 0 (0 at a = 0 by convention).
    case relu
    /// g(a) = a; g'(a) = 1.
    case linear

    /// g(a).
    @inline(__always)
    public func value(_ a: Double) -> Double {
        switch self {
        case .sigmoid: return 1.0 / (1.0 + exp(-a))
        case .tanh: return Foundation.tanh(a)
        case .relu: return a > 0 ? a : 0
        case .linear: return a
        }
    }

    /// g'(a), computed from a and the already known output g(a) so no activation is evaluated
    /// twice. The article's sigmoid_gradient recomputes g(a) and gets the same bits.
    @inline(__always)
    public func derivative(preActivation a: Double, output g: Double) -> Double {
        switch self {
        case .sigmoid: return g * (1.0 - g)
        case .tanh: return 1.0 - g * g
        case .relu: return a > 0 ? 1 : 0
        case .linear: return 1
        }
    }
}
