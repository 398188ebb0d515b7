/// Gradient descent on one dense layer, one step at a time or millions at once.
///
/// A value type: copying a trainer snapshots it. After every change the forward pass of the
/// current state is already computed, so `cost`, `prediction` and friends are always current
/// and the next step starts from them (one forward pass per step, never two).
public struct Trainer: Sendable {
    /// Where training started; `reset` returns here.
    public let scenario: Scenario
    /// The current W, b and g.
    public private(set) var layer: DenseLayer
    /// The current learning rate (the UI changes it between steps).
    public private(set) var learningRate: Double
    /// Steps taken since the scenario's state (reset sets it to 0).
    public private(set) var stepCount: Int
    /// C of the current state.
    public private(set) var cost: Double
    private var workspace: TrainingWorkspace

    /// A trainer at step 0 of `scenario`.
    public init(scenario: Scenario) {
        self.scenario = scenario
        self.layer = scenario.layer
        self.learningRate = scenario.learningRate
        self.stepCount = 0
        self.cost = .nan
        self.workspace = TrainingWorkspace(inputs: scenario.inputs, targets: scenario.targets)
        cost = withKernel { $0.forward() }
    }

    /// The loss in force.
    public var loss: Loss { scenario.loss }
    /// The reduction in force.
    public var reduction: Reduction { scenario.reduction }

    /// Back to step 0: exactly the scenario's W, b and lr.
    public mutating func reset() {
        self = Trainer(scenario: scenario)
    }

    /// Changes lr for the following steps.
    public mutating func setLearningRate(_ value: Double) throws(ScenarioError) {
        try Scenario.checkLearningRate(value)
        learningRate = value
    }

    /// Puts back an earlier (or edited) state: W and b, the step count and lr. Used by step back
    /// and by editing a parameter; the layer must keep the scenario's shape.
    public mutating func restore(
        layer newLayer: DenseLayer, stepCount newStepCount: Int, learningRate newLearningRate: Double
    ) {
        precondition(newLayer.weights.rows == layer.weights.rows && newLayer.weights.columns == layer.weights.columns)
        layer = newLayer
        stepCount = newStepCount
        learningRate = newLearningRate
        cost = withKernel { $0.forward() }
    }

    /// One step, returning every intermediate (allocates; for the interactive path).
    @discardableResult
    public mutating func step() -> StepTrace {
        let before = layer
        let costBefore = cost
        let (samples, outputs, inputs) = (workspace.samples, workspace.outputs, workspace.inputs)
        let lr = learningRate
        withKernel { kernel in kernel.descend(learningRate: lr) }
        // The backward buffers still describe the step just taken; read them before the forward
        // pass of the new state overwrites a, ŷ and g'(a).
        let ws = workspace
        let weightGradient = ws.matrix(at: ws.weightGradientOffset, rows: inputs, columns: outputs)
        let biasGradient = ws.matrix(at: ws.biasGradientOffset, rows: 1, columns: outputs).elements
        let n = Double(samples)
        let weightStep =
            reduction.averagesWeights
            ? Matrix(rows: inputs, columns: outputs, elements: weightGradient.elements.map { $0 / n }) : weightGradient
        let biasStep = reduction.averagesBias ? biasGradient.map { $0 / n } : biasGradient
        cost = withKernel { $0.forward() }
        stepCount += 1
        return StepTrace(
            number: stepCount, learningRate: lr, loss: loss, activation: layer.activation, reduction: reduction,
            inputs: scenario.inputs, targets: scenario.targets, layerBefore: before, layerAfter: layer,
            preActivation: ws.matrix(at: ws.preActivationOffset, rows: samples, columns: outputs),
            prediction: ws.matrix(at: ws.predictionOffset, rows: samples, columns: outputs),
            activationDerivative: ws.matrix(at: ws.activationDerivativeOffset, rows: samples, columns: outputs),
            costGradient: ws.matrix(at: ws.costGradientOffset, rows: samples, columns: outputs),
            delta: ws.matrix(at: ws.deltaOffset, rows: samples, columns: outputs),
            weightGradient: weightGradient, biasGradient: biasGradient, weightStep: weightStep,
            biasStep: biasStep, costBefore: costBefore, costAfter: cost)
    }

    /// What `step()` would do from here, without doing it: the gradient pane and the inspector.
    public func nextStep() -> StepTrace {
        var copy = self
        return copy.step()
    }

