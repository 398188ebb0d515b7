import BackpropCore
import Testing

/// A layer of 4 outputs or more runs its outputs' sums side by side (a row of W at a time, a
/// sample's δ at a time), which the compiler puts in vector registers; each sum must still add
/// its terms in the order numpy's matmul does, from 0, so the bits are those of one sum at a
/// time. Here every sum of a step is worked out one at a time, by plain loops, and compared bit
/// for bit: wide layers (side by side) and narrow ones (3 outputs, one at a time).
@Suite("sums side by side")
struct SideBySideSumsTests {
    /// Σ over `count` terms in order, from 0, as one sum at a time adds them.
    private func sum(_ count: Int, _ term: (Int) -> Double) -> Double {
        var total = 0.0
        for k in 0..<count { total += term(k) }
        return total
    }

    static let scenarios: [(String, Scenario)] = [
        // 64 -> 9 -> 5 -> 10: every layer side by side, on a mini-batch of 32.
        ("digits 64-9-5-10", try! Preset.digits.scenario(seed: 4, features: nil, hidden: [9, 5])),
        // 2 -> 8 -> 3: side by side, then one at a time; every sample, no split.
        ("rings 2-8-3", Preset.rings.scenario(seed: 2)),
        // 2 -> 8 -> 8 -> 1 with a split.
        ("overfit", Preset.overfit.scenario(seed: 3)),
    ]

    @Test("a step's a, ∂C/∂W, ∂C/∂b and new W are those of one sum at a time", arguments: scenarios)
    func stepSumsInOrder(name: String, scenario: Scenario) {
        var trainer = Trainer(scenario: scenario)
        trainer.run(steps: 7)
        let trace = trainer.nextStep()
        let before = trace.networkBefore
        let samples = trace.samples.count
        for (l, layer) in trace.layers.enumerated() {
            let (weights, bias) = (before.layer(l).weights, before.layer(l).bias)
            let (n, m) = (weights.rows, weights.columns)
            var sameA = true
            var sameGradient = true
            var sameStep = true
            for s in 0..<samples {
                for j in 0..<m {
                    let a = sum(n) { layer.input[s, $0] * weights[$0, j] } + bias[j]
                    sameA = sameA && a.bitPattern == layer.preActivation[s, j].bitPattern
                }
            }
            let after = trace.networkAfter.layer(l).weights
            let divisor = scenario.reduction.averagesWeights ? Double(samples) : 1
            for i in 0..<n {
                for j in 0..<m {
                    let gradient = sum(samples) { layer.input[$0, i] * layer.delta[$0, j] }
                    sameGradient = sameGradient && gradient.bitPattern == layer.weightGradient[i, j].bitPattern
                    let stepped = weights[i, j] - trace.learningRate * (gradient / divisor)
                    sameStep = sameStep && stepped.bitPattern == after[i, j].bitPattern
                }
            }
            let biasGradient = (0..<m).map { j in sum(samples) { layer.delta[$0, j] } }
            #expect(sameA, "\(name) layer \(l + 1): a")
            #expect(sameGradient, "\(name) layer \(l + 1): ∂C/∂W")
            #expect(sameStep, "\(name) layer \(l + 1): W after the step")
            #expect(biasGradient.map(\.bitPattern) == layer.biasGradient.map(\.bitPattern), "\(name) layer \(l + 1)")
        }
    }

    @Test("the forward pass over every training sample sums in order too", arguments: scenarios)
    func forwardSumsInOrder(name: String, scenario: Scenario) {
        var trainer = Trainer(scenario: scenario)
        trainer.run(steps: 3)
        let training = scenario.split.training
        let network = trainer.network
        var input = Matrix(rows: training.count, columns: scenario.inputCount)
        for (r, s) in training.enumerated() { for i in 0..<input.columns { input[r, i] = scenario.inputs[s, i] } }
        for l in 0..<network.layerCount {
            let (weights, bias) = (network.layer(l).weights, network.layer(l).bias)
            let a = trainer.preActivation(ofLayer: l)
            var same = true
            for r in 0..<training.count {
                for j in 0..<weights.columns {
                    let value = sum(weights.rows) { input[r, $0] * weights[$0, j] } + bias[j]
                    same = same && value.bitPattern == a[r, j].bitPattern
                }
            }
            #expect(same, "\(name) layer \(l + 1)")
            input = trainer.output(ofLayer: l)
        }
    }
}
