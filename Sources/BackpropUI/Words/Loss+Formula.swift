import BackpropCore

extension Loss {
    /// ∂C/∂ŷ written the way the inspector prints it.
    var gradientFormula: String {
        switch self {
        case .sse: return "2(ŷ - y)"
        case .mse: return "2(ŷ - y)/(N·m)"
        case .bce: return "(ŷ - y)/(ŷ(1 - ŷ))"
        case .ce: return "-y/ŷ"
        }
    }
}
