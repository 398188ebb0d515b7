/// The main loop: draw, wait for an event with a timeout, map it to an action, update, repeat,
/// until the state says quit.
///
/// Paused, it blocks on input with no timeout, so an idle program uses no CPU. Running, it owes
/// steps by the clock (the speed is steps per second of real time), draws at most about 30 frames
/// a second, and any key ends the wait at once. At `max` it trains in chunks until the frame's
/// time budget, less what the last frame took to draw, is spent, then draws: a frame of large
/// data that is slow to draw leaves less time to training, not more time between keys. The
/// passes over the data a frame needs are made once per state (`FrameRenderer`), so keys
/// that change nothing but the view redraw at the cost of the rows drawn. Every pending event is
/// handled before the next frame, so a storm of keys never queues up behind training.
///
/// A set speed the network cannot keep (100,000 steps a second of a large network) trains the
/// same way, at most the steps the clock owes, and forgives the rest when the budget runs out:
/// the run goes as fast as the network allows and keys are still answered within a frame.
///
/// At `max` a key must not wait for the frame's training to end: between chunks the loop polls
/// for input (a `nextEvent` with timeout 0), and an event ends the frame's training at once; it
/// is handled, with every other pending event, and the frame drawn. A frame that answers events
/// (also those that came while the last frame was drawn) is drawn before any more training, so a
/// key reaches the screen about one chunk (1 to 6 ms) later than when paused, not one or two
/// training budgets (30 to 60 ms) later.
///
/// A long task (`e`'s export, a `LongTask`) is worked on the same way: in slices of
/// `taskSliceNanoseconds` until the frame's budget is spent, polling for input between slices,
/// then the frame is drawn with its progress. A key waits at most one slice; the loop never
/// blocks while a task runs. Quitting (q, a signal) cancels the task, which removes what it made.
public struct AppLoop {
    /// The shortest time between frames while running: about 30 frames a second.
    public static let frameMilliseconds = 33
    /// How long one frame trains at `max` speed before drawing.
    public static let maxSpeedBudgetNanoseconds: UInt64 = 30_000_000
    /// How long one chunk of training at `max` should take. Between chunks the loop reads the
    /// clock and polls for input (a few microseconds together), so at 1 ms or more they cost well
    /// under 1% of the steps; at 6 ms or less a key waits at most that long for training to stop.
    /// The chunk's step count adapts to stay in this range, whatever the data size.
    public static let maxSpeedChunkNanoseconds: ClosedRange<UInt64> = 1_000_000...6_000_000
    /// How long one slice of a long task works before the loop polls for input again.
    public static let taskSliceNanoseconds: UInt64 = 5_000_000

    private let clock: any MonotonicClock
    /// Writes the files `update` asks for.
    private let effects: EffectPerformer

    /// A loop timed by `clock` (the real one unless a test injects a fake), performing effects
    /// with `effects` (files in the current folder, dated by the wall clock, by default).
    public init(clock: any MonotonicClock = SystemClock(), effects: EffectPerformer = EffectPerformer()) {
        self.clock = clock
        self.effects = effects
    }

    /// Runs `state` on `screen` until a quit key or a `.quit` event.
    public func run(_ state: inout AppState, on screen: any TerminalScreen) {
        state.apply(.terminal(.resize(screen.size)))
        var pacer = RunPacer()
        var renderer = FrameRenderer(budget: .time(milliseconds: FrameRenderer.sliceMilliseconds, clock: clock))
        // Starts at one step and doubles while chunks are quick: a step of the largest network
        // takes a frame or more, and a first chunk of hundreds would not answer a key for seconds.
        var chunk = 1
        var drawTime: UInt64 = 0
        // Events were handled since the last frame: show what they did before training more.
        var owesAnswer = false
        // The export (or other long task) worked on between frames, if one is running.
        var task: (any LongTask)?
        pacer.restart(at: clock.nanoseconds)
        while !state.shouldQuit {
            if state.isRunning {
                if let stepsPerSecond = state.speed.stepsPerSecond {
                    let due = pacer.takeDueSteps(at: clock.nanoseconds, stepsPerSecond: stepsPerSecond)
                    if due > 0,
                        let event = trainOneFrame(
                            &state, on: screen, chunk: &chunk, drawTime: drawTime, steps: due, pacer: &pacer)
                    {
                        handle(
                            event, andTheRestOf: screen, &state, pacer: &pacer, task: &task, shown: renderer.screenMap)
                        owesAnswer = true
                        if state.shouldQuit { break }
                    }
                } else if !owesAnswer,
                    let event = trainOneFrame(&state, on: screen, chunk: &chunk, drawTime: drawTime, pacer: &pacer)
                {
                    handle(event, andTheRestOf: screen, &state, pacer: &pacer, task: &task, shown: renderer.screenMap)
                    owesAnswer = true
                    if state.shouldQuit { break }
                }
            }
            if task != nil, !owesAnswer, let event = work(on: &task, &state, on: screen, drawTime: drawTime) {
                handle(event, andTheRestOf: screen, &state, pacer: &pacer, task: &task, shown: renderer.screenMap)
                if state.shouldQuit { break }
            }
            let drawStart = clock.nanoseconds
            screen.draw(renderer.render(state, answering: owesAnswer))
            drawTime = clock.nanoseconds - drawStart

            let timeout: Int?
            if task != nil || renderer.hasUnfinishedWork {
                // A task goes on as soon as the frame is drawn, and numbers still to make (a
                // gradient check of a large network) are drawn again: keys are polled between.
                timeout = 0
            } else if !state.isRunning {
                timeout = nil
            } else if let stepsPerSecond = state.speed.stepsPerSecond {
                let untilStep = pacer.millisecondsToNextStep(at: clock.nanoseconds, stepsPerSecond: stepsPerSecond)
                timeout = max(AppLoop.frameMilliseconds, untilStep)
            } else {
                timeout = 0
            }

            owesAnswer = false
            if let event = screen.nextEvent(timeoutMilliseconds: timeout) {
                handle(event, andTheRestOf: screen, &state, pacer: &pacer, task: &task, shown: renderer.screenMap)
                owesAnswer = true
            }
        }
        // Quitting mid-export leaves no partial file.
        effects.cancel(&task, on: &state)
    }

