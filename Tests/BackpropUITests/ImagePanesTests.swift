import BackpropCore
import Foundation
import Testing

@testable import BackpropUI

/// The image panes of data that is pictures (the Sample pane, the Layer 1 neurons' weight
/// pictures): golden frames of the digits at 80x24 and 120x40, `m`, the sample `<` `>` choose,
/// pixels outside 0..1, and weight pictures that change as the network trains.
@Suite("the image panes")
struct ImagePanesTests {
    static let small = Size(width: 80, height: 24)
    static let wide = Size(width: 120, height: 40)

    /// The digits after 200 steps (5 epochs of batches of 32), trained once for every test: a
    /// debug build takes seconds.
    static let trained: AppState = {
        var state = AppState(scenario: Preset.digits.scenario, scenarioName: Preset.digits.rawValue)
        state.apply(.training(.advance(steps: 199)))
        state.apply(.training(.step))
        return state
    }()

    /// `trained` on a terminal of `size` drawn with `options`, after `keys`.
    static func state(size: Size, options: RenderOptions = RenderOptions(), keys: String = "") throws -> AppState {
        var state = trained
        state.options = options
        state.apply(.terminal(.resize(size)))
        try KeySequence(parsing: keys).press(on: &state)
        return state
    }

    /// The panes of `state`'s frame with their rectangles.
    static func placed(_ state: AppState) -> [(pane: any Pane, area: Rect)] {
        let made = Frame.layout(state, size: state.size, data: FrameData(for: state))
        guard case .panes(let panes) = made.layout else { return [] }
        return zip(made.panes, panes.areas(of: made.panes)).map { ($0.pane, $1) }
    }

    /// The text of `area` of `canvas`, a line a row.
    static func text(of area: Rect, in canvas: Canvas) -> [String] {
        let lines = canvas.text.components(separatedBy: "\n")
        return (area.y..<area.maxY).map { String(Array(lines[$0])[area.x..<area.maxX]) }
    }

    @Test(
        "golden frames: the digits after 200 steps, the images asked for with m at 80x24 and by themselves at 120x40",
        arguments: [
            ("digits-images-step200-80x24", small, false, "m"),
            ("digits-images-ascii-step200-80x24", small, true, "m"),
            ("digits-images-step200-120x40", wide, false, ""),
            ("digits-images-ascii-step200-120x40", wide, true, ""),
        ])
    func golden(name: String, size: Size, ascii: Bool, keys: String) throws {
        let state = try Self.state(size: size, options: RenderOptions(ascii: ascii), keys: keys)
        let canvas = Frame.render(state)
        #expect(canvas.text.contains("Sample \(state.selectedSample + 1)"))
        #expect(canvas.text.contains("Layer 1 neurons"))
        GoldenFile.expectMatches(canvas, named: name)
    }

