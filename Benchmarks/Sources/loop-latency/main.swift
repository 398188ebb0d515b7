import BackpropCore
import BackpropUI
import Foundation

// The interactive loop (`AppLoop`) on the real clock with a screen that is no terminal, for
// what tmux cannot show: presets the binary does not open yet (networks, such as xor-hidden),
// and the loop's own share of a key's latency, without tmux and ncurses around it.
//     loop-latency PRESET [SECONDS] [KEYS]
// Runs PRESET at `max` for SECONDS with no keys (steps per second, read from the status bar of
// the frames drawn, as a person would), then presses `g` KEYS times at random moments, first
// at `max`, then paused, and prints the time from each key's arrival to the frame that shows it.
// A key "arrives" at a planned moment: the loop gets it at its next look for input (a poll
// between chunks of training at `max`, or at once when it is blocked waiting).

let arguments = CommandLine.arguments
guard (2...4).contains(arguments.count), let preset = Preset(rawValue: arguments[1]),
    let seconds = arguments.count > 2 ? Double(arguments[2]) : 5, seconds > 0,
    let keys = arguments.count > 3 ? Int(arguments[3]) : 200, keys > 0
else {
    let names = Preset.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: loop-latency \(names) [SECONDS] [KEYS]\n".utf8))
    exit(2)
}

/// The moments the harness works by: nanoseconds of the same clock the loop reads.
let clock = SystemClock()

/// A screen that plays the user: `r` at once, nothing for `seconds`, then `g` presses at random
/// moments at `max`, then `p` and as many `g` presses paused, then quit.
final class HarnessScreen: TerminalScreen {
    enum Phase { case start, rate, keysAtMax, keysPaused, done }

    let size = Size(width: 120, height: 40)
    private let rateNanoseconds: UInt64
    private let keyCount: Int
    private var phase = Phase.start
    private var phaseStart: UInt64 = 0
    /// When the next key arrives, and whether it has been handed to the loop.
    private var nextKeyAt: UInt64 = 0
    private var keyHandedOver = false
    /// The next key is `p` (between the keys at `max` and the paused ones).
    private var pendingPause = false
    private var pressed = 0
    private var expectedLog = true
    private var generator = SystemRandomNumberGenerator()

    /// (time, step) of the first and last frame of the rate phase.
    private(set) var rateFrames: [(at: UInt64, step: Int)] = []
    private(set) var atMax: [Double] = []
    private(set) var paused: [Double] = []
    private(set) var framesDrawn = 0

    init(rateSeconds: Double, keyCount: Int) {
        rateNanoseconds = UInt64(rateSeconds * 1e9)
        self.keyCount = keyCount
    }

    func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent? {
        let now = clock.nanoseconds
        switch phase {
        case .start:
            phase = .rate
            phaseStart = now
            return .key(.character("r"))
        case .rate:
            guard now - phaseStart >= rateNanoseconds else { return nil }
            phase = .keysAtMax
            planNextKey(after: now)
            return nil
        case .keysAtMax, .keysPaused:
            guard !keyHandedOver else {
                // Waiting for the frame that shows the last key: a blocking wait here would be a
                // loop that does not draw after a key.
                if timeoutMilliseconds == nil { fatalError("the loop blocked before drawing the key's answer") }
                return nil
            }
            if now < nextKeyAt {
                // A key wakes a blocked or waiting loop the moment it arrives.
                guard let timeout = timeoutMilliseconds.map({ UInt64($0) * 1_000_000 }), now + timeout < nextKeyAt
                else {
                    sleep(until: nextKeyAt)
                    return handOverKey()
                }
                sleep(until: now + timeout)
                return nil
            }
            return handOverKey()
        case .done:
            return .quit
        }
    }

    func draw(_ canvas: Canvas) {
        let now = clock.nanoseconds
        framesDrawn += 1
        let text = canvas.text
        switch phase {
        case .rate:
            if let step = Self.step(in: text) {
                if rateFrames.count < 2 { rateFrames.append((now, step)) } else { rateFrames[1] = (now, step) }
            }
        case .keysAtMax, .keysPaused:
            guard keyHandedOver, text.contains(expectedLog ? "Cost C (log" : "Cost C (linear") else { return }
            let milliseconds = Double(now - nextKeyAt) / 1e6
            if phase == .keysAtMax { atMax.append(milliseconds) } else { paused.append(milliseconds) }
            keyHandedOver = false
            expectedLog.toggle()
            pressed += 1
            if pressed == keyCount, phase == .keysAtMax {
                // `p` goes with the next key; the paused keys follow.
                phase = .keysPaused
                pressed = 0
                pendingPause = true
            } else if pressed == keyCount {
                phase = .done
            }
            planNextKey(after: now)
        default:
            break
        }
    }

    private func handOverKey() -> TerminalEvent {
        if pendingPause {
            pendingPause = false
            planNextKey(after: clock.nanoseconds)
            return .key(.character("p"))
        }
        keyHandedOver = true
        return .key(.character("g"))
    }

    /// 30 to 120 ms from `now`, so keys land anywhere in the frame cycle.
    private func planNextKey(after now: UInt64) {
        nextKeyAt = now + UInt64.random(in: 30_000_000...120_000_000, using: &generator)
    }

    private func sleep(until moment: UInt64) {
        let now = clock.nanoseconds
        guard moment > now else { return }
        Thread.sleep(forTimeInterval: Double(moment - now) / 1e9)
    }

    private static func step(in text: String) -> Int? {
        guard let range = text.range(of: #" step \d+ "#, options: .regularExpression) else { return nil }
        return Int(text[range].dropFirst(6).dropLast())
    }
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(fraction * Double(sorted.count)))]
}

var state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue, size: Size(width: 120, height: 40))
state.speed = .max
let screen = HarnessScreen(rateSeconds: seconds, keyCount: keys)
AppLoop(clock: clock).run(&state, on: screen)

let rate = screen.rateFrames
let stepsPerSecond = Double(rate[1].step - rate[0].step) / (Double(rate[1].at - rate[0].at) / 1e9)
print("preset \(preset.rawValue) (\(state.trainer.network.shapeDescription)), 120x40, no terminal")
print(String(format: "steps/s at max, no keys, over %.1f s: %.2f M", seconds, stepsPerSecond / 1e6))
for (name, values) in [("max", screen.atMax), ("paused", screen.paused)] {
    let figures = [percentile(values, 0.5), percentile(values, 0.9), values.max() ?? 0].map {
        String(format: "%.2f", $0)
    }
    print(
        "\(name) key to frame: median \(figures[0]) ms, p90 \(figures[1]) ms, max \(figures[2]) ms (\(values.count) keys)"
    )
}
