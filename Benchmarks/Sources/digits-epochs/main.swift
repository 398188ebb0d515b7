import BackpropCore
import CDigitsLoop
import DigitsProblem
import Foundation

// Seconds per epoch on the digits preset (64-16-10, batches of 32, 45 steps an epoch), without
// the harness, for profilers (callgrind) and a side-by-side with numpy/digits_epochs.py:
//     digits-epochs swift|c|cgeneral|cnatural|load EPOCHS [ROUNDS]
// swift is `Trainer.run(steps: 45)` once an epoch (its last step runs the training and test
// samples forward for their costs, as a record of `--headless --every 45` does), c the C floor
// with fixed sizes (the same sums in the same order, the outputs' sums side by side, then the
// same two forward passes), cgeneral the same C loops with the sizes read at run time, cnatural
// the C loops one sum at a time (LayerKernel's order before its sums went side by side). Each
// round trains EPOCHS epochs from the
// preset's start; prints the costs reached (which must match) and the best round's seconds per
// epoch. load times reading the compiled digits (`DigitImages.shipped`) and making the preset's
// scenario, each once, as the program's first use does.
let arguments = CommandLine.arguments
let modes = ["swift", "c", "cgeneral", "cnatural", "load"]
guard (3...4).contains(arguments.count), modes.contains(arguments[1]), let epochs = Int(arguments[2]), epochs >= 0,
    let rounds = arguments.count == 4 ? Int(arguments[3]) : 3, rounds >= 1
else {
    FileHandle.standardError.write(Data("usage: digits-epochs swift|c|cgeneral|cnatural|load EPOCHS [ROUNDS]\n".utf8))
    exit(2)
}
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

if arguments[1] == "load" {
    var images: DigitImages?
    let read = clock.measure { images = DigitImages.shipped }
    var scenario: Scenario?
    let made = clock.measure { scenario = DigitsProblem.scenario() }
    print(
        "DigitImages.shipped \(images!.labels.count) samples in \(seconds(read) * 1000) ms; "
            + "Preset.digits.scenario \(scenario!.sampleCount) samples in \(seconds(made) * 1000) ms")
    exit(0)
}

let scenario = DigitsProblem.scenario()
let steps = DigitsProblem.stepsPerEpoch(of: scenario)
let lr = scenario.learningRate
// Made before the clock starts: the C floor is given its orders, the trainer draws its own.
let orders = (0..<epochs).map { DigitsProblem.order(epoch: $0, of: scenario) }
var best = Double.infinity
var costs = (cost: 0.0, test: 0.0)
for _ in 0..<rounds {
    let elapsed: Duration
    switch arguments[1] {
    case "swift":
        var trainer = Trainer(scenario: scenario)
        elapsed = clock.measure { for _ in 0..<epochs { trainer.run(steps: steps) } }
        costs = (trainer.cost, trainer.testCost ?? .nan)
    default:
        let state = DigitsProblem.cState(of: scenario)
        let epoch =
            switch arguments[1] {
            case "cgeneral": dl_epoch_general
            case "cnatural": dl_epoch_natural
            default: dl_epoch
            }
        elapsed = clock.measure {
            for order in orders { _ = order.withUnsafeBufferPointer { epoch(state, $0.baseAddress, lr) } }
        }
        costs = (dl_cost(state), dl_test_cost(state))
        dl_free(state)
    }
    best = min(best, seconds(elapsed))
}
print(
    "\(arguments[1]) epochs \(epochs) cost \(costs.cost) test cost \(costs.test) "
        + "s/epoch \(epochs > 0 ? best / Double(epochs) : 0) (best of \(rounds))")
