/// The main loop: draw, wait for an event with a timeout, map it to an action, update, repeat,
/// until the state says quit.
///
/// Paused, it blocks on input with no timeout, so an idle program uses no CPU. Running, it owes
/// steps by the clock (the speed is steps per second of real time), draws at most about 30 frames
/// a second, and any key ends the wait at once. At `max` it trains in chunks until the frame's
/// time budget, less what the last frame took to draw, is spent, then draws: a frame of large
/// data that is slow to draw leaves less time to training, not more time between keys. The
/// passes over the data a frame needs are made once per state (`AppState.prepareFrame`), so keys
/// that change nothing but the view redraw at the cost of the rows drawn. Every pending event is handled before the next frame, so
/// a storm of keys never queues up behind training.
public struct AppLoop {
    /// The shortest time between frames while running: about 30 frames a second.
    public static let frameMilliseconds = 33
    /// How long one frame trains at `max` speed before drawing.
    public static let maxSpeedBudgetNanoseconds: UInt64 = 30_000_000

    private let clock: any MonotonicClock

    /// A loop timed by `clock` (the real one unless a test injects a fake).
    public init(clock: any MonotonicClock = SystemClock()) {
        self.clock = clock
    }

    /// Runs `state` on `screen` until a quit key or a `.quit` event.
    public func run(_ state: inout AppState, on screen: any TerminalScreen) {
        state.apply(.resize(screen.size))
        var pacer = RunPacer()
        var chunk = 256
        var drawTime: UInt64 = 0
        pacer.restart(at: clock.nanoseconds)
        while !state.shouldQuit {
            if state.isRunning {
                if let stepsPerSecond = state.speed.stepsPerSecond {
                    let due = pacer.takeDueSteps(at: clock.nanoseconds, stepsPerSecond: stepsPerSecond)
                    if due > 0 { state.apply(.advance(steps: due)) }
                } else {
                    trainOneFrame(&state, chunk: &chunk, drawTime: drawTime)
                }
            }
            let drawStart = clock.nanoseconds
            state.prepareFrame()
            screen.draw(Frame.render(state))
            drawTime = clock.nanoseconds - drawStart

            let timeout: Int?
            if !state.isRunning {
                timeout = nil
            } else if let stepsPerSecond = state.speed.stepsPerSecond {
                let untilStep = pacer.millisecondsToNextStep(at: clock.nanoseconds, stepsPerSecond: stepsPerSecond)
                timeout = max(AppLoop.frameMilliseconds, untilStep)
            } else {
                timeout = 0
            }

            let before = (state.isRunning, state.speed)
            var event = screen.nextEvent(timeoutMilliseconds: timeout)
            while let current = event, !state.shouldQuit {
                handle(current, &state)
                event = state.shouldQuit ? nil : screen.nextEvent(timeoutMilliseconds: 0)
            }
            if before != (state.isRunning, state.speed) { pacer.restart(at: clock.nanoseconds) }
        }
    }

    private func handle(_ event: TerminalEvent, _ state: inout AppState) {
        switch event {
        case .key(let key):
            if let action = KeyMap.action(for: key, in: state) { state.apply(action) }
        case .resize(let size):
            state.apply(.resize(size))
        case .quit:
            state.apply(.quit)
        case .redraw:
            // The next pass of the loop draws the whole frame.
            break
        }
    }

    /// Trains in chunks until the frame's budget, less `drawTime` (what the last frame took to
    /// draw) but at least a quarter of it, is spent. The chunk adapts so that one chunk takes
    /// about a tenth of the budget, whatever the data size: small data runs thousands of steps
    /// between clock reads, a 100,000-sample file a few.
    private func trainOneFrame(_ state: inout AppState, chunk: inout Int, drawTime: UInt64) {
        let start = clock.nanoseconds
        let fullBudget = AppLoop.maxSpeedBudgetNanoseconds
        let budget = max(fullBudget / 4, fullBudget - min(fullBudget, drawTime))
        var now = start
        repeat {
            let before = now
            state.apply(.advance(steps: chunk))
            now = clock.nanoseconds
            let took = now - before
            if took < budget / 20 {
                chunk = min(chunk * 2, 1 << 20)
            } else if took > budget / 5 {
                chunk = max(1, chunk / 2)
            }
        } while state.isRunning && now - start < budget
    }
}
