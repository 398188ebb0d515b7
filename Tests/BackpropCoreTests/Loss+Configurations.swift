import BackpropCore

extension Loss {
    /// The output activations this loss accepts: its paired one, or every element-wise one.
    var outputActivations: [Activation] {
        pairedActivation.map { [$0] } ?? Activation.allCases.filter(\.isElementwise)
    }

    /// Every (output activation, loss, reduction) a scenario accepts.
    static var validConfigurations: [(Activation, Loss, Reduction)] {
        allCases.flatMap { loss in
            loss.outputActivations.flatMap { activation in Reduction.allCases.map { (activation, loss, $0) } }
        }
    }
}
