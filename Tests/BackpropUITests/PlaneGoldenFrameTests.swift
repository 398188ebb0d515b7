import BackpropCore
import BackpropUI
import XCTest

/// Whole frames with the input plane at 120x40 against golden files (text, styles and, for the
/// colour frames, the background of every cell): XOR learned by the 2-3-1 network in colour,
/// in ASCII and in monochrome Unicode, and the line one layer draws for AND.
final class PlaneGoldenFrameTests: XCTestCase {
    private let wide = Size(width: 120, height: 40)

    private func trained(_ preset: Preset, steps: Int, options: RenderOptions) -> AppState {
        var state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue, options: options, size: wide)
        state.apply(.training(.advance(steps: steps - 1)))
        state.apply(.training(.step))
        return state
    }

    func testXorLearnedInColour() {
        let canvas = Frame.render(trained(.xorHidden, steps: 20000, options: RenderOptions()))
        XCTAssertTrue(canvas.text.contains("Input plane · ŷ1"))
        XCTAssertTrue(canvas.text.contains("Layer 1 neurons · tanh"))
        GoldenFile.assertMatches(canvas, named: "plane-xor-hidden-step20000-120x40")
    }

    func testXorLearnedInAscii() {
        let canvas = Frame.render(trained(.xorHidden, steps: 20000, options: RenderOptions(ascii: true)))
        XCTAssertTrue(canvas.text.unicodeScalars.allSatisfy(\.isASCII))
        XCTAssertTrue(canvas.text.contains("Input plane | y^1"))
        GoldenFile.assertMatches(canvas, named: "plane-xor-hidden-ascii-step20000-120x40")
    }

    func testXorLearnedWithoutColour() {
        let canvas = Frame.render(trained(.xorHidden, steps: 20000, options: RenderOptions(color: false)))
        GoldenFile.assertMatches(canvas, named: "plane-xor-hidden-monochrome-step20000-120x40")
    }

    /// Three classes through softmax: the plane paints ŷ1, the disc's probability, and the
    /// predictions count the samples whose largest ŷ is their class.
    func testRingsLearnedBySoftmaxAndCrossEntropy() {
        let canvas = Frame.render(trained(.rings, steps: 300, options: RenderOptions(color: false)))
        XCTAssertTrue(canvas.text.contains("Input plane · ŷ1"))
        XCTAssertTrue(canvas.text.contains("right"))
        GoldenFile.assertMatches(canvas, named: "plane-rings-monochrome-step300-120x40")
    }

    func testOneLayerDrawsALine() {
        let canvas = Frame.render(trained(.and, steps: 5000, options: RenderOptions()))
        XCTAssertFalse(canvas.text.contains("neurons"), "one layer: no hidden neurons to map")
        GoldenFile.assertMatches(canvas, named: "plane-and-step5000-120x40")
    }
}
