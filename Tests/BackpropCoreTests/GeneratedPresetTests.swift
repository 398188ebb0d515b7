import BackpropCore
import Testing

/// The presets drawn from a seed, `circle` and `spiral`: the same numbers for the same seed,
/// others for another, the shapes their documentation promises, and a network that learns them.
@Suite struct GeneratedPresetTests {
    static let generated = Preset.allCases.filter(\.isGenerated)

    @Test func circleAndSpiralAreTheGeneratedPresets() {
        #expect(Self.generated == [.circle, .spiral])
    }

    @Test(arguments: generated)
    func aSeedGivesTheSameNumbersEveryTime(preset: Preset) {
        #expect(preset.scenario(seed: 7) == preset.scenario(seed: 7))
        #expect(preset.scenario == preset.scenario(seed: 1), "the default is seed 1")
    }

    @Test(arguments: generated)
    func anotherSeedGivesOtherPointsAndWeights(preset: Preset) {
        let one = preset.scenario(seed: 1)
        let two = preset.scenario(seed: 2)
        #expect(one.inputs != two.inputs)
        #expect(one.targets == two.targets, "the classes alternate whatever the seed")
        for l in 0..<one.network.layerCount {
            #expect(one.network.layer(l).weights != two.network.layer(l).weights, "layer \(l + 1)")
        }
    }

    @Test(arguments: Preset.allCases.filter { !$0.isGenerated })
    func fixedPresetsIgnoreTheSeed(preset: Preset) {
        #expect(preset.scenario(seed: 2) == preset.scenario)
    }

    /// The starting weights follow the rule of `--data` with `--hidden` (uniform in ±1/√fan-in,
    /// b = 0), drawn first from the same seed, so the two agree number for number.
    @Test(arguments: generated, [1, 2] as [UInt64])
    func startingWeightsAreThoseDataWithHiddenDraws(preset: Preset, seed: UInt64) throws {
        let scenario = preset.scenario(seed: seed)
        let network = scenario.network
        let hidden = (0..<(network.layerCount - 1)).map { network.layer($0).outputCount }
        let table = try DataTable(csv: "x1,x2,y\n0,0,0\n")
        let data = try table.scenario(seed: seed, hidden: hidden).network
        for l in 0..<network.layerCount {
            #expect(network.layer(l).weights == data.layer(l).weights, "layer \(l + 1)")
            #expect(network.layer(l).bias.allSatisfy { $0 == 0 })
        }
    }

    @Test func circleIsASmallNetworkTrainedOnTheMean() {
        let scenario = Preset.circle.scenario
        #expect(scenario.network.activations == [.tanh, .sigmoid])
        #expect(scenario.network.layer(0).outputCount == 4)
        #expect((scenario.sampleCount, scenario.loss, scenario.reduction) == (50, .sse, .mean))
        #expect(scenario.learningRate == 2)
    }

    @Test func spiralHasTwoHiddenLayersTrainedOnTheMean() {
        let scenario = Preset.spiral.scenario
        #expect(scenario.network.activations == [.tanh, .tanh, .sigmoid])
        #expect((scenario.network.layer(0).outputCount, scenario.network.layer(1).outputCount) == (8, 8))
        #expect((scenario.sampleCount, scenario.loss, scenario.reduction) == (80, .sse, .mean))
        #expect(scenario.learningRate == 1)
    }

