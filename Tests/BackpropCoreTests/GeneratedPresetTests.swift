import BackpropCore
import Testing

/// The presets drawn from a seed, `circle`, `spiral` and `rings`: the same numbers for the same
/// seed, others for another, the shapes their documentation promises, and a network that learns
/// them.
@Suite struct GeneratedPresetTests {
    static let generated = Preset.allCases.filter(\.isGenerated)
    /// The generated presets whose samples are points of the plane drawn from the seed.
    static let points = Preset.allCases.filter(\.drawsPoints)

    @Test func theGeneratedPresets() {
        #expect(Self.generated == [.circle, .spiral, .rings, .gauss, .overfit, .deepSigmoid, .digits])
        #expect(Self.points == [.circle, .spiral, .rings, .gauss, .overfit, .deepSigmoid])
    }

    @Test(arguments: generated)
    func aSeedGivesTheSameNumbersEveryTime(preset: Preset) {
        #expect(preset.scenario(seed: 7) == preset.scenario(seed: 7))
        #expect(preset.scenario == preset.scenario(seed: 1), "the default is seed 1")
    }

    @Test(arguments: points)
    func anotherSeedGivesOtherPointsAndWeights(preset: Preset) {
        let one = preset.scenario(seed: 1)
        let two = preset.scenario(seed: 2)
        #expect(one.inputs != two.inputs)
        // overfit labels its points by where they fall; the others alternate their classes.
        #expect(preset == .overfit || one.targets == two.targets, "the classes alternate whatever the seed")
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
        // One target column per output: rings has three.
        let targets = (1...network.outputCount).map { "y\($0)" }.joined(separator: ",")
        let zeros = Array(repeating: "0", count: network.outputCount).joined(separator: ",")
        let inputs = (1...network.inputCount).map { "x\($0)" }.joined(separator: ",")
        let origin = Array(repeating: "0", count: network.inputCount).joined(separator: ",")
        let table = try DataTable(csv: "\(inputs),\(targets)\n\(origin),\(zeros)\n")
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

    /// Every coordinate is a whole number of hundredths in [-1, 1] (no -0), and the classes have
    /// the same number of samples each, taking turns: y = 0 and 1 (circle: 1 first), or for
    /// rings the one-hot rows of classes 1, 2, 3.
    @Test(arguments: points, [1, 2, 3, 99, .max] as [UInt64])
    func pointsAreRoundedAndTheClassesBalanced(preset: Preset, seed: UInt64) {
        let scenario = preset.scenario(seed: seed)
        for value in scenario.inputs.elements {
            #expect((value * 100).rounded() / 100 == value && abs(value) <= 1, "\(value)")
            #expect(value != 0 || value.sign == .plus, "-0")
        }
        let targets = scenario.targets.rowArrays
        if preset == .overfit {
            // Labelled by the rule, not alternating: TeachingPresetTests checks them.
            #expect(targets.count == 40)
        } else if preset == .rings {
            #expect(targets.count.isMultiple(of: 3))
            #expect(targets.enumerated().allSatisfy { k, y in y == (0..<3).map { $0 == k % 3 ? 1 : 0 } })
        } else {
            #expect(targets.count.isMultiple(of: 2))
            #expect(
                targets.enumerated().allSatisfy { k, y in
                    y == [Double((k + (preset == .circle || preset == .deepSigmoid ? 1 : 0)) % 2)]
                })
        }
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

    @Test func ringsIsSoftmaxAndCrossEntropyOnTheMean() {
        let scenario = Preset.rings.scenario
        #expect(scenario.network.sizes == [2, 8, 3])
        #expect(scenario.network.activations == [.tanh, .softmax])
        #expect((scenario.sampleCount, scenario.loss, scenario.reduction) == (60, .ce, .mean))
        #expect(scenario.learningRate == 1)
        #expect(TargetClasses(targets: scenario.targets) == .oneHot)
    }

    /// Seed 1's first points, checked by hand: (-0.14, 0.16) is 0.21 from the centre, in the disc;
    /// (-0.05, -0.58) is 0.58, in the middle ring; (-0.66, 0.71) is 0.97, in the outer ring.
    @Test func ringsFirstPointsForSeedOne() {
        let scenario = Preset.rings.scenario
        #expect(Array(scenario.inputs.rowArrays.prefix(3)) == [[-0.14, 0.16], [-0.05, -0.58], [-0.66, 0.71]])
    }

    /// Each class lies in its band around the centre, with an empty margin between bands even
    /// after rounding, and reaches into every quadrant: a disc and two whole rings.
    @Test(arguments: [1, 2, 3, 99, .max] as [UInt64])
    func ringsLabelsFollowTheRadius(seed: UInt64) {
        let scenario = Preset.rings.scenario(seed: seed)
        let bands = [0...0.31, 0.44...0.66, 0.79...1.01]
        for (point, y) in zip(scenario.inputs.rowArrays, scenario.targets.rowArrays) {
            let squared: Double = point[0] * point[0] + point[1] * point[1]
            let distance = squared.squareRoot()
            let c = y.firstIndex(of: 1) ?? -1
            #expect(c >= 0 && bands[c].contains(distance), "\(point) of class \(c + 1) is \(distance) from the centre")
        }
        for c in 0..<3 {
            var quadrants: Set<[Bool]> = []
            for (point, y) in zip(scenario.inputs.rowArrays, scenario.targets.rowArrays) where y[c] == 1 {
                quadrants.insert([point[0] >= 0, point[1] >= 0])
            }
            #expect(quadrants.count == 4, "class \(c + 1) in \(quadrants.count) quadrants")
        }
    }

    /// Seed 1 is learned: every sample's largest ŷ is its class's. It takes 210 steps (checked
    /// every step); 1000 leave room for a platform whose tanh differs in the last bit.
    @Test func ringsIsLearned() {
        var trainer = Trainer(scenario: Preset.rings.scenario)
        trainer.run(steps: 1000)
        let targets = Preset.rings.scenario.targets
        #expect(TargetClasses.oneHot.rightCount(prediction: trainer.prediction, targets: targets) == 60)
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
