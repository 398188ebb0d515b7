import BackpropCore
import CDigitsLoop
import DigitsProblem
import Testing

/// The C floor for the digits preset is only a fair comparison if it does the same maths. Both
/// loops run the same sums in the same order (softmax's max, exps and their sum included, in
/// LayerKernel's order), so they agree bit for bit: the training and test costs and every
/// parameter, epoch after epoch, not just to the 1e-12 a fair comparison needs. So do the C
/// loops that run the outputs' sums side by side and those that run one at a time: the order
/// within each sum is the same.
@Suite struct DigitsLoopTests {
    @Test func theProblemIsTheSameOnBothSides() {
        let scenario = DigitsProblem.scenario()
        let trainer = Trainer(scenario: scenario)
        #expect(trainer.network.sizes == [64, 16, 10])
        #expect(DigitsProblem.stepsPerEpoch(of: scenario) == 45)
        let state = DigitsProblem.cState(of: scenario)
        defer { dl_free(state) }
        #expect(dl_cost(state) == trainer.cost)
        #expect(dl_test_cost(state) == trainer.testCost)
        #expect(DigitsProblem.parameters(of: state) == trainer.network.parameters)
        // The trainer's own first batch is the order's first 32.
        let first = DigitsProblem.order(epoch: 0, of: scenario).prefix(32).map { scenario.split.training[Int($0)] }
        #expect(trainer.nextBatch == first)
    }

    @Test(arguments: [1, 2, 5, 30])
    func cLoopMatchesTheSwiftTrainer(epochs: Int) {
        let scenario = DigitsProblem.scenario()
        let steps = DigitsProblem.stepsPerEpoch(of: scenario)
        var trainer = Trainer(scenario: scenario)
        for runEpoch in [dl_epoch, dl_epoch_general, dl_epoch_natural] {
            var swift = trainer
            let state = DigitsProblem.cState(of: scenario)
            defer { dl_free(state) }
            for epoch in 0..<epochs {
                swift.run(steps: steps)
                let order = DigitsProblem.order(epoch: epoch, of: scenario)
                let cost = order.withUnsafeBufferPointer { runEpoch(state, $0.baseAddress, scenario.learningRate) }
                // The agreement a fair comparison needs...
                #expect(abs(cost - swift.cost) <= 1e-12 * swift.cost, "epoch \(epoch + 1)")
                // ...and what the shared order of operations gives.
                #expect(cost == swift.cost, "epoch \(epoch + 1)")
                #expect(dl_test_cost(state) == swift.testCost, "epoch \(epoch + 1)")
            }
            #expect(DigitsProblem.parameters(of: state) == swift.network.parameters)
            #expect(swift.stepCount == epochs * steps)
        }
        trainer.run(steps: epochs * steps)
        if epochs == 30 {
            // Training, not standing still: from 3,324 (ln 10 a sample) at the start.
            #expect(trainer.cost < 3324 / 10)
        }
    }
}
