import BackpropCore
import BackpropUI
import XCTest

/// Whole frames of a network with a hidden layer (the `xor-hidden` preset, 2-3-1, tanh then
/// sigmoid) against golden files: both layer panes, the network pane where it fits, the
/// inspector of a hidden weight with the error line, the walk's six phases, the gradient check.
final class NetworkGoldenFrameTests: XCTestCase {
    private let standard = Size(width: 80, height: 24)
    private let wide = Size(width: 120, height: 40)

    /// The preset at step 0. The input plane is hidden (as after `m`), so that at 120x40 these
    /// frames show the layer panes, the inspector and the walk at their full width; the plane
    /// has tests of its own (`PlaneGoldenFrameTests`).
    private func network(ascii: Bool = false) -> AppState {
        var state = AppState(
            scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden", options: RenderOptions(ascii: ascii))
        state.planeChoice = false
        return state
    }

    private func press(_ keys: String, _ state: inout AppState) throws {
        try KeySequence(parsing: keys).press(on: &state)
    }

    func testStartAt80x24And120x40() {
        var state = network()
        // As the program starts: the plane shows by itself at 120x40.
        state.planeChoice = nil
        let small = Frame.render(state, size: standard)
        XCTAssertTrue(small.text.contains("Layer 1 · W¹, b¹ · tanh") && small.text.contains("Layer 2 · W², b²"))
        XCTAssertTrue(small.text.contains("e¹1 = δ²1·ω²11"), "the hidden weight's error line:\n\(small.text)")
        GoldenFile.assertMatches(small, named: "xor-hidden-initial-80x24")
        let large = Frame.render(state, size: wide)
        XCTAssertTrue(large.text.contains("Network · sample 1 of 4"), large.text)
        XCTAssertTrue(large.text.contains("Input plane · ŷ1"), large.text)
        GoldenFile.assertMatches(large, named: "xor-hidden-initial-120x40")
    }

    func testHiddenWeightAfterStepsOnTheThirdSample() throws {
        var state = network()
        try press("sss<Tab><Tab>>>", &state)
        XCTAssertEqual(state.selection, .weight(layer: 0, row: 0, column: 2))
        XCTAssertEqual(state.selectedSample, 2)
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "xor-hidden-omega13-sample3-80x24")
        GoldenFile.assertMatches(Frame.render(state, size: wide), named: "xor-hidden-omega13-sample3-120x40")
    }

    func testOutputLayerWeightAndHiddenBias() throws {
        var state = network()
        try press("<PgDn><Down>", &state)
        XCTAssertEqual(state.selection, .weight(layer: 1, row: 1, column: 0))
        GoldenFile.assertMatches(Frame.render(state, size: wide), named: "xor-hidden-omega221-120x40")
        try press("<PgUp><Down><Down><Right>", &state)
        XCTAssertEqual(state.selection, .bias(layer: 0, column: 1))
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "xor-hidden-b12-80x24")
    }

    func testWalkThroughSixPhases() throws {
        var state = network()
        let names = [
            "forward-1", "forward-2", "cost", "backward-2", "backward-1", "update",
        ]
        for (index, name) in names.enumerated() {
            try press("n", &state)
            let canvas = Frame.render(state, size: index % 2 == 0 ? wide : standard)
            XCTAssertTrue(canvas.text.contains("\(index + 1)/6"), canvas.text)
            GoldenFile.assertMatches(
                canvas, named: "xor-hidden-walk-\(name)-\(index % 2 == 0 ? "120x40" : "80x24")")
        }
        XCTAssertEqual(state.trainer.stepCount, 1, "the update phase took the step")
    }

    func testGradientCheckScrollsToTheSelection() throws {
        var state = network()
        try press("c<S-Tab>", &state)
        XCTAssertEqual(state.selection, .bias(layer: 1, column: 0))
        let canvas = Frame.render(state, size: standard)
        XCTAssertTrue(canvas.text.contains("b²1"), "the last parameter is in view:\n\(canvas.text)")
        GoldenFile.assertMatches(canvas, named: "xor-hidden-gradient-check-80x24")
    }

    func testAscii() throws {
        var state = network(ascii: true)
        try press("s", &state)
        let canvas = Frame.render(state, size: standard)
        XCTAssertTrue(canvas.text.unicodeScalars.allSatisfy(\.isASCII))
        GoldenFile.assertMatches(canvas, named: "xor-hidden-ascii-step1-80x24")
    }
}
