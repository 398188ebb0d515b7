import BackpropCore
import CNetworkLoop
import Foundation
import NetworkProblem

// A bare driver for the network benchmark's loops (2-16-16-1, 256 samples), for profilers (callgrind)
// and a quick side-by-side without the harness:
//     network-steps swift|swift1|c|cgeneral STEPS
// swift is Trainer.run(steps:), swift1 Trainer.run(steps: 1) called STEPS times, c the C floor with
// fixed sizes, cgeneral the same C loops with the sizes read at run time.
// Prints the cost reached (which must match) and the wall time per step.
let arguments = CommandLine.arguments
let modes = ["swift", "swift1", "c", "cgeneral"]
guard arguments.count == 3, let steps = Int(arguments[2]), steps >= 0, modes.contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: network-steps swift|swift1|c|cgeneral STEPS\n".utf8))
    exit(2)
}
let clock = ContinuousClock()
let lr = NetworkProblem.learningRate
var cost = 0.0
let elapsed: Duration
switch arguments[1] {
case "swift", "swift1":
    var trainer = Trainer(scenario: NetworkProblem.scenario())
    if arguments[1] == "swift" {
        elapsed = clock.measure { trainer.run(steps: steps) }
    } else {
        elapsed = clock.measure { for _ in 0..<steps { trainer.run(steps: 1) } }
    }
    cost = trainer.cost
default:
    let state = NetworkProblem.cState()
    let general = arguments[1] == "cgeneral"
    elapsed = clock.measure { cost = general ? net_run_general(state, steps, lr) : net_run(state, steps, lr) }
    net_free(state)
}
let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
print("\(arguments[1]) steps \(steps) cost \(cost) ns/step \(steps > 0 ? nanoseconds / Double(steps) : 0)")