    /// Runs up to `steps` steps on the allocation-free path. Stops early, after the step that
    /// reached it, when the cost is not a finite number (training has diverged; more steps
    /// would only print NaN). Returns the number of steps taken.
    @discardableResult
    public mutating func run(steps: Int) -> Int {
        var observer = IgnoringCostObserver()
        return run(steps: steps, observer: &observer)
    }

    /// Runs up to `steps` steps, telling `observer` the cost after each one. Stops early after a
    /// step whose cost is not finite, or is at most `stopAtCost`. Returns the steps taken.
    @discardableResult
    public mutating func run<Observer: CostObserver>(
        steps: Int, observer: inout Observer, stopAtCost: Double = -.infinity
    ) -> Int {
        guard steps > 0, cost.isFinite else { return 0 }
        let lr = learningRate
        let start = stepCount
        var latest = cost
        let taken = withKernel { kernel -> Int in
            var done = 0
            while done < steps {
                kernel.descend(learningRate: lr)
                latest = kernel.forward()
                done += 1
                observer.record(step: start + done, cost: latest)
                if !latest.isFinite || latest <= stopAtCost { break }
            }
            return done
        }
        stepCount += taken
        cost = latest
        return taken
    }

    /// a = xW + b of the current state, N x m.
    public var preActivation: Matrix {
        workspace.matrix(at: workspace.preActivationOffset, rows: workspace.samples, columns: workspace.outputs)
    }
    /// ŷ of the current state, N x m.
    public var prediction: Matrix {
        workspace.matrix(at: workspace.predictionOffset, rows: workspace.samples, columns: workspace.outputs)
    }

    /// C for another W and b on the same data (finite differences, the lr preview).
    ///
    /// It reads the data in place and writes nothing, so the gradient check's 2 x (n·m + m)
    /// evaluations cost no copies of a large data set. The sums run in the same order as the
    /// kernel's forward pass, so the result equals `restore(layer:...)` then `cost`, bit for bit.
    public func cost(of otherLayer: DenseLayer) -> Double {
        let (samples, inputs, outputs) = (workspace.samples, workspace.inputs, workspace.outputs)
        precondition(otherLayer.inputCount == inputs && otherLayer.outputCount == outputs)
        let activation = otherLayer.activation
        let loss = scenario.loss
        let (xOffset, yOffset) = (workspace.xOffset, workspace.yOffset)
        let sumOfSquares = workspace.storage.withUnsafeBufferPointer { storage in
            otherLayer.weights.elements.withUnsafeBufferPointer { w in
                otherLayer.bias.withUnsafeBufferPointer { b in
                    var sum = 0.0
                    for s in 0..<samples {
                        for j in 0..<outputs {
                            var dot = 0.0
                            for i in 0..<inputs { dot += storage[xOffset + s * inputs + i] * w[i * outputs + j] }
                            let error = activation.value(dot + b[j]) - storage[yOffset + s * outputs + j]
                            sum += error * error
                        }
                    }
                    return sum
                }
            }
        }
        return loss.cost(sumOfSquares: sumOfSquares, samples: samples, outputs: outputs)
    }

    private mutating func withKernel<Result>(_ body: (StepKernel) -> Result) -> Result {
        let (samples, inputs, outputs) = (workspace.samples, workspace.inputs, workspace.outputs)
        let (activation, loss, reduction) = (layer.activation, scenario.loss, scenario.reduction)
        let ws = (
            x: workspace.xOffset, y: workspace.yOffset, a: workspace.preActivationOffset,
            p: workspace.predictionOffset, d: workspace.activationDerivativeOffset,
            c: workspace.costGradientOffset, delta: workspace.deltaOffset,
            gw: workspace.weightGradientOffset, gb: workspace.biasGradientOffset
        )
        return layer.weights.elements.withUnsafeMutableBufferPointer { w in
            layer.bias.withUnsafeMutableBufferPointer { b in
                workspace.storage.withUnsafeMutableBufferPointer { storage in
                    let base = storage.baseAddress!
                    return body(
                        StepKernel(
                            samples: samples, inputs: inputs, outputs: outputs, activation: activation,
                            loss: loss, reduction: reduction, x: base + ws.x, y: base + ws.y,
                            w: w.baseAddress!, b: b.baseAddress!, preActivation: base + ws.a,
                            prediction: base + ws.p, activationDerivative: base + ws.d,
                            costGradient: base + ws.c, delta: base + ws.delta,
                            weightGradient: base + ws.gw, biasGradient: base + ws.gb))
                }
            }
        }
    }
}
