import BackpropCore
import BackpropUI
import XCTest

/// Whole frames against golden files: the product as people see it, characters and styles.
final class GoldenFrameTests: XCTestCase {
    private let standard = Size(width: 80, height: 24)
    private let wide = Size(width: 120, height: 40)

    private func seed(ascii: Bool = false, size: Size = Size(width: 80, height: 24)) -> AppState {
        AppState(scenario: Preset.seed.scenario, scenarioName: "seed", options: RenderOptions(ascii: ascii), size: size)
    }

    private func steps(_ count: Int, _ state: inout AppState) {
        for _ in 0..<count { state.apply(.training(.step)) }
    }

    func testInitialSeed80x24() {
        GoldenFile.assertMatches(Frame.render(seed(), size: standard), named: "seed-initial-80x24")
    }

    func testSeedAfterThreeStepsShowsChangeMarkers() {
        var state = seed()
        steps(3, &state)
        let canvas = Frame.render(state, size: standard)
        XCTAssertTrue(canvas.text.contains("▼"), "weights that fell are marked")
        XCTAssertTrue(canvas.text.contains("step 3"))
        GoldenFile.assertMatches(canvas, named: "seed-step3-80x24")
    }

    func testHelpOverlay() {
        var state = seed()
        state.apply(.view(.toggleHelp))
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "seed-help-80x24")
    }

    func testLearningRatePrompt() {
        var state = seed()
        state.apply(.entry(.beginLearningRate))
        for character in "0.05" { state.apply(.entry(.type(character))) }
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "seed-lr-entry-80x24")
    }

    func testAsciiModeUsesOnlySevenBitCharacters() {
        var state = seed(ascii: true)
        steps(3, &state)
        let canvas = Frame.render(state, size: standard)
        XCTAssertTrue(canvas.text.unicodeScalars.allSatisfy { $0.isASCII }, "ascii mode drew a non-ASCII character")
        GoldenFile.assertMatches(canvas, named: "seed-ascii-step3-80x24")
    }

    func testLogScale() {
        var state = seed()
        state.apply(.training(.advance(steps: 1000)))
        state.apply(.view(.toggleCostScale))
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "seed-log-step1000-80x24")
    }

    func testWideAfterThousandSteps() {
        var state = seed(size: Size(width: 120, height: 40))
        state.apply(.training(.advance(steps: 1000)))
        GoldenFile.assertMatches(Frame.render(state, size: Size(width: 120, height: 40)), named: "seed-step1000-120x40")
    }

    func testDivergedRunSaysSoAndPrintsInfinity() {
        var state = TestScenarios.diverging()
        state.apply(.training(.run))
        state.apply(.training(.advance(steps: 1_000_000)))
        let canvas = Frame.render(state, size: standard)
        XCTAssertTrue(canvas.text.contains("DIVERGED"))
        XCTAssertTrue(canvas.text.contains("inf"))
        GoldenFile.assertMatches(canvas, named: "diverged-80x24")
    }

    func testInspectorOnOmega11AtStepZero() {
        GoldenFile.assertMatches(Frame.render(seed(), size: standard), named: "seed-inspector-omega11-80x24")
        GoldenFile.assertMatches(Frame.render(seed(), size: wide), named: "seed-inspector-omega11-120x40")
    }

    func testInspectorOnABiasAfterAStepInAscii() {
        var state = seed(ascii: true)
        state.apply(.training(.step))
        state.apply(.selection(.cycle(backwards: true)))
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "seed-ascii-inspector-b2-step1-80x24")
    }

    /// The article's example as softmax regression (ce) and with bce: the inspector's δ = ŷ - y
    /// and the line that says why, on ω11 and, in ASCII, on b2.
    func testInspectorWithTheCrossEntropies() throws {
        var scenario = Preset.seed.scenario
        try scenario.set(activations: [.softmax], loss: .ce)
        let ce = AppState(scenario: scenario, scenarioName: "seed --activation softmax --loss ce", size: standard)
        GoldenFile.assertMatches(Frame.render(ce, size: standard), named: "seed-ce-inspector-omega11-80x24")
        try scenario.set(activations: [.sigmoid], loss: .bce)
        var bce = AppState(
            scenario: scenario, scenarioName: "seed --loss bce", options: RenderOptions(ascii: true), size: standard)
        bce.apply(.selection(.cycle(backwards: true)))
        GoldenFile.assertMatches(Frame.render(bce, size: standard), named: "seed-bce-ascii-inspector-b2-80x24")
    }

    func testGradientCheck() {
        var state = seed()
        state.apply(.view(.toggleGradientCheck))
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "seed-gradient-check-80x24")
        GoldenFile.assertMatches(Frame.render(state, size: wide), named: "seed-gradient-check-120x40")
    }

    func testLearningRatePreview() {
        var state = seed()
        state.apply(.view(.toggleLearningRatePreview))
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "seed-lr-preview-80x24")
        state.apply(.view(.toggleGradientCheck))
        GoldenFile.assertMatches(Frame.render(state, size: wide), named: "seed-check-and-lr-preview-120x40")
    }

    func testWalkPhases() {
        var state = seed()
        state.apply(.walk(.next))
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "seed-walk-forward-80x24")
        state.apply(.walk(.next))
        state.apply(.walk(.next))
        GoldenFile.assertMatches(Frame.render(state, size: wide), named: "seed-walk-backward-120x40")
        state.apply(.walk(.next))
        GoldenFile.assertMatches(Frame.render(state, size: standard), named: "seed-walk-update-80x24")
    }

    func testTooSmall() {
        GoldenFile.assertMatches(Frame.render(seed(), size: Size(width: 40, height: 10)), named: "too-small-40x10")
        GoldenFile.assertMatches(Frame.render(seed(), size: Size(width: 1, height: 1)), named: "too-small-1x1")
    }
}
