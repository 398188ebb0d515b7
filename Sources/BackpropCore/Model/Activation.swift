import Foundation

/// The activation g applied to the pre-activation a = xW + b (eq. 9): element by element, except
/// softmax, which turns a whole row (one sample's outputs) into probabilities.
public enum Activation: String, CaseIterable, Sendable, Codable {
    /// g(a) = 1 / (1 + e^-a), the article's choice; g'(a) = g(a)(1 - g(a)) (eq. 1).
    case sigmoid
    /// g(a) = tanh(a); g'(a) = 1 - g(a)².
    case tanh
    /// g(a) = max(0, a); g'(a) = 1 for a > 0, else 0 (0 at a = 0 by convention).
    case relu
    /// g(a) = a; g'(a) = 1.
    case linear
    /// g(a)_j = e^(a_j) / Σ_k e^(a_k) over one sample's outputs: probabilities of classes that
    /// exclude each other, summing to 1. Only for the last layer, and only with the `ce` loss
    /// (`Scenario` checks both). Its derivative is a matrix, ∂ŷ_k/∂a_j = ŷ_k(1[j = k] - ŷ_j); with
    /// ce the output δ is ŷ - y without it.
    case softmax

    /// Whether g acts on each entry alone (every activation but softmax).
    public var isElementwise: Bool { self != .softmax }

    /// g(a) of one entry. softmax needs the whole row (`softmax(_:into:count:)`), so for it this
    /// is NaN.
    @inline(__always)
    public func value(_ a: Double) -> Double {
        switch self {
        case .sigmoid: return 1.0 / (1.0 + exp(-a))
        case .tanh: return Foundation.tanh(a)
        case .relu: return a > 0 ? a : 0
        case .linear: return a
        case .softmax: return .nan
        }
    }

    /// g'(a), computed from a and the already known output g(a) so no activation is evaluated
    /// twice. The article's sigmoid_gradient recomputes g(a) and gets the same bits. For softmax
    /// this is the diagonal of its Jacobian, ∂ŷ_j/∂a_j = ŷ_j(1 - ŷ_j), which the screen shows; the
    /// output δ is not g'(a) ⊙ e there (see `Loss.ce`).
    @inline(__always)
    public func derivative(preActivation a: Double, output g: Double) -> Double {
        switch self {
        case .sigmoid, .softmax: return g * (1.0 - g)
        case .tanh: return 1.0 - g * g
        case .relu: return a > 0 ? 1 : 0
        case .linear: return 1
        }
    }

    /// g of one sample's row of `count` pre-activations `a` into `h`: `value` entry by entry,
    /// or softmax over the row. The trainer and `Network.layerOutputs` both call this, so they
    /// agree bit for bit.
    @inline(__always)
    func values(of a: UnsafePointer<Double>, into h: UnsafeMutablePointer<Double>, count: Int) {
        if self == .softmax {
            _ = Activation.softmax(a, into: h, count: count)
        } else {
            for j in 0..<count { h[j] = value(a[j]) }
        }
    }

    /// ŷ_j = e^(a_j - m) / Σ_k e^(a_k - m) with m = max a, for one sample's `count` pre-activations
    /// `a`, into `h`. The shift by m changes nothing in exact arithmetic and keeps every exp in
    /// (0, 1], so a large a cannot overflow to ∞/∞. Returns m and log Σ_k e^(a_k - m), from
    /// which `Loss.crossEntropy` takes the cost without a log of an underflowed ŷ.
    @inline(__always)
    public static func softmax(
        _ a: UnsafePointer<Double>, into h: UnsafeMutablePointer<Double>, count: Int
    ) -> (shift: Double, logSum: Double) {
        var shift = -Double.infinity
        for j in 0..<count where a[j] > shift { shift = a[j] }
        var sum = 0.0
        for j in 0..<count {
            let e = exp(a[j] - shift)
            h[j] = e
            sum += e
        }
        for j in 0..<count { h[j] = h[j] / sum }
        return (shift, log(sum))
    }
}