    /// Seed 1's first points, checked by hand: (0.25, -0.07) is 0.26 from the centre, inside;
    /// (0.69, -0.29) is 0.75, in the outer ring; (0.25, 0.32) is 0.41, inside; (0.4, 0.88) is
    /// 0.97, outside.
    @Test func circlesFirstPointsForSeedOne() {
        let scenario = Preset.circle.scenario
        #expect(
            Array(scenario.inputs.rowArrays.prefix(4)) == [[0.25, -0.07], [0.69, -0.29], [0.25, 0.32], [0.4, 0.88]])
        #expect(Array(scenario.targets.elements.prefix(4)) == [1, 0, 1, 0])
        #expect(scenario.network.layer(0).weights.rowArrays[0][0] == 0.09413228234155592)
    }

    /// Seed 1's first and last points, checked by hand: arm 0 starts at (0.1, 0) and arm 1 half
    /// a turn away at (-0.1, 0), each moved by at most 0.02; after 1.5 turns arm 0 ends at
    /// (-0.95, 0) and arm 1 at (0.95, 0).
    @Test func spiralsFirstAndLastPointsForSeedOne() {
        let scenario = Preset.spiral.scenario
        let points = scenario.inputs.rowArrays
        #expect(Array(points.prefix(4)) == [[0.09, 0.01], [-0.09, 0], [0.1, 0.05], [-0.11, -0.05]])
        #expect(Array(points.suffix(2)) == [[-0.95, -0.01], [0.95, 0.01]])
        #expect(Array(scenario.targets.elements.prefix(4)) == [0, 1, 0, 1])
        #expect(points[1][1].sign == .plus, "no -0, which would show as -0")
    }

    /// Every coordinate is a whole number of hundredths in [-1, 1] (no -0), and the two classes
    /// have exactly half the samples each, alternating.
    @Test(arguments: generated, [1, 2, 3, 99, .max] as [UInt64])
    func pointsAreRoundedAndTheClassesBalanced(preset: Preset, seed: UInt64) {
        let scenario = preset.scenario(seed: seed)
        for value in scenario.inputs.elements {
            #expect((value * 100).rounded() / 100 == value && abs(value) <= 1, "\(value)")
            #expect(value != 0 || value.sign == .plus, "-0")
        }
        let targets = scenario.targets.elements
        #expect(targets.count.isMultiple(of: 2))
        #expect(targets.enumerated().allSatisfy { k, y in y == Double((k + (preset == .circle ? 1 : 0)) % 2) })
    }

    /// y = 1 exactly inside the circle of radius 0.6, with a margin on both sides of it after
    /// rounding; and each class reaches into every quadrant, so the picture is a circle, not a
    /// corner of one.
    @Test(arguments: [1, 2, 3, 99, .max] as [UInt64])
    func circleLabelsFollowTheRadius(seed: UInt64) {
        let scenario = Preset.circle.scenario(seed: seed)
        for (point, y) in zip(scenario.inputs.rowArrays, scenario.targets.elements) {
            let squared = point[0] * point[0] + point[1] * point[1]
            #expect((squared < 0.6 * 0.6) == (y == 1), "\(point), y = \(y)")
            #expect(squared <= 0.51 * 0.51 || squared >= 0.69 * 0.69, "\(point) lies in the margin")
        }
        for y in [0.0, 1.0] {
            let quadrants = Set(
                zip(scenario.inputs.rowArrays, scenario.targets.elements).filter { $0.1 == y }.map {
                    [$0.0[0] >= 0, $0.0[1] >= 0]
                })
            #expect(quadrants.count == 4, "class \(y) in \(quadrants.count) quadrants")
        }
    }

    /// Each point lies near its arm: its distance from the centre grows along the arm from 0.1
    /// to 0.95, give or take the jitter (±0.02 a coordinate) and the rounding (±0.005).
    @Test(arguments: [1, 2, 3, 99, .max] as [UInt64])
    func spiralPointsFollowTheirArm(seed: UInt64) {
        let points = Preset.spiral.scenario(seed: seed).inputs.rowArrays
        let perArm = points.count / 2
        for (k, point) in points.enumerated() {
            let along = Double(k / 2) / Double(perArm - 1)
            let distance = (point[0] * point[0] + point[1] * point[1]).squareRoot()
            #expect(abs(distance - (0.1 + 0.85 * along)) <= 0.025 * 2.0.squareRoot() + 1e-12, "sample \(k + 1)")
        }
    }

    /// Seed 1 is learned: every sample on the right side of 0.5. It takes 480 steps (checked
    /// every 10); 1000 leave room for a platform whose tanh differs in the last bit.
    @Test func circleIsLearned() {
        var trainer = Trainer(scenario: Preset.circle.scenario)
        trainer.run(steps: 1000)
        let targets = Preset.circle.scenario.targets.elements
        for (k, prediction) in trainer.prediction.elements.enumerated() {
            #expect((prediction > 0.5) == (targets[k] == 1), "sample \(k + 1): ŷ \(prediction), y \(targets[k])")
        }
    }
}