    @Test(
        "a test sample the network gets wrong: its label, the pick marked wrong, and the label marked",
        arguments: [
            ("digits-images-wrong-test-sample-120x40", wide, false, ""),
            ("digits-images-ascii-wrong-test-sample-80x24", small, true, "m"),
        ])
    func wrongTestSample(name: String, size: Size, ascii: Bool, keys: String) throws {
        var state = try Self.state(size: size, options: RenderOptions(ascii: ascii), keys: keys)
        let scenario = state.trainer.scenario
        let prediction = FrameData(for: state).everyPrediction
        let digits = DigitImages.shipped
        let wrong = try #require(
            scenario.split.test.first { sample in
                let row = (0..<10).map { prediction[sample, $0] }
                return ClassVerdicts.largest(of: row).map { $0 != digits.labels[sample] } ?? false
            })
        state.selectedSample = wrong
        let canvas = Frame.render(state)
        let label = digits.labels[wrong]
        let picked = try #require(ClassVerdicts.largest(of: (0..<10).map { prediction[wrong, $0] }))
        let lines = canvas.text.components(separatedBy: "\n")
        let (separator, arrow) = ascii ? (" | ", "<") : (" · ", "◂")
        #expect(canvas.text.contains("Sample \(wrong + 1)\(separator)label \(label)\(separator)test"))
        #expect(lines.contains { $0.contains(" \(picked) ") && $0.contains("\(arrow) wrong") })
        #expect(lines.contains { $0.contains(" \(label) ") && $0.contains("\(arrow) label") })
        GoldenFile.expectMatches(canvas, named: name)
    }

    @Test("the Sample pane draws the chosen sample's pixels; > chooses another, and a step keeps it")
    func sampleFollowsTheChoice() throws {
        let before = try Self.state(size: Self.wide, options: RenderOptions(color: false))
        let after = try Self.state(size: Self.wide, options: RenderOptions(color: false), keys: ">")
        let stepped = try Self.state(size: Self.wide, options: RenderOptions(color: false), keys: ">s")
        #expect(after.selectedSample != before.selectedSample)
        // The step's panes have moved on to the next batch; the Sample pane keeps the choice.
        #expect(stepped.selectedSample == after.selectedSample && stepped.followedSample != after.selectedSample)
        for state in [before, after, stepped] {
            let canvas = Frame.render(state)
            let (pane, area) = try #require(Self.placed(state).first { $0.pane is SamplePane })
            let sample = try #require(pane as? SamplePane)
            #expect(sample.sample == state.selectedSample)
            #expect(Self.text(of: area, in: canvas)[0].contains("Sample \(state.selectedSample + 1)"))
            // Its picture is that sample's row of the data, pixel for pixel, and its bars its ŷ.
            let inputs = state.trainer.scenario.dataInputs
            #expect(sample.picture.values == (0..<64).map { inputs[state.selectedSample, $0] })
            let prediction = FrameData(for: state).everyPrediction
            #expect(sample.prediction == (0..<10).map { prediction[state.selectedSample, $0] })
        }
    }

    @Test("every neuron's picture is the column of W¹ into it, and they change as the network trains")
    func weightPicturesChange() throws {
        var start = AppState(
            scenario: Preset.digits.scenario, scenarioName: "digits", options: RenderOptions(), size: Self.wide)
        start.apply(.terminal(.resize(Self.wide)))
        let trained = try Self.state(size: Self.wide)
        var drawn: [String] = []
        for state in [start, trained] {
            let canvas = Frame.render(state)
            let (pane, area) = try #require(Self.placed(state).first { $0.pane is WeightImagesPane })
            let weights = try #require(pane as? WeightImagesPane).weights
            #expect(weights == state.trainer.network.layer(0).weights)
            // The first neuron's picture, under its label, is column 1 of W¹ on the layer's scale.
            var expected = Canvas(size: state.size)
            PixelPicture(
                shape: DigitImages.shape, values: (0..<64).map { weights[$0, 0] },
                scale: WeightImagesPane.scale(for: weights.elements)
            ).draw(at: area.x + 1, area.y + 2, magnification: 1, color: true, on: &expected)
            for row in (area.y + 2)..<(area.y + 6) {
                for column in (area.x + 1)..<(area.x + 9) {
                    #expect(canvas[column, row] == expected[column, row], "cell \(column), \(row)")
                }
            }
            let lines =
                canvas.styleText.components(separatedBy: "\n") + canvas.backgroundText.components(separatedBy: "\n")
            drawn.append((area.y..<area.maxY).map { String(Array(lines[$0])[area.x..<area.maxX]) }.joined())
        }
        #expect(drawn[0] != drawn[1], "the pictures' colours after 200 steps are those of step 0")
    }

    @Test("the selected weight's neuron is highlighted, and the pictures shown follow it")
    func selectedNeuronInView() throws {
        var state = try Self.state(size: Self.small, options: RenderOptions(color: false), keys: "m")
        state.selection = .weight(layer: 0, row: 10, column: 13)
        let canvas = Frame.render(state)
        let (_, area) = try #require(Self.placed(state).first { $0.pane is WeightImagesPane })
        let lines = Self.text(of: area, in: canvas)
        // Eight fit; the window ends at the selected neuron, h¹14.
        #expect(lines[0].contains("Layer 1 neurons (7-14 of 16)"))
        let styles = canvas.styleText.components(separatedBy: "\n")
        let label = try #require(lines.firstIndex { $0.contains("h¹14") })
        let column = try #require(lines[label].range(of: "h¹14")).lowerBound.utf16Offset(in: lines[label])
        #expect(Array(styles[area.y + label])[area.x + column] == "#")
    }

    @Test("m: the images take the inspector's place at 80x24 and give it back; at 120x40 they hide")
    func imagesKey() throws {
        let small = try Self.state(size: Self.small)
        let shown = assertUpdate(small, .view(.togglePlane(KeyMap.planeRoom(in: small)))) {
            $0.planeChoice = true
            $0.message = StatusMessage(
                wordings: [
                    "the images take the inspector's place (m gives it back); from 120 columns they get a column",
                    "the images take the inspector's place (m gives it back)",
                ])
        }
        let placed = Self.placed(shown)
        #expect(placed.contains { $0.pane is SamplePane && !$0.area.isEmpty })
        #expect(placed.contains { $0.pane is InspectorPane && $0.area.isEmpty })
        assertUpdate(shown, .view(.togglePlane(KeyMap.planeRoom(in: shown)))) {
            $0.planeChoice = false
            $0.message = StatusMessage("images hidden (m shows them)")
        }
        let wide = try Self.state(size: Self.wide)
        #expect(Self.placed(wide).contains { $0.pane is WeightImagesPane && !$0.area.isEmpty })
        let hidden = assertUpdate(wide, .view(.togglePlane(KeyMap.planeRoom(in: wide)))) {
            $0.planeChoice = false
            $0.message = StatusMessage("images hidden (m shows them)")
        }
        #expect(Self.placed(hidden).allSatisfy { !($0.pane is SamplePane) || $0.area.isEmpty })
    }

    @Test("below 120 columns the gradient check holds the place: m says so, and the images show once it closes")
    func imagesGiveWayToTheCheck() throws {
        let checking = try Self.state(size: Self.small, keys: "c")
        let asked = assertUpdate(checking, .view(.togglePlane(KeyMap.planeRoom(in: checking)))) {
            $0.planeChoice = true
            $0.message = StatusMessage(
                wordings: [
                    "the images take the inspector's place once the gradient check (c) is closed, or a column from 120 columns",
                    "the images show once the gradient check (c) is closed",
                ])
        }
        #expect(Self.placed(asked).allSatisfy { !($0.pane is SamplePane) || $0.area.isEmpty })
        var closed = asked
        closed.apply(.view(.toggleGradientCheck))
        #expect(Self.placed(closed).contains { $0.pane is SamplePane && !$0.area.isEmpty })
        #expect(KeyMap.planeRoom(in: closed).isShown)
    }

    @Test("at 80x24 the Sample pane shows all ten classes, the digit the data labels, and all of it fits")
    func smallScreenShowsEveryClass() throws {
        let state = try Self.state(size: Self.small, options: RenderOptions(color: false), keys: "m")
        let canvas = Frame.render(state)
        let (pane, area) = try #require(Self.placed(state).first { $0.pane is SamplePane })
        let lines = Self.text(of: area, in: canvas)
        for digit in 0..<10 {
            #expect(lines.contains { $0.contains(" \(digit) ") }, "class \(digit)")
        }
        let label = DigitImages.shipped.labels[try #require(pane as? SamplePane).sample]
        #expect(lines[0].contains("label \(label)"))
        #expect(!canvas.text.contains("Inspector"))
    }

    @Test("pixels outside 0..1 are drawn scaled from the data's range, and the pane says so")
    func scaledPixels() throws {
        // 2x2 pictures of 0..255, two classes.
        var scenario = try Scenario(
            inputs: [[0, 255, 255, 0], [255, 0, 0, 255]], targets: [[1, 0], [0, 1]],
            weights: [[0.1, -0.1], [0.2, -0.2], [0.3, -0.3], [0.4, -0.4]])
        try scenario.setImage(ImageShape(width: 2, height: 2))
        var state = AppState(
            scenario: scenario, scenarioName: "scans", options: RenderOptions(color: false), size: Self.wide)
        state.apply(.terminal(.resize(Self.wide)))
        let canvas = Frame.render(state)
        let sample = try #require(Self.placed(state).first { $0.pane is SamplePane }?.pane as? SamplePane)
        #expect(sample.picture.values == [0, 1, 1, 0])
        #expect(canvas.text.contains("pixels scaled from 0 to 255"))
        // Two classes numbered from 0, as the predictions and the Confusion pane number them.
        #expect(sample.bars?.names == ["0", "1"])
    }

    @Test("targets that are not classes: ŷ beside y as numbers")
    func numbersForOtherTargets() throws {
        var scenario = try Scenario(
            inputs: [[0, 0.5, 1, 0], [1, 0.5, 0, 1]], targets: [[0.25], [0.75]],
            weights: [[0.1], [0.2], [0.3], [0.4]])
        try scenario.setImage(ImageShape(width: 2, height: 2))
        var state = AppState(
            scenario: scenario, scenarioName: "grey", options: RenderOptions(color: false), size: Self.wide)
        state.apply(.terminal(.resize(Self.wide)))
        let canvas = Frame.render(state)
        let (pane, area) = try #require(Self.placed(state).first { $0.pane is SamplePane })
        let sample = try #require(pane as? SamplePane)
        #expect(sample.bars == nil && sample.scaledFrom == nil)
        let prediction = FrameData(for: state).everyPrediction[0, 0]
        #expect(
            Self.text(of: area, in: canvas).contains {
                $0.contains("ŷ1 \(Layout.narrowNumber.string(prediction))  y1 0.25")
            })
    }

    @Test("more classes than rows: the classes around the pick, still marked wrong when the label is off them")
    func manyClasses() throws {
        // 2x2 pictures of 20 classes; the bias makes class 15 (output 16) the pick, and sample 1's
        // label is class 2.
        let targets = (0..<2).map { sample in (0..<20).map { $0 == 2 + sample ? 1.0 : 0 } }
        var scenario = try Scenario(
            inputs: [[0, 1, 1, 0], [1, 0, 0, 1]], targets: targets,
            weights: Array(repeating: Array(repeating: 0.1, count: 20), count: 4),
            bias: (0..<20).map { $0 == 15 ? 5 : 0 })
        try scenario.setImage(ImageShape(width: 2, height: 2))
        var state = AppState(
            scenario: scenario, scenarioName: "many", options: RenderOptions(color: false), size: Self.small)
        state.apply(.view(.togglePlane(KeyMap.planeRoom(in: state))))
        let canvas = Frame.render(state)
        let (_, area) = try #require(Self.placed(state).first { $0.pane is SamplePane })
        let lines = Self.text(of: area, in: canvas)
        #expect(area.height < 22, "the test needs fewer rows than classes")
        #expect(lines.contains { $0.contains(" 15 ") && $0.contains("◂ wrong") }, "\(lines.joined(separator: "\n"))")
        #expect(!lines.contains { $0.contains("◂ label") })
    }

    @Test(
        "a 28x28 picture never draws over the other panes, at 80x24 and 120x40",
        arguments: [small, wide])
    func largePictures(size: Size) throws {
        var generator = SeededGenerator(seed: 3)
        let inputs = (0..<20).map { _ in (0..<784).map { _ in Double.random(in: 0...1, using: &generator) } }
        let targets = (0..<20).map { sample in (0..<10).map { $0 == sample % 10 ? 1.0 : 0 } }
        let layers = [
            ScenarioLayer(
                weights: (0..<784).map { _ in (0..<32).map { _ in Double.random(in: -0.1...0.1, using: &generator) } },
                activation: .tanh),
            ScenarioLayer(
                weights: (0..<32).map { _ in (0..<10).map { _ in Double.random(in: -0.1...0.1, using: &generator) } },
                activation: .softmax),
        ]
        var scenario = try Scenario(inputs: inputs, targets: targets, layers: layers, loss: .ce)
        try scenario.setImage(ImageShape(width: 28, height: 28))
        var state = AppState(
            scenario: scenario, scenarioName: "mnist", options: RenderOptions(color: false), size: size)
        if !KeyMap.planeRoom(in: state).isShown { state.apply(.view(.togglePlane(KeyMap.planeRoom(in: state)))) }
        let lines = Frame.render(state).text.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix(" backprop-tui · mnist"))
        #expect(lines[1].hasPrefix("┌ Layer 1"), "\(lines.joined(separator: "\n"))")
        let placed = Self.placed(state)
        let sample = try #require(placed.first { $0.pane is SamplePane }).area
        let neurons = try #require(placed.first { $0.pane is WeightImagesPane }).area
        #expect(!sample.isEmpty)
        #expect(sample.maxY <= size.height - 2 && neurons.maxY <= size.height - 2)
        // Without the room for one picture the neurons' pane says what one needs.
        #expect(neurons.isEmpty || neurons.width >= 30 || lines[neurons.y + 1].contains("28x28"))
    }

    @Test("the weights' scale ends where 95% of them are within: a few large weights take the ends, not the scale")
    func scaleLeavesOutTheStrongest() throws {
        // 1,000 weights of ±0.001 to ±1, and ten of 50.
        let small: [Double] = (1...1000).map { index in
            let magnitude = Double(index) / 1000
            return index % 2 == 0 ? magnitude : -magnitude
        }
        let weights = small + [Double](repeating: 50, count: 10)
        guard case .diverging(let limit) = WeightImagesPane.scale(for: weights) else {
            Issue.record("not a diverging scale")
            return
        }
        // 95% of 1,010 is 960 weights: the 960th smallest magnitude is 0.960, within a bin (0.05).
        #expect(limit >= 0.96 && limit <= 0.96 + 0.05, "\(limit)")
        #expect(WeightImagesPane.scale(for: [0, 0, .nan]) == .diverging(limit: 1))
    }
}
