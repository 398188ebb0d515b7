import BackpropUI

/// A fake terminal that delivers scripted events at simulated times, advancing the fake clock
/// by exactly the time a real wait would take, and records every wait and every frame.
final class ScriptedScreen: TerminalScreen {
    private(set) var size: Size
    private let clock: FakeClock
    private var script: [(at: UInt64, event: TerminalEvent)]
    /// The timeout of every `nextEvent` call, in order.
    private(set) var timeouts: [Int?] = []
    /// Every frame drawn.
    private(set) var frames: [Canvas] = []
    /// The simulated time (ns) at which each frame was drawn, beside `frames`.
    private(set) var drawTimes: [UInt64] = []
    /// Every event delivered, with the simulated time (ns) and the number of frames drawn before it.
    private(set) var deliveries: [(event: TerminalEvent, at: UInt64, framesBefore: Int)] = []
    /// Set when the loop blocked with nothing left to deliver (a test bug, not a hang).
    private(set) var ranDry = false

    /// `script` holds (milliseconds since start, event) in time order.
    init(
        size: Size = Size(width: 80, height: 24), clock: FakeClock,
        script: [(milliseconds: UInt64, event: TerminalEvent)]
    ) {
        self.size = size
        self.clock = clock
        self.script = script.map { ($0.milliseconds * 1_000_000, $0.event) }
    }

    func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent? {
        timeouts.append(timeoutMilliseconds)
        guard let next = script.first else {
            if timeoutMilliseconds == nil || timeouts.count > 10_000_000 {
                ranDry = true
                return .quit
            }
            clock.now += UInt64(timeoutMilliseconds!) * 1_000_000
            return nil
        }
        let deadline = timeoutMilliseconds.map { clock.now + UInt64($0) * 1_000_000 }
        if let deadline, next.at > deadline {
            clock.now = deadline
            return nil
        }
        clock.now = max(clock.now, next.at)
        script.removeFirst()
        deliveries.append((next.event, clock.now, frames.count))
        if case .resize(let newSize) = next.event { size = newSize }
        return next.event
    }

    func draw(_ canvas: Canvas) {
        frames.append(canvas)
        drawTimes.append(clock.now)
    }
}
