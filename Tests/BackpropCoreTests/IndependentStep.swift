import Foundation

/// One gradient-descent step worked out again from a printed worksheet's givens, in plain loops
/// written for the test (no `Trainer`, no `Matrix`): what every printed answer must round from.
struct IndependentStep {
    /// Per layer: a, h, e (∂C/∂h), δ, as [sample][neuron].
    var a: [[[Double]]] = []
    var h: [[[Double]]] = []
    var e: [[[Double]]] = []
    var delta: [[[Double]]] = []
    /// Per layer: ∂C/∂W [input][neuron], ∂C/∂b [neuron], new W, new b.
    var weightGradient: [[[Double]]] = []
    var biasGradient: [[Double]] = []
    var newWeights: [[[Double]]] = []
    var newBias: [[Double]] = []
    var cost = 0.0

    init(
        x: [[Double]], y: [[Double]], weights: [[[Double]]], bias: [[Double]], activations: [String], loss: String,
        reduction: String, lr: Double
    ) {
        let L = weights.count
        let N = x.count
        let m = y[0].count
        var input = x
        for l in 0..<L {
            let w = weights[l]
            var aL: [[Double]] = []
            var hL: [[Double]] = []
            for n in 0..<N {
                var row: [Double] = []
                for j in 0..<w[0].count {
                    var sum = bias[l][j]
                    for i in 0..<w.count { sum += input[n][i] * w[i][j] }
                    row.append(sum)
                }
                aL.append(row)
                hL.append(IndependentStep.g(activations[l], row))
            }
            a.append(aL)
            h.append(hL)
            input = hL
        }
        let yHat = h[L - 1]
        // The cost and ∂C/∂ŷ.
        var dYHat = yHat
        for n in 0..<N {
            for j in 0..<m {
                let (p, t) = (yHat[n][j], y[n][j])
                switch loss {
                case "sse":
                    cost += (p - t) * (p - t)
                    dYHat[n][j] = 2 * (p - t)
                case "mse":
                    cost += (p - t) * (p - t) / Double(N * m)
                    dYHat[n][j] = 2 * (p - t) / Double(N * m)
                case "bce":
                    cost -= t * log(p) + (1 - t) * log(1 - p)
                    dYHat[n][j] = (p - t) / (p * (1 - p))
                default:
                    if t != 0 { cost -= t * log(p) }
                    dYHat[n][j] = t == 0 ? 0 : -t / p
                }
            }
        }
        e = Array(repeating: [], count: L)
        delta = Array(repeating: [], count: L)
        e[L - 1] = dYHat
        for l in (0..<L).reversed() {
            if l < L - 1 {
                // e = δ of the layer above times its W transposed.
                e[l] = (0..<N).map { n in
                    (0..<weights[l][0].count).map { j in
                        (0..<weights[l + 1][0].count).reduce(0.0) { $0 + delta[l + 1][n][$1] * weights[l + 1][j][$1] }
                    }
                }
            }
            delta[l] = (0..<N).map { n in
                (0..<weights[l][0].count).map { j in
                    if l == L - 1 && (loss == "bce" || loss == "ce") { return yHat[n][j] - y[n][j] }
                    return IndependentStep.derivative(activations[l], a: a[l][n][j], h: h[l][n][j]) * e[l][n][j]
                }
            }
        }
        for l in 0..<L {
            let inputs = l == 0 ? x : h[l - 1]
            let gw = (0..<weights[l].count).map { i in
                (0..<weights[l][0].count).map { j in (0..<N).reduce(0.0) { $0 + inputs[$1][i] * delta[l][$1][j] } }
            }
            let gb = (0..<weights[l][0].count).map { j in (0..<N).reduce(0.0) { $0 + delta[l][$1][j] } }
            weightGradient.append(gw)
            biasGradient.append(gb)
            // The reduction divides the weights' sum by N for mean, the biases' for mean and seed.
            let weightDivisor: Double = reduction == "mean" ? Double(N) : 1
            let biasDivisor: Double = reduction == "sum" ? 1 : Double(N)
            var updated: [[Double]] = weights[l]
            for i in 0..<gw.count {
                for j in 0..<gw[i].count {
                    let step: Double = gw[i][j] / weightDivisor
                    updated[i][j] = weights[l][i][j] - lr * step
                }
            }
            newWeights.append(updated)
            var updatedBias: [Double] = bias[l]
            for j in 0..<gb.count {
                let step: Double = gb[j] / biasDivisor
                updatedBias[j] = bias[l][j] - lr * step
            }
            newBias.append(updatedBias)
        }
    }

    /// g of one sample's row.
    static func g(_ name: String, _ row: [Double]) -> [Double] {
        switch name {
        case "sigmoid": return row.map { 1 / (1 + exp(-$0)) }
        case "tanh": return row.map { tanh($0) }
        case "relu": return row.map { max(0, $0) }
        case "linear": return row
        default:
            let top = row.max()!
            let exps = row.map { exp($0 - top) }
            let total = exps.reduce(0, +)
            return exps.map { $0 / total }
        }
    }

    /// g'(a), from a and h = g(a).
    static func derivative(_ name: String, a: Double, h: Double) -> Double {
        switch name {
        case "sigmoid": return h * (1 - h)
        case "tanh": return 1 - h * h
        case "relu": return a > 0 ? 1 : 0
        default: return 1
        }
    }
}
