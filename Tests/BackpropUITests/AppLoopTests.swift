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
        // Every clock read takes 5 simulated ms, so a 30 ms frame buys a few chunks; a chunk of
        // 5 ms is within `maxSpeedChunkNanoseconds`, so it keeps its first size, one step.
        let screen = run(&state, [(0, key("r")), (200, key("p")), (300, key("q"))], tickPerRead: 5_000_000)
        XCTAssertGreaterThan(state.trainer.stepCount, 10, "several chunks a frame, for 200 ms")
        XCTAssertFalse(state.isRunning)
        XCTAssertTrue(screen.timeouts.contains(0), "at max the loop polls between frames")
        XCTAssertEqual(screen.timeouts.last, .some(nil), "paused, it blocks")
    }

    func testASetSpeedTheNetworkCannotKeepTrainsAFrameAtATimeAndAnswersKeys() {
        var state = TestScenarios.seed()
        state.speed = RunSpeed(index: RunSpeed.ladder.firstIndex(of: 100_000)!)
        // Every clock read takes 5 simulated ms: a network far slower than 100,000 steps a second.
        // Owed steps are taken a frame's budget at a time and the rest forgiven, never a whole
        // second's worth in one go (which held keys for minutes on a large network).
        let screen = run(&state, [(0, key("r")), (200, key("p")), (300, key("q"))], tickPerRead: 5_000_000)
        XCTAssertFalse(state.isRunning, "p was answered")
        XCTAssertGreaterThan(state.trainer.stepCount, 0)
        XCTAssertLessThan(
            state.trainer.stepCount, 200 / 5, "at most one step per 5 ms chunk of the 200 ms it ran")
        let p = try! XCTUnwrap(screen.deliveries.first { $0.event == key("p") })
        XCTAssertLessThanOrEqual(
            screen.drawTimes[p.framesBefore] - p.at, 2 * AppLoop.maxSpeedBudgetNanoseconds,
            "the key reached the screen within about a frame")
    }

    /// The step count a frame's status bar shows.
    private func step(of frame: Canvas) -> Int? {
        let text = frame.text
        guard let range = text.range(of: #" step \d+ "#, options: .regularExpression) else { return nil }
        return Int(text[range].dropFirst(6).dropLast())
    }

    private func showsLogCost(_ frame: Canvas) -> Bool { frame.text.contains("Cost C (log") }

    /// When the frames of a run at `max` from the start are drawn, in simulated ms. Every clock
    /// read takes 1 simulated ms, so one chunk "takes" 1 ms and a frame about 30; the fake clock
    /// is deterministic, so a run with one more key is the same until the key arrives.
    private func maxSpeedFrameMilliseconds() -> [UInt64] {
        var state = TestScenarios.seed()
        state.speed = .max
        return run(&state, [(0, key("r")), (300, key("q"))], tickPerRead: 1_000_000).drawTimes.map { $0 / 1_000_000 }
    }

    func testAtMaxAKeyEndsTheFramesTrainingAndIsDrawnBeforeMoreTraining() {
        // Mid-way through the training of the frame after the 4th.
        let arrival = maxSpeedFrameMilliseconds()[4] + 12
        var state = TestScenarios.seed()
        state.speed = .max
        let screen = run(&state, [(0, key("r")), (arrival, key("g")), (300, key("q"))], tickPerRead: 1_000_000)
        let g = try! XCTUnwrap(screen.deliveries.first { $0.event == key("g") })
        let answer = g.framesBefore
        XCTAssertEqual(answer, 5, "the key came while running at max, after the 5th frame")
        XCTAssertFalse(screen.frames[..<answer].contains(where: showsLogCost))
        XCTAssertTrue(showsLogCost(screen.frames[answer]), "handled before the next frame is drawn")
        XCTAssertGreaterThan(g.at, screen.drawTimes[answer - 1], "it arrived after the last frame was drawn")
        XCTAssertLessThan(
            screen.drawTimes[answer] - screen.drawTimes[answer - 1], AppLoop.maxSpeedBudgetNanoseconds,
            "the frame's training ended early instead of spending its whole budget")
        XCTAssertLessThanOrEqual(
            screen.drawTimes[answer] - g.at, AppLoop.maxSpeedChunkNanoseconds.upperBound,
            "drawn within a chunk of arriving (simulated time)")
        XCTAssertGreaterThan(step(of: screen.frames[answer])!, step(of: screen.frames[answer - 1])!)
        // Training goes on after the answer.
        XCTAssertGreaterThan(step(of: screen.frames[answer + 1])!, step(of: screen.frames[answer])!)
        XCTAssertTrue(state.isRunning)
        XCTAssertEqual(state.costScale, .log)
    }

    func testAtMaxAKeyThatCameDuringADrawIsAnsweredBeforeMoreTraining() {
        // Just after the 6th frame's draw: the poll that follows the draw takes it.
        let arrival = maxSpeedFrameMilliseconds()[5] + 1

        var state = TestScenarios.seed()
        state.speed = .max
        let screen = run(&state, [(0, key("r")), (arrival, key("g")), (300, key("q"))], tickPerRead: 1_000_000)
        let g = try! XCTUnwrap(screen.deliveries.first { $0.event == key("g") })
        XCTAssertEqual(g.framesBefore, 6, "taken by the poll right after a draw")
        XCTAssertFalse(showsLogCost(screen.frames[5]))
        XCTAssertTrue(showsLogCost(screen.frames[6]))
        XCTAssertEqual(
            step(of: screen.frames[6]), step(of: screen.frames[5]), "the answer is drawn before any more training")
        XCTAssertGreaterThan(step(of: screen.frames[7])!, step(of: screen.frames[6])!)
    }

    func testRunAtMaxShowsRunningBeforeTheFirstFrameOfTraining() {
        var state = TestScenarios.seed()
        state.speed = .max
        let screen = run(&state, [(10, key("r")), (200, key("q"))], tickPerRead: 1_000_000)
        XCTAssertTrue(screen.frames[1].text.contains("running"))
        XCTAssertEqual(step(of: screen.frames[1]), 0)
        XCTAssertGreaterThan(step(of: screen.frames[2])!, 0)
    }

    func testMaxSpeedPollsBetweenChunksYetDrawsAboutThirtyFramesPerSecond() {
        var state = TestScenarios.seed()
        state.speed = .max
        let screen = run(&state, [(0, key("r")), (2_000, key("q"))], tickPerRead: 1_000_000)
        XCTAssertLessThanOrEqual(screen.frames.count, 2 * 31 + 2)
        XCTAssertGreaterThanOrEqual(screen.frames.count, 2 * 25)
        let polls = screen.timeouts.filter { $0 == 0 }.count
        XCTAssertGreaterThan(polls, 10 * screen.frames.count, "input is polled between chunks, not only between frames")
        XCTAssertFalse(screen.timeouts.dropFirst().contains(nil), "running never blocks")
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
