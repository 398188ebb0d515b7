import BackpropCore

// Activation, Loss and Reduction here are the module's own copies (see CopiedActivation.swift).

/// The run loop of `Trainer.run(steps:observer:stopAtCost:)` over either kernel, on buffers laid
/// out like TrainingWorkspace, so the two kernels are compared in the same surroundings.
public struct PrototypeTrainer: ~Copyable {
    /// Which kernel the loop runs.
    public enum Kernel: Sendable { case copied, tuned }

    let samples: Int, inputs: Int, outputs: Int
    let activation: Activation, loss: Loss, reduction: Reduction
    let learningRate: Double
    let storage: UnsafeMutableBufferPointer<Double>
    /// C of the current state.
    public private(set) var cost: Double = .nan
    /// The current W, row-major.
    public var weights: [Double] { Array(storage[weightsOffset..<(weightsOffset + inputs * outputs)]) }
    /// The current b.
    public var bias: [Double] { Array(storage[biasOffset..<(biasOffset + outputs)]) }

    var blockSize: Int { samples * outputs }
    var yOffset: Int { samples * inputs }
    var weightsOffset: Int { yOffset + 6 * blockSize }
    var weightGradientOffset: Int { weightsOffset + inputs * outputs }
    var biasOffset: Int { weightGradientOffset + inputs * outputs }
    var biasGradientOffset: Int { biasOffset + outputs }

    /// A trainer at step 0 of `scenario`.
    public init(scenario: Scenario) {
        samples = scenario.inputs.rows
        inputs = scenario.inputs.columns
        outputs = scenario.targets.columns
        activation = Activation(rawValue: scenario.layer.activation.rawValue)!
        loss = Loss(rawValue: scenario.loss.rawValue)!
        reduction = Reduction(rawValue: scenario.reduction.rawValue)!
        learningRate = scenario.learningRate
        let count = samples * inputs + 6 * samples * outputs + 2 * inputs * outputs + 2 * outputs
        storage = .allocate(capacity: count)
        storage.initialize(repeating: 0)
        for (k, value) in scenario.inputs.elements.enumerated() { storage[k] = value }
        for (k, value) in scenario.targets.elements.enumerated() { storage[yOffset + k] = value }
        for (k, value) in scenario.layer.weights.elements.enumerated() { storage[weightsOffset + k] = value }
        for (k, value) in scenario.layer.bias.enumerated() { storage[biasOffset + k] = value }
        cost = copiedKernel.forward()
        _ = tunedKernel.forward()  // leaves δ of the starting state for the tuned loop
    }

    deinit { storage.deallocate() }

    private var copiedKernel: CopiedStepKernel {
        let base = storage.baseAddress!
        return CopiedStepKernel(
            samples: samples, inputs: inputs, outputs: outputs, activation: activation, loss: loss,
            reduction: reduction, x: base, y: base + yOffset, w: base + weightsOffset, b: base + biasOffset,
            preActivation: base + yOffset + blockSize, prediction: base + yOffset + 2 * blockSize,
            activationDerivative: base + yOffset + 3 * blockSize, costGradient: base + yOffset + 4 * blockSize,
            delta: base + yOffset + 5 * blockSize, weightGradient: base + weightGradientOffset,
            biasGradient: base + biasGradientOffset)
    }

    private var tunedKernel: TunedStepKernel {
        let base = storage.baseAddress!
        return TunedStepKernel(
            samples: samples, inputs: inputs, outputs: outputs, activation: activation, loss: loss,
            reduction: reduction, x: base, y: base + yOffset, w: base + weightsOffset, b: base + biasOffset,
            preActivation: base + yOffset + blockSize, prediction: base + yOffset + 2 * blockSize,
            activationDerivative: base + yOffset + 3 * blockSize, costGradient: base + yOffset + 4 * blockSize,
            delta: base + yOffset + 5 * blockSize, weightGradient: base + weightGradientOffset,
            biasGradient: base + biasGradientOffset)
    }

    /// `steps` steps on the chosen kernel, observer and early stop as in Trainer.run.
    public mutating func run<Observer: CostObserver>(
        steps: Int, kernel: Kernel, observer: inout Observer, stopAtCost: Double = -.infinity
    ) -> Int {
        guard steps > 0, cost.isFinite else { return 0 }
        let lr = learningRate
        var latest = cost
        var done = 0
        switch kernel {
        case .copied:
            let k = copiedKernel
            while done < steps {
                k.backward()
                k.update(learningRate: lr)
                latest = k.forward()
                done += 1
                observer.record(step: done, cost: latest)
                if !latest.isFinite || latest <= stopAtCost { break }
            }
        case .tuned:
            let k = tunedKernel
            while done < steps {
                k.descend(learningRate: lr)
                latest = k.forward()
                done += 1
                observer.record(step: done, cost: latest)
                if !latest.isFinite || latest <= stopAtCost { break }
            }
        }
        cost = latest
        return done
    }
}
