import BackpropCore
import Testing

@testable import BackpropUI

/// The gradient's size per layer as the run goes (`GradientFlowSeries` in `AppState`), the key
/// `F` and the Gradient flow pane: one point per state the update reaches, recorded while the
/// pane is closed, dropped by `b` past the step gone back to, started afresh by `x` and `d`.
@Suite struct GradientFlowTests {
    static let wide = Size(width: 120, height: 40)
    static let standard = Size(width: 80, height: 24)

    static func deepSigmoid(size: Size = wide, ascii: Bool = false) -> AppState {
        AppState(
            scenario: Preset.deepSigmoid.scenario, scenarioName: "deep-sigmoid", options: RenderOptions(ascii: ascii),
            size: size)
    }

    /// The last point of each layer's curve.
    static func lastNorms(_ series: GradientFlowSeries) -> [Double] {
        series.layers.map { $0.buckets.last?.last ?? .nan }
    }

    @Test("F shows and hides the pane, and changes nothing else")
    func keyTogglesThePane() {
        let state = GradientFlowTests.deepSigmoid()
        let shown = assertUpdate(state, .view(.toggleGradientFlow)) { $0.isGradientFlowShown = true }
        assertUpdate(shown, .view(.toggleGradientFlow)) { $0.isGradientFlowShown = false }
        let binding = KeyTable.bindings.first { $0.names == "F" }
        #expect(binding != nil && DisplayWidth.of(binding?.help ?? "") <= 26)
    }

    @Test("step 0's norms are recorded at the start, each s records the state it reaches, pane closed")
    func stepsRecordWhileClosed() {
        var state = GradientFlowTests.deepSigmoid()
        #expect(!state.isGradientFlowShown)
        #expect(state.gradientFlow.lastStep == 0)
        #expect(GradientFlowTests.lastNorms(state.gradientFlow) == state.trainer.gradientNorms())
        for step in 1...3 {
            let after = assertUpdate(state, .training(.step)) { expected in
                expected.trainer.step()
                expected.previous = PreviousValues(of: state.trainer)
                expected.costCurve.record(step: step, cost: expected.trainer.cost)
                expected.trail.record(expected.trainer.network, step: step)
                expected.gradientFlow.record(step: step, norms: expected.trainer.gradientNorms())
                if state.history.needsCheckpoint(state.trainer) { expected.history.record(state.trainer) }
            }
            state = after
        }
        #expect(state.gradientFlow.lastStep == 3)
        #expect(state.gradientFlow.layers.allSatisfy { $0.buckets.count == 4 })
    }

    @Test("a running frame records one point, the state it reached; lr and edits add none")
    func advanceRecordsTheStateReached() throws {
        var state = GradientFlowTests.deepSigmoid()
        state.apply(.training(.advance(steps: 250)))
        #expect(state.trainer.stepCount == 250)
        #expect(state.gradientFlow.lastStep == 250)
        #expect(GradientFlowTests.lastNorms(state.gradientFlow) == state.trainer.gradientNorms())
        // Steps 1-249 have no point: their buckets are empty, only 0 and 250 hold norms.
        let held = state.gradientFlow.layers[0].buckets.filter(\.hasFiniteCost).count
        #expect(held == 2)
        let before = state.gradientFlow
        state.apply(.training(.learningRateUp))
        state.apply(.entry(.beginParameter))
        for character in "0.5" { state.apply(.entry(.type(character))) }
        state.apply(.entry(.commit))
        #expect(state.trainer.stepCount == 250)
        #expect(state.gradientFlow == before, "the same step: no new point")
    }

    @Test("b drops the points after the step gone back to and ends at its norms; x starts afresh")
    func backAndResetKeepTheSeriesConsistent() {
        var state = GradientFlowTests.deepSigmoid()
        for _ in 0..<5 { state.apply(.training(.step)) }
        let atThree: [Double] = {
            var trainer = Trainer(scenario: Preset.deepSigmoid.scenario)
            trainer.run(steps: 3)
            return trainer.gradientNorms()
        }()
        state.apply(.history(.stepBack))
        state.apply(.history(.stepBack))
        #expect(state.trainer.stepCount == 3)
        #expect(state.gradientFlow.lastStep == 3)
        #expect(GradientFlowTests.lastNorms(state.gradientFlow) == atThree)
        state.apply(.training(.step))
        #expect(state.gradientFlow.lastStep == 4)
        state.apply(.history(.reset))
        #expect(state.gradientFlow.lastStep == 0)
        #expect(state.gradientFlow.layers.allSatisfy { $0.buckets.count == 1 })
        // b after x brings the run back with its series.
        state.apply(.history(.stepBack))
        #expect(state.gradientFlow.lastStep == 4)
        state.apply(.history(.nextScenario))
        #expect(state.gradientFlow.layers.count == state.trainer.network.layerCount)
    }

