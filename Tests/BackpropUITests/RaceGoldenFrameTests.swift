import BackpropCore
import BackpropUI
import XCTest

/// Races as people see them, characters and styles: `--compare sgd,momentum,adam` on the
/// article's example at 80x24 (Unicode and ASCII), `R` pressed halfway through a run of the
/// 2-3-1 network on a log axis at 120x40, and a runner that diverged.
final class RaceGoldenFrameTests: XCTestCase {
    private let standard = Size(width: 80, height: 24)
    private let wide = Size(width: 120, height: 40)

    /// `scenario` started with `--compare names` (as `BackpropTUI` sets it up), after `steps`
    /// steps taken as `--snapshot --steps` takes them, the last one alone.
    private func race(
        _ names: [OptimizerName], scenario: Scenario = Preset.seed.scenario, name: String = "seed", steps: Int,
        ascii: Bool = false, size: Size
    ) -> AppState {
        var opening = scenario
        try! opening.setOptimizer(scenario.optimizer.named(names[0]))
        var state = AppState(scenario: opening, scenarioName: name, options: RenderOptions(ascii: ascii), size: size)
        state.raceNames = names
        state.apply(.race(.toggle))
        state.apply(.training(.advance(steps: steps - 1)))
        state.apply(.training(.step))
        return state
    }

    func testCompareSgdMomentumAdamOnTheSeed() {
        let state = race([.sgd, .momentum, .adam], steps: 300, size: standard)
        let canvas = Frame.render(state)
        XCTAssertTrue(canvas.text.contains("⠿ sgd"), canvas.text)
        XCTAssertTrue(canvas.text.contains(" step 300  sgd "), canvas.text)
        GoldenFile.assertMatches(canvas, named: "race-seed-step300-80x24")
    }

    func testCompareInAsciiIsSevenBitAndReadsWithoutColour() {
        let state = race([.sgd, .momentum, .adam], steps: 300, ascii: true, size: standard)
        let canvas = Frame.render(state)
        XCTAssertTrue(canvas.text.unicodeScalars.allSatisfy { $0.isASCII })
        GoldenFile.assertMatches(canvas, named: "race-seed-ascii-step300-80x24")
    }

    func testRHalfwayThroughANetworksRunOnALogAxis() {
        var state = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden", size: wide)
        state.apply(.training(.advance(steps: 1000)))
        state.apply(.race(.toggle))
        state.apply(.training(.advance(steps: 2999)))
        state.apply(.training(.step))
        state.apply(.view(.toggleCostScale))
        let canvas = Frame.render(state)
        XCTAssertTrue(canvas.text.contains("o momentum"), canvas.text)
        GoldenFile.assertMatches(canvas, named: "race-xor-hidden-log-from1000-step4000-120x40")
    }

    func testFiveRunnersOneOfThemDiverged() {
        // The seed's data through a linear layer at lr 1: sgd, momentum and nesterov overshoot
        // until their costs are infinite; adam and rmsprop converge. On a log axis, as the
        // largest finite costs (near 1e307) would flatten every other curve on a linear one.
        let linear = try! Scenario(
            inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
            weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], learningRate: 1, activation: .linear)
        let state = race(
            [.adam, .sgd, .momentum, .rmsprop, .nesterov], scenario: linear, name: "seed-linear", steps: 400,
            size: wide)
        var logarithmic = state
        logarithmic.apply(.view(.toggleCostScale))
        let canvas = Frame.render(logarithmic)
        XCTAssertTrue(canvas.text.contains("o sgd diverged"), canvas.text)
        GoldenFile.assertMatches(canvas, named: "race-linear-five-log-step400-120x40")
    }
}
