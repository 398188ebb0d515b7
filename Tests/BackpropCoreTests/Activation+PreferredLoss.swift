import BackpropCore

extension Activation {
    /// A loss that goes with this as the output activation: ce for softmax, bce for sigmoid
    /// when `preferred` is ce, `preferred` otherwise.
    func loss(preferring preferred: Loss) -> Loss {
        if self == .softmax { return .ce }
        if preferred.pairedActivation == nil || preferred.pairedActivation == self { return preferred }
        return self == .sigmoid ? .bce : .sse
    }
}
