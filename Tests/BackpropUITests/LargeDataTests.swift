import BackpropCore
@testable import BackpropUI
import XCTest

/// Drawing fast with a large `--data` file: a frame works out only the rows it draws, and the passes
/// over the whole data (the next step, the gradient check, the lr preview) are made once per
/// state, not once per frame or per key.
final class LargeDataTests: XCTestCase {
    func testKeysThatOnlyChangeTheViewKeepTheFrameData() {
        var state = TestScenarios.large(samples: 1000)
        var renderer = FrameRenderer()
        XCTAssertNil(renderer.data)
        _ = renderer.render(state)
        let kept = try! XCTUnwrap(renderer.data)
        XCTAssertTrue(kept.serves(state))
        for action in [
            Action.selection(.move(.down)), .view(.toggleHelp), .view(.toggleHelp),
            .training(.speedUp),
            .view(.toggleCostScale),
        ] {
            state.apply(action)
            XCTAssertTrue(kept.serves(state), "\(action) should not need a pass over the data")
        }

        // Opening the gradient check adds its estimates and keeps the step already worked out.
        state.apply(.view(.toggleGradientCheck))
        XCTAssertFalse(kept.serves(state))
        _ = renderer.render(state)
        XCTAssertNotNil(renderer.data!.gradientCheck)
        XCTAssertEqual(renderer.data!.trace, kept.trace)

        // A step, a new lr or an edited weight is another state.
        for action in [Action.training(.step), .training(.learningRateUp)] {
            state.apply(action)
            XCTAssertFalse(renderer.data!.serves(state), "\(action) changes the numbers")
            _ = renderer.render(state)
            XCTAssertEqual(renderer.data!.trace, state.trainer.nextStep())
        }
    }

    func testKeptDataOfAnotherStateIsNeverShown() {
        var state = TestScenarios.seed()
        var renderer = FrameRenderer()
        let before = renderer.render(state).text
        state.apply(.training(.step))
        // The renderer works the new state's numbers out rather than show the old ones.
        XCTAssertEqual(renderer.render(state).text, Frame.render(state).text)
        XCTAssertNotEqual(renderer.render(state).text, before)
    }

    func testTheWalksRetakenStepIsWorkedOutOncePerState() {
        var state = TestScenarios.large(samples: 200)
        for _ in 0..<4 { state.apply(.training(.cycleOptimizer)) }
        for _ in 0..<(2 * state.trainer.network.layerCount + 2) { state.apply(.walk(.next)) }
        XCTAssertEqual(state.walkPhase, .update)
        var renderer = FrameRenderer()
        _ = renderer.render(state)
        let kept = try! XCTUnwrap(renderer.data?.walkStep)
        XCTAssertEqual(kept.before, state.previous?.state)
        XCTAssertEqual(kept.trace.networkAfter, state.trainer.network, "the step re-taken is the step taken")
        state.apply(.selection(.move(.down)))
        XCTAssertTrue(renderer.data!.serves(state), "moving the selection re-takes nothing")
        state.apply(.walk(.next))
        XCTAssertFalse(renderer.data!.serves(state), "the next walk starts: no step to re-take")
        _ = renderer.render(state)
        XCTAssertNil(renderer.data?.walkStep)
    }

    func testInspectionWorksOutOnlyTheSamplesAskedFor() {
        let state = TestScenarios.large(samples: 5000)
        let trace = state.trainer.nextStep()
        let full = ParameterInspection(.weight(layer: 0, row: 1, column: 0), in: trace, rows: 0..<5000)
        let shown = ParameterInspection(.weight(layer: 0, row: 1, column: 0), in: trace, rows: 0..<3)
        XCTAssertEqual(full.samples.count, 5000)
        XCTAssertEqual(shown.samples.count, 3)
        XCTAssertEqual(Array(full.samples.prefix(3)), shown.samples)
        // The gradient is still that of every sample.
        XCTAssertEqual(shown.gradient, full.gradient)
        XCTAssertEqual(shown.gradient, trace.layers[0].weightGradient[1, 0])
    }

    func testPanesShowTheFirstRowsAndCountTheRest() {
        let state = TestScenarios.large(samples: 20_000)
        let screen = Frame.render(state).text
        XCTAssertTrue(screen.contains("19997 more samples"), screen)
        // The long inputs of the last, hidden sample do not widen the data columns: the first
        // sample's row reads as narrowly as its own numbers.
        XCTAssertTrue(screen.contains("│     # x1 x2 │"), screen)
        XCTAssertTrue(screen.contains("│     1  0  0 │"), screen)
    }
}
