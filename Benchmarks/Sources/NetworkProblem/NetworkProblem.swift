import BackpropCore
import CNetworkLoop

/// The network benchmark's problem, the same for the Swift trainer and the C floor: a 2-16-16-1
/// network (tanh, tanh, sigmoid), SSE, the seed reduction, 256 samples. The data and the starting
/// parameters come from one generator (SplitMix64, in `CNetworkLoop`), so both sides start from
/// the very same bits.
public enum NetworkProblem {
    /// The SplitMix64 seed.
    public static let seed: UInt64 = 8
    /// Small enough for SSE summed over 256 samples to descend smoothly (the cost falls from 63.7
    /// to about 0.5 in 6000 steps).
    public static let learningRate = 0.005

    /// x (256 x 2), y (256 x 1) and the parameters in `Network.parameters` order, flat.
    public static func arrays() -> (x: [Double], y: [Double], parameters: [Double]) {
        var x = [Double](repeating: 0, count: NET_SAMPLES * NET_INPUTS)
        var y = [Double](repeating: 0, count: NET_SAMPLES * NET_OUTPUTS)
        var parameters = [Double](repeating: 0, count: NET_PARAMETERS)
        net_make_problem(seed, &x, &y, &parameters)
        return (x, y, parameters)
    }

    /// The problem as a scenario for `Trainer`.
    public static func scenario() -> Scenario {
        let (x, y, parameters) = arrays()
        let sizes = [NET_INPUTS, NET_HIDDEN, NET_HIDDEN, NET_OUTPUTS]
        let activations: [Activation] = [.tanh, .tanh, .sigmoid]
        var layers: [ScenarioLayer] = []
        var offset = 0
        for l in 0..<3 {
            let (n, m) = (sizes[l], sizes[l + 1])
            let weights: [[Double]] = rows(Array(parameters[offset..<(offset + n * m)]), m)
            let biasStart = offset + n * m
            let bias = Array(parameters[biasStart..<(biasStart + m)])
            layers.append(ScenarioLayer(weights: weights, bias: bias, activation: activations[l]))
            offset += (n + 1) * m
        }
        do {
            return try Scenario(
                inputs: rows(x, sizes[0]), targets: rows(y, sizes[3]), layers: layers, learningRate: learningRate,
                loss: .sse, reduction: .seed)
        } catch {
            fatalError("the network problem is a valid scenario: \(error)")
        }
    }

    /// A flat row-major array as rows of `columns`.
    static func rows(_ flat: [Double], _ columns: Int) -> [[Double]] {
        stride(from: 0, to: flat.count, by: columns).map { Array(flat[$0..<($0 + columns)]) }
    }

    /// The C floor at step 0 of the problem; free it with `net_free`.
    public static func cState() -> OpaquePointer {
        let (x, y, parameters) = arrays()
        return net_new(x, y, parameters)!
    }

    /// The C state's parameters, copied out.
    public static func parameters(of state: OpaquePointer) -> [Double] {
        Array(UnsafeBufferPointer(start: net_parameters(state), count: NET_PARAMETERS))
    }
}
