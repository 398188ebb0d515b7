/// Central finite differences of C with respect to every weight and bias of every layer: the
/// independent estimate that the gradient check shows beside backprop's ∂C/∂W and ∂C/∂b.
public struct FiniteDifference: Equatable, Sendable {
    /// Estimated ∂C/∂θ for every parameter, in `ParameterIndex` order (as `Network.parameters`).
    public let gradient: [Double]
    /// The network the estimate was made at (for looking parameters up by index).
    private let network: Network

    /// Estimates the gradient at `trainer`'s state with (C(θ + h) - C(θ - h)) / 2h, where h is
    /// `relativeStep` scaled by the parameter's size (so large and small weights both get a
    /// step that is neither lost in rounding nor too coarse).
    public init(at trainer: Trainer, relativeStep: Double = 1e-6) {
        let network = trainer.network
        var probe = network
        gradient = network.parameters.indices.map { k in
            let value = network.parameters[k]
            let h = relativeStep * max(1, abs(value))
            probe.parameters[k] = value + h
            let plus = trainer.cost(of: probe)
            probe.parameters[k] = value - h
            let minus = trainer.cost(of: probe)
            probe.parameters[k] = value
            return (plus - minus) / (2 * h)
        }
        self.network = network
    }

    /// The estimate of one parameter's ∂C/∂θ.
    public subscript(index: ParameterIndex) -> Double {
        gradient[network.offset(of: index)]
    }

    /// |a - b| / max(|a|, |b|), and 0 when both are 0: how far backprop and the estimate differ.
    public static func relativeError(_ a: Double, _ b: Double) -> Double {
        let scale = max(abs(a), abs(b))
        return scale == 0 ? 0 : abs(a - b) / scale
    }
}
