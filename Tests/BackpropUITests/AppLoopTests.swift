import BackpropCore
import BackpropUI
import XCTest

final class AppLoopTests: XCTestCase {
    private func run(
        _ state: inout AppState, _ script: [(milliseconds: UInt64, event: TerminalEvent)], tickPerRead: UInt64 = 0
    ) -> ScriptedScreen {
        let clock = FakeClock()
        clock.tickPerRead = tickPerRead
        let screen = ScriptedScreen(clock: clock, script: script)
        AppLoop(clock: clock).run(&state, on: screen)
        XCTAssertFalse(screen.ranDry, "the loop waited for an event the script did not have")
        return screen
    }

    private func key(_ character: Character) -> TerminalEvent { .key(.character(character)) }

    func testPausedBlocksWithNoTimeoutAndQQuits() {
        var state = TestScenarios.seed()
        let screen = run(&state, [(5_000, key("q"))])
        XCTAssertEqual(screen.timeouts, [nil], "paused, the loop blocks: no timer wake-ups")
        XCTAssertEqual(screen.frames.count, 1)
        XCTAssertEqual(state.trainer.stepCount, 0)
        XCTAssertTrue(state.shouldQuit)
    }

    func testQuitEventEndsTheLoop() {
        var state = TestScenarios.seed()
        _ = run(&state, [(10, .quit)])
        XCTAssertTrue(state.shouldQuit)
    }

    func testSpeedTwoTakesTwoStepsPerSimulatedSecond() {
        for seconds: UInt64 in [1, 5, 10] {
            var state = TestScenarios.seed()
            state.speed = RunSpeed(index: RunSpeed.ladder.firstIndex(of: 2)!)
            let screen = run(&state, [(0, key("r")), (seconds * 1000, key("q"))])
            XCTAssertEqual(state.trainer.stepCount, Int(2 * seconds), "after \(seconds) s")
            XCTAssertFalse(screen.timeouts.dropFirst().contains(nil), "running never blocks without a timeout")
            XCTAssertLessThanOrEqual(
                screen.frames.count, Int(2 * seconds) + 3, "at 2 steps/s it wakes per step, not per frame")
        }
    }

    func testFastSpeedDrawsAboutThirtyFramesPerSecond() {
        var state = TestScenarios.seed()
        state.speed = RunSpeed(index: RunSpeed.ladder.firstIndex(of: 1000)!)
        let screen = run(&state, [(0, key("r")), (2_000, key("q"))])
        // Steps are owed by the clock; the last frame before "q" may be up to one frame early.
        XCTAssertEqual(
            state.trainer.stepCount, 2001 - AppLoop.frameMilliseconds / 2, accuracy: AppLoop.frameMilliseconds / 2 + 1)
        XCTAssertLessThanOrEqual(screen.frames.count, 2 * 31 + 2)
        XCTAssertGreaterThanOrEqual(screen.frames.count, 2 * 25)
    }

    func testKeysWhileRunningAreHandled() {
        var state = TestScenarios.seed()
        let screen = run(
            &state,
            [
                (0, key("r")), (1_000, key("+")), (2_000, key("]")), (3_000, key("p")), (4_000, key("?")),
                (10_000, key("q")),
            ])
        // 10 steps/s for 2 s, then 20 steps/s for 1 s, then paused.
        XCTAssertEqual(state.trainer.stepCount, 40)
        XCTAssertEqual(state.trainer.learningRate, 0.2)
        XCTAssertEqual(state.speed.stepsPerSecond, 20)
        XCTAssertFalse(state.isRunning)
        XCTAssertTrue(state.isHelpShown)
        // Paused: block for "?", poll once for more pending keys, block again for "q".
        XCTAssertEqual(Array(screen.timeouts.suffix(3)), [nil, 0, nil])
    }

    func testMaxSpeedTrainsInChunksAndStillAnswersKeys() {
        var state = TestScenarios.seed()
        state.speed = .max
        // Every clock read takes 5 simulated ms, so a 30 ms frame buys a few chunks.
        let screen = run(&state, [(0, key("r")), (200, key("p")), (300, key("q"))], tickPerRead: 5_000_000)
        XCTAssertGreaterThan(state.trainer.stepCount, 1_000)
        XCTAssertFalse(state.isRunning)
        XCTAssertTrue(screen.timeouts.contains(0), "at max the loop polls between frames")
        XCTAssertEqual(screen.timeouts.last, .some(nil), "paused, it blocks")
    }

    func testDivergenceWhileRunningPausesTheLoop() {
        var state = TestScenarios.diverging()
        state.speed = .max
        let screen = run(&state, [(0, key("r")), (60_000, key("q"))], tickPerRead: 5_000_000)
        XCTAssertTrue(state.hasDiverged)
        XCTAssertFalse(state.isRunning)
        XCTAssertEqual(screen.timeouts.last, .some(nil), "diverged and paused, it blocks")
        XCTAssertTrue(screen.frames.last!.text.contains("DIVERGED"))
    }

    func testResizeLaysOutAgain() {
        var state = TestScenarios.seed()
        let screen = run(&state, [(10, .resize(Size(width: 30, height: 8))), (20, .redraw), (30, key("q"))])
        XCTAssertEqual(
            screen.frames.map(\.size),
            [Size(width: 80, height: 24), Size(width: 30, height: 8), Size(width: 30, height: 8)])
        XCTAssertTrue(screen.frames[1].text.contains("needs"))
        XCTAssertEqual(state.size, Size(width: 30, height: 8))
    }
}
