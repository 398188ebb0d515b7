import BackpropCore

extension Activation {
    /// The derivative written the way the inspector prints it.
    var derivativeFormula: String {
        switch self {
        case .sigmoid: return "g(a)(1 - g(a))"
        case .tanh: return "1 - g(a)²"
        case .relu: return "a > 0 ? 1 : 0"
        case .linear: return "1"
        // The diagonal of softmax's Jacobian, what the screen shows as its g'(a).
        case .softmax: return "ŷ(1 - ŷ) on the diagonal"
        }
    }
}
