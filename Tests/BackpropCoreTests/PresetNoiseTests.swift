import BackpropCore
import Testing

/// `--noise` on the generated presets: Gaussian noise of the standard deviation asked for, on
/// the inputs only, drawn apart from the points, and nothing at all at noise 0.
@Suite("preset noise")
struct PresetNoiseTests {
    private static let generated = Preset.allCases.filter(\.isGenerated)

    @Test("noise 0 is the plain preset, bit for bit", arguments: generated)
    func zeroNoise(preset: Preset) {
        #expect(preset.scenario(seed: 3, noise: 0) == preset.scenario(seed: 3))
        #expect(preset.scenario(seed: 3).noise == 0)
    }

    @Test(
        "noise moves every preset's points by about its standard deviation, keeping targets and weights",
        arguments: generated)
    func noiseMovesPoints(preset: Preset) {
        let plain = preset.scenario(seed: 7)
        let noisy = preset.scenario(seed: 7, noise: 0.1)
        #expect(noisy.noise == 0.1)
        #expect(noisy.targets == plain.targets)
        #expect(noisy.network == plain.network)
        #expect(noisy.split == plain.split)
        let moves = zip(noisy.inputs.elements, plain.inputs.elements).map { abs($0 - $1) }
        // |N(0, 0.1)| has mean 0.1·√(2/π) ≈ 0.080; rounding to hundredths adds less than 0.005.
        let mean = moves.reduce(0, +) / Double(moves.count)
        #expect(mean > 0.06 && mean < 0.10, "mean move \(mean)")
        #expect(moves.allSatisfy { $0 < 0.6 }, "a move of 6 standard deviations")
        // Still whole hundredths, as the plain points are.
        #expect(noisy.inputs.elements.allSatisfy { ($0 * 100).rounded() / 100 == $0 })
    }

    @Test("the same seed and noise give the same points; another noise moves the same points further")
    func reproducible() {
        let once = Preset.circle.scenario(seed: 2, noise: 0.2)
        #expect(once == Preset.circle.scenario(seed: 2, noise: 0.2))
        let small = Preset.circle.scenario(seed: 2, noise: 0.02)
        let plain = Preset.circle.scenario(seed: 2).inputs.elements
        let far = zip(once.inputs.elements, plain).map { abs($0 - $1) }.reduce(0, +)
        let near = zip(small.inputs.elements, plain).map { abs($0 - $1) }.reduce(0, +)
        #expect(far > 5 * near, "\(far) vs \(near)")
    }

    @Test("presets that are not generated ignore noise")
    func fixedPresets() {
        #expect(Preset.xor.scenario(seed: 1, noise: 0.3) == Preset.xor.scenario)
    }

    @Test("a reshaped preset keeps the noisy points, the noise and the test split")
    func reshapedKeepsNoise() throws {
        let noisy = Preset.overfit.scenario(seed: 4, noise: 0.05)
        let reshaped = try Preset.overfit.scenario(seed: 4, features: [.x1, .x2, .x1Squared], hidden: [3], noise: 0.05)
        #expect(reshaped.dataInputs == noisy.inputs)
        #expect(reshaped.noise == 0.05)
        #expect(reshaped.split == noisy.split && reshaped.split.hasTest)
        #expect(reshaped.network.sizes == [3, 3, 1])
    }
}
