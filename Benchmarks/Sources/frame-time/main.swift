import BackpropCore
import BackpropUI
import Foundation

// The time to make one frame while training runs, as the main loop makes them, without a
// terminal: `FrameRenderer.render` of a state that took STEPS more steps since the frame before
// (its numbers recomputed: the next step's trace, the predictions, the plane, the landscape).
//     frame-time PRESET COLSxROWS STEPS FRAMES [KEYS]
// KEYS are pressed first (as `--snapshot --keys` reads them, e.g. S to open the landscape).
// Prints the median, 90th percentile and largest frame times, and how much unfinished work the
// renderer left (it works within FrameRenderer.sliceMilliseconds a frame and goes on next frame).
let arguments = CommandLine.arguments
guard (5...6).contains(arguments.count), let preset = Preset(rawValue: arguments[1]),
    case let parts = arguments[2].split(separator: "x"), parts.count == 2, let columns = Int(parts[0]),
    let rows = Int(parts[1]), let steps = Int(arguments[3]), steps >= 0, let frames = Int(arguments[4]), frames > 0
else {
    FileHandle.standardError.write(Data("usage: frame-time PRESET COLSxROWS STEPS FRAMES [KEYS]\n".utf8))
    exit(2)
}
let size = Size(width: columns, height: rows)
var state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue, size: size)
state.apply(.terminal(.resize(size)))
if arguments.count == 6 {
    do {
        try KeySequence(parsing: arguments[5]).press(on: &state)
    } catch {
        FileHandle.standardError.write(Data("keys: \(error)\n".utf8))
        exit(2)
    }
}
var renderer = FrameRenderer()
_ = renderer.render(state)
let clock = ContinuousClock()
var times: [Double] = []
var unfinished = 0
for _ in 0..<frames {
    state.apply(.training(.advance(steps: steps)))
    let elapsed = clock.measure { _ = renderer.render(state) }
    times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
    if renderer.hasUnfinishedWork { unfinished += 1 }
}
times.sort()
func percentile(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
print(
    String(
        format: "%@ %@ +%d steps a frame, %d frames: p50 %.2f ms  p90 %.2f ms  max %.2f ms  (%d left work for the next frame)",
        preset.rawValue, arguments[2], steps, frames, percentile(0.5), percentile(0.9), times.last!, unfinished))
