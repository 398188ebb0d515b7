import BackpropCore
import KernelPrototype
import Testing

/// The tuned kernel proposed for the core is only worth anything if it changes no bit: compare it
/// with the real Trainer for every activation, loss and reduction.
@Suite struct TunedKernelTests {
    static let combinations = Activation.allCases.flatMap { activation in
        Loss.allCases.flatMap { loss in Reduction.allCases.map { (activation, loss, $0) } }
    }

    @Test(arguments: combinations)
    func tunedKernelMatchesTheTrainer(activation: Activation, loss: Loss, reduction: Reduction) throws {
        let scenario = try Scenario(
            inputs: [[1, 2, 3], [3, 2, 1], [-1, 0.5, 2]], targets: [[1, 0], [0, 1], [0.5, 0.5]],
            weights: [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]], bias: [0.05, -0.1], learningRate: 0.05,
            activation: activation, loss: loss, reduction: reduction)
        var trainer = Trainer(scenario: scenario)
        trainer.run(steps: 500)
        for kernel in [PrototypeTrainer.Kernel.copied, .tuned] {
            var prototype = PrototypeTrainer(scenario: scenario)
            var observer = IgnoringCostObserver()
            #expect(prototype.run(steps: 500, kernel: kernel, observer: &observer) == 500)
            #expect(prototype.cost == trainer.cost, "\(kernel)")
            #expect(prototype.weights == trainer.layer.weights.elements, "\(kernel)")
            #expect(prototype.bias == trainer.layer.bias, "\(kernel)")
        }
    }
}