    @Test("the pane: title, a curve a layer marked 1-5, layer 1 lowest, one line of words a layer")
    func paneShowsEveryLayerInOrder() throws {
        var state = GradientFlowTests.deepSigmoid()
        state.apply(.view(.toggleGradientFlow))
        for _ in 0..<3 { state.apply(.training(.step)) }
        let lines = Frame.render(state, size: GradientFlowTests.wide).text.split(separator: "\n").map(String.init)
        let top = try #require(lines.firstIndex { $0.contains("Gradient flow ‖∂C/∂Wˡ‖ (log)") })
        let left = try #require(lines[top].range(of: "┌ Gradient flow")).lowerBound
        let column = lines[top].distance(from: lines[top].startIndex, to: left)
        // The pane's own rows, from its left border on; its curves are between the y axis and
        // the words, which start at "layer".
        let pane = lines[(top + 1)...].map { String($0.dropFirst(column)) }.prefix { !$0.hasPrefix("└") }
        for layer in 1...5 { #expect(pane.contains { $0.contains("layer \(layer): healthy") }, "\(pane)") }
        let curves = pane.map { row -> Substring in
            let afterAxis = row.dropFirst(1).drop { $0 != "┤" && $0 != "│" }.dropFirst()
            return afterAxis.prefix { $0 != "l" }
        }
        // The lowest row each mark appears on, counted from the top: layer 1's curve runs
        // lowest (the vanishing gradient), the last layer's highest.
        let lowest = try (1...5).map { mark in try #require(curves.lastIndex { $0.contains(Character("\(mark)")) }) }
        #expect(lowest[0] == curves.count - 1, "layer 1 on the bottom row: \(pane)")
        #expect(lowest == lowest.sorted(by: >), "\(pane)")
    }

    @Test("the words: saturated, dead, healthy and unchecked layers")
    func wordsSayWhatStoppedLearning() {
        let a = Matrix([[40, 0, -0.5], [40, 0, -0.5]])
        #expect(
            GradientFlowPane.words(NeuronHealth(layer: 0, activation: .sigmoid, preActivation: a))[0]
                == "layer 1: 3 neurons, 1 saturated")
        #expect(
            GradientFlowPane.words(NeuronHealth(layer: 1, activation: .relu, preActivation: a))[0]
                == "layer 2: 2 dead of 3")
        #expect(
            GradientFlowPane.words(NeuronHealth(layer: 0, activation: .tanh, preActivation: Matrix([[0.1]])))[0]
                == "layer 1: 1 neuron, healthy")
        #expect(
            GradientFlowPane.words(NeuronHealth(layer: 2, activation: .linear, preActivation: a))[0]
                == "layer 3: 3 neurons, linear")
    }

    @Test("golden frames: deep-sigmoid with F after three steps at 80x24 and 120x40")
    func goldenFrames() {
        for (size, name) in [(GradientFlowTests.standard, "80x24"), (GradientFlowTests.wide, "120x40")] {
            var state = GradientFlowTests.deepSigmoid(size: size)
            state.apply(.view(.toggleGradientFlow))
            for _ in 0..<3 { state.apply(.training(.step)) }
            GoldenFile.expectMatches(Frame.render(state, size: size), named: "gradient-flow-deep-sigmoid-\(name)")
        }
        var ascii = GradientFlowTests.deepSigmoid(size: GradientFlowTests.standard, ascii: true)
        ascii.apply(.view(.toggleGradientFlow))
        ascii.apply(.training(.step))
        let text = Frame.render(ascii, size: GradientFlowTests.standard).text
        #expect(text.contains("Gradient flow |dC/dW^l| (log)"))
        let nonASCII = text.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty)
    }
}
