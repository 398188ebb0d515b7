import BackpropCore
import Foundation
import NetworkProblem

// Mini-batch steps against full-batch steps on the network benchmark's problem (2-16-16-1, 256
// samples), without the harness:
//     batch-steps SAMPLES STEPS [--test-ratio R] [--l2 λ]
// SAMPLES is the batch size (256 or more: every sample, the article's path). Prints the wall time
// per step, per sample the step trained on, and per sample of the data; each step also runs every
// training sample forward for the exact cost (and the test samples for theirs).
let arguments = CommandLine.arguments
guard arguments.count >= 3, let size = Int(arguments[1]), size >= 1, let steps = Int(arguments[2]), steps >= 0 else {
    FileHandle.standardError.write(Data("usage: batch-steps SAMPLES STEPS [--test-ratio R] [--l2 λ]\n".utf8))
    exit(2)
}
var scenario = NetworkProblem.scenario()
var k = 3
while k + 1 < arguments.count {
    switch arguments[k] {
    case "--test-ratio":
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: Double(arguments[k + 1])!, seed: 1))
    case "--l2": try scenario.setPenalty(.l2(Double(arguments[k + 1])!))
    default:
        FileHandle.standardError.write(Data("unknown option \(arguments[k])\n".utf8))
        exit(2)
    }
    k += 2
}
try scenario.setBatchSize(size)
var trainer = Trainer(scenario: scenario)
let clock = ContinuousClock()
let elapsed = clock.measure { trainer.run(steps: steps) }
let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
let perStep = steps > 0 ? nanoseconds / Double(steps) : 0
let used = min(size, scenario.trainingCount)
print(
    "batch \(used) of \(scenario.trainingCount) training samples (\(scenario.split.test.count) test), steps \(steps), cost \(trainer.cost)"
)
print(
    String(
        format: "ns/step %.0f   ns per sample trained %.1f   ns per sample of the data %.1f", perStep,
        perStep / Double(used), perStep / Double(scenario.sampleCount)))