    /// Handles `first` and every event pending after it, so none waits behind the next frame.
    /// A click is read against `shown`, the map of the frame on the screen: the one the user
    /// clicked on, even when a key before it in the same batch changed the state.
    private func handle(
        _ first: TerminalEvent, andTheRestOf screen: any TerminalScreen, _ state: inout AppState,
        pacer: inout RunPacer, task: inout (any LongTask)?, shown: ScreenMap
    ) {
        let before = (state.isRunning, state.speed)
        var event: TerminalEvent? = first
        while let current = event, !state.shouldQuit {
            handle(current, &state, task: &task, shown: shown)
            event = state.shouldQuit ? nil : screen.nextEvent(timeoutMilliseconds: 0)
        }
        if before != (state.isRunning, state.speed) { pacer.restart(at: clock.nanoseconds) }
    }

    private func handle(
        _ event: TerminalEvent, _ state: inout AppState, task: inout (any LongTask)?, shown: ScreenMap
    ) {
        switch event {
        case .key(let key):
            if let action = KeyMap.action(for: key, in: state, screen: shown) {
                effects.apply(action, to: &state, task: &task)
            }
        case .resize(let size):
            state.apply(.terminal(.resize(size)))
        case .quit:
            state.apply(.terminal(.quit))
        case .redraw:
            // The next pass of the loop draws the whole frame.
            break
        }
    }

    /// Trains in chunks until the frame's budget, less `drawTime` (what the last frame took to
    /// draw) but at least a quarter of it, is spent, or until an event arrives: then it returns
    /// that event, unhandled, and the frame is drawn early. The chunk adapts so that one chunk
    /// takes `maxSpeedChunkNanoseconds`, whatever the data size: small data runs thousands of
    /// steps between clock reads and polls, a 100,000-sample file a few.
    ///
    /// At a set speed it trains at most `steps`, the steps the clock owes. When the budget runs
    /// out first, the network is slower than the speed asks: the steps still owed are forgiven
    /// (`pacer` starts counting afresh), so the run goes as fast as the network allows and a key
    /// is answered within a frame, never after a whole second's worth of steps.
    private func trainOneFrame(
        _ state: inout AppState, on screen: any TerminalScreen, chunk: inout Int, drawTime: UInt64,
        steps: Int? = nil, pacer: inout RunPacer
    ) -> TerminalEvent? {
        let start = clock.nanoseconds
        let fullBudget = AppLoop.maxSpeedBudgetNanoseconds
        let budget = max(fullBudget / 4, fullBudget - min(fullBudget, drawTime))
        let chunkTime = AppLoop.maxSpeedChunkNanoseconds
        var remaining = steps ?? Int.max
        var now = start
        repeat {
            let before = now
            let taken = min(chunk, remaining)
            remaining -= taken
            state.apply(.training(.advance(steps: taken)))
            // Polled before the clock is read, so the chunk's time includes the poll's.
            let event = screen.nextEvent(timeoutMilliseconds: 0)
            now = clock.nanoseconds
            let took = now - before
            // A chunk cut short by the steps owed says nothing about a whole chunk's time.
            if took < chunkTime.lowerBound && taken == chunk {
                chunk = min(chunk * 2, 1 << 20)
            } else if took > chunkTime.upperBound {
                chunk = max(1, chunk / 2)
            }
            if let event { return event }
        } while state.isRunning && remaining > 0 && now - start < budget
        if steps != nil && remaining > 0 { pacer.restart(at: now) }
        return nil
    }

    /// Works on `task` in slices of `taskSliceNanoseconds` until the frame's budget, less
    /// `drawTime` but at least a quarter of it, is spent (half of it while training at `max`,
    /// which has had its own), or the task ends, or an event arrives: then it returns that
    /// event, unhandled, and the frame is drawn early.
    private func work(
        on task: inout (any LongTask)?, _ state: inout AppState, on screen: any TerminalScreen, drawTime: UInt64
    ) -> TerminalEvent? {
        let start = clock.nanoseconds
        let trainsToo = state.isRunning && state.speed.stepsPerSecond == nil
        let fullBudget = AppLoop.maxSpeedBudgetNanoseconds / (trainsToo ? 2 : 1)
        let budget = max(fullBudget / 4, fullBudget - min(fullBudget, drawTime))
        var now = start
        repeat {
            let end = min(now + AppLoop.taskSliceNanoseconds, start + budget)
            effects.advance(&task, on: &state, until: end, clock: clock)
            if let event = screen.nextEvent(timeoutMilliseconds: 0) { return event }
            now = clock.nanoseconds
        } while task != nil && now - start < budget
        return nil
    }
}
