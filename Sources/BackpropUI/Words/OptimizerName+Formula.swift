import BackpropCore

extension OptimizerName {
    /// What the rule multiplies by -lr, as the screen writes it: θ -= lr · this.
    var stepFormula: String {
        switch self {
        case .sgd: return "g"
        case .momentum: return "buf"
        case .nesterov: return "(g + μ·buf)"
        case .rmsprop: return "g/(√v + ε)"
        case .adam: return "m̂/(√v̂ + ε)"
        }
    }
}
