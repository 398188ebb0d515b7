import BackpropCore
import CSeedLoop
import Foundation

// A bare driver for the same loops the harness measures, for profilers (callgrind) and for a
// quick side-by-side without the harness:
//     seed-steps swift|c STEPS
// swift is Trainer.run(steps:); c the C floor.
// Prints the cost reached (which must match) and the wall time per step.
let arguments = CommandLine.arguments
let modes = ["swift", "c"]
guard arguments.count == 3, let steps = Int(arguments[2]), steps >= 0, modes.contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: seed-steps swift|c STEPS\n".utf8))
    exit(2)
}
let clock = ContinuousClock()
var cost = 0.0
let elapsed: Duration
switch arguments[1] {
case "swift":
    var trainer = Trainer(scenario: Preset.seed.scenario)
    elapsed = clock.measure { trainer.run(steps: steps) }
    cost = trainer.cost
default:
    var state = seed_start()
    elapsed = clock.measure { cost = seed_run(&state, steps, 0.1) }
}
let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
print("\(arguments[1]) steps \(steps) cost \(cost) ns/step \(steps > 0 ? nanoseconds / Double(steps) : 0)")
