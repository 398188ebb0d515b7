import BackpropCore
@testable import BackpropUI
import XCTest

/// Drawing fast with a large `--data` file: a frame works out only the rows it draws, and the passes
/// over the whole data (the next step, the gradient check, the lr preview) are made once per
/// state, not once per frame or per key.
final class LargeDataTests: XCTestCase {
    func testKeysThatOnlyChangeTheViewKeepTheFrameData() {
        var state = TestScenarios.large(samples: 1000)
        XCTAssertNil(state.frameData)
        state.prepareFrame()
        let kept = try! XCTUnwrap(state.frameData)
        XCTAssertTrue(kept.serves(state))
        for action in [Action.moveSelection(.down), .toggleHelp, .toggleHelp, .speedUp, .toggleCostScale] {
            state.apply(action)
            XCTAssertTrue(state.frameData!.serves(state), "\(action) should not need a pass over the data")
        }

        // Opening the gradient check adds its estimates and keeps the step already worked out.
        state.apply(.toggleGradientCheck)
        XCTAssertFalse(state.frameData!.serves(state))
        state.prepareFrame()
        XCTAssertNotNil(state.frameData!.gradientCheck)
        XCTAssertEqual(state.frameData!.trace, kept.trace)

        // A step, a new lr or an edited weight is another state.
        for action in [Action.step, .learningRateUp] {
            state.apply(action)
            XCTAssertFalse(state.frameData!.serves(state), "\(action) changes the numbers")
            state.prepareFrame()
            XCTAssertEqual(state.frameData!.trace, state.trainer.nextStep())
        }
    }

    func testKeptDataOfAnotherStateIsNeverShown() {
        var state = TestScenarios.seed()
        state.prepareFrame()
        let before = Frame.render(state).text
        state.apply(.step)
        // Not prepared: the frame works the numbers out itself rather than show the old ones.
        XCTAssertEqual(
            Frame.render(state).text,
            {
                var fresh = state; fresh.frameData = nil; return Frame.render(fresh).text
            }())
        XCTAssertNotEqual(Frame.render(state).text, before)
    }

    func testInspectionWorksOutOnlyTheSamplesAskedFor() {
        let state = TestScenarios.large(samples: 5000)
        let trace = state.trainer.nextStep()
        let full = ParameterInspection(.weight(layer: 0, row: 1, column: 0), in: trace, samples: 0..<5000)
        let shown = ParameterInspection(.weight(layer: 0, row: 1, column: 0), in: trace, samples: 0..<3)
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
