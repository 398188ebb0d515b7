/// Gradient descent on a network of dense layers, one step at a time or millions at once.
///
/// A value type: copying a trainer snapshots it. After every change the forward pass of the
/// current state is already computed, so `cost`, `prediction` and friends are always current
/// and the next step starts from them (one forward pass per step, never two).
public struct Trainer: Equatable, Sendable {
    /// Where training started; `reset` returns here.
    public let scenario: Scenario
    /// The current network, step count and lr.
    public private(set) var state: TrainingState
    /// C of the current state.
    public private(set) var cost: Double
    /// The first number of the current state that is not finite (a parameter, the optimizer's
    /// state, the cost), if one is: the run has diverged and takes no more steps.
    public private(set) var divergence: Divergence?
    private var workspace: TrainingWorkspace

    /// A trainer at step 0 of `scenario`.
    public init(scenario: Scenario) {
        self.scenario = scenario
        self.state = TrainingState(
            network: scenario.network, stepCount: 0, learningRate: scenario.learningRate, optimizer: scenario.optimizer,
            optimizerState: scenario.optimizerState)
        self.cost = .nan
        self.workspace = TrainingWorkspace(
            inputs: scenario.inputs, targets: scenario.targets, sizes: scenario.network.sizes)
        cost = withKernel { $0.forward() }
        divergence = Divergence.first(cost: cost, state: state)
    }

    /// Whether the run has diverged (`divergence`): only a reset, step back or an edit helps.
    public var hasDiverged: Bool { divergence != nil }

    /// The current W, b and g of every layer.
    public var network: Network { state.network }
    /// The current learning rate (the UI changes it between steps).
    public var learningRate: Double { state.learningRate }
    /// Steps taken since the scenario's state (reset sets it to 0).
    public var stepCount: Int { state.stepCount }
    /// The update rule in force (`o` changes it between steps).
    public var optimizer: Optimizer { state.optimizer }
    /// The loss in force.
    public var loss: Loss { scenario.loss }
    /// The reduction in force.
    public var reduction: Reduction { scenario.reduction }

    /// Back to step 0: exactly the scenario's parameters and lr.
    public mutating func reset() {
        self = Trainer(scenario: scenario)
    }

    /// Changes lr for the following steps.
    public mutating func setLearningRate(_ value: Double) throws(ScenarioError) {
        try Scenario.checkLearningRate(value)
        state.learningRate = value
    }

    /// Changes the update rule for the following steps; its state starts afresh (a momentum
    /// buffer means nothing to Adam), as a new `torch.optim` optimizer's would.
    public mutating func setOptimizer(_ optimizer: Optimizer) {
        state.optimizer = optimizer
        state.optimizerState = OptimizerState(fresh: optimizer.name, parameterCount: network.parameters.count)
        // A fresh state is finite, but the parameters may not be.
        divergence = Divergence.first(cost: cost, state: state)
    }

    /// This trainer under the rule `name`, with the same hyperparameters, lr and state of the
    /// network: a race's runner. Its optimizer's state starts afresh unless the rule is the same.
    public func under(_ name: OptimizerName) -> Trainer {
        guard name != optimizer.name else { return self }
        var copy = self
        copy.setOptimizer(optimizer.named(name))
        return copy
    }

    /// Puts back an earlier (or edited) state. Used by step back and by editing a parameter;
    /// the network must keep the scenario's shape.
    public mutating func restore(_ newState: TrainingState) {
        precondition(newState.network.hasShape(of: state.network), "a trainer's network keeps its shape")
        state = newState
        cost = withKernel { $0.forward() }
        divergence = Divergence.first(cost: cost, state: state)
    }

    /// One step, returning every intermediate (allocates; for the interactive path).
    @discardableResult
    public mutating func step() -> StepTrace {
        let before = state
        let costBefore = cost
        let lr = learningRate
        let optimizer = state.optimizer
        switch optimizer.name {
        case .sgd: descendOnce(by: PlainUpdate(learningRate: lr))
        case .momentum, .nesterov:
            descendOnce(
                by: MomentumUpdate(
                    learningRate: lr, momentum: optimizer.momentum, nesterov: optimizer.name == .nesterov))
        case .rmsprop:
            descendOnce(by: RMSpropUpdate(learningRate: lr, alpha: optimizer.alpha, epsilon: optimizer.epsilon))
        case .adam:
            descendOnce(
                by: AdamUpdate(
                    learningRate: lr, beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon))
        }
        // The buffers still describe the step just taken; read them before the forward pass of
        // the new state overwrites a, h and g'(a).
        let layers = layerTraces()
        cost = withKernel { $0.forward() }
        state.stepCount += 1
        divergence = Divergence.first(cost: cost, state: state)
        return StepTrace(
            number: stepCount, learningRate: lr, loss: loss, reduction: reduction, inputs: scenario.inputs,
            targets: scenario.targets, before: before, after: state, layers: layers, costBefore: costBefore,
            costAfter: cost)
    }

    /// The backward pass and the update by `rule`, as the optimizer's next step. (`step` looks
    /// for a number that is not finite afterwards, in a pass of its own.)
    private mutating func descendOnce(by rule: some UpdateRule) {
        let rule = rule.at(step: state.optimizerState.step + 1)
        _ = withKernel { kernel in kernel.descend(rule: rule) }
        state.optimizerState.countSteps(1, of: state.optimizer.name)
    }

    /// What `step()` would do from here, without doing it: the gradient pane and the inspector.
    public func nextStep() -> StepTrace {
        var copy = self
        return copy.step()
    }

    /// Runs up to `steps` steps on the allocation-free path. Stops early, after the step that
    /// made it, when the cost, a parameter or the optimizer's state is not a finite number
    /// (training has diverged, `divergence` says how; more steps would only print NaN, or a
    /// cost that hides an infinite weight). Returns the number of steps taken.
    @discardableResult
    public mutating func run(steps: Int) -> Int {
        var observer = IgnoringCostObserver()
        return run(steps: steps, observer: &observer)
    }

    /// Runs up to `steps` steps, telling `observer` the cost after each one. Stops early after a
    /// step that diverged (see `run(steps:)`), or whose cost is at most `stopAtCost`. Returns
    /// the steps taken.
    @discardableResult
    public mutating func run<Observer: CostObserver>(
        steps: Int, observer: inout Observer, stopAtCost: Double = -.infinity
    ) -> Int {
        guard steps > 0, divergence == nil else { return 0 }
        let (lr, optimizer) = (learningRate, state.optimizer)
        // One loop per rule, each compiled on its own (see `UpdateRule`). The observer is
        // reached through a closure: the loops are then generic over the rule alone, which is
        // concrete here, so the compiler specializes them even when `Observer` comes from another
        // module and this function is not specialized (a loop generic over both would call
        // the rule's update through its witness table for every parameter).
        switch optimizer.name {
        case .sgd:
            return run(steps: steps, by: PlainUpdate(learningRate: lr), stopAtCost: stopAtCost) {
                observer.record(step: $0, cost: $1)
            }
        case .momentum, .nesterov:
            let rule = MomentumUpdate(
                learningRate: lr, momentum: optimizer.momentum, nesterov: optimizer.name == .nesterov)
            return run(steps: steps, by: rule, stopAtCost: stopAtCost) { observer.record(step: $0, cost: $1) }
        case .rmsprop:
            let rule = RMSpropUpdate(learningRate: lr, alpha: optimizer.alpha, epsilon: optimizer.epsilon)
            return run(steps: steps, by: rule, stopAtCost: stopAtCost) { observer.record(step: $0, cost: $1) }
        case .adam:
            let rule = AdamUpdate(
                learningRate: lr, beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon)
            return run(steps: steps, by: rule, stopAtCost: stopAtCost) { observer.record(step: $0, cost: $1) }
        }
    }

    /// `run(steps:observer:stopAtCost:)` with the optimizer's `rule`, telling `record` each
    /// step's number and cost.
    private mutating func run<Rule: UpdateRule>(
        steps: Int, by rule: Rule, stopAtCost: Double, record: (Int, Double) -> Void
    ) -> Int {
        let start = stepCount
        let optimizerStart = state.optimizerState.step
        var latest = cost
        // Whether the run stopped on a number that is not finite, and the lists it must look at.
        var stoppedOnNonFinite = false
        let lists = (first: !state.optimizerState.first.isEmpty, second: !state.optimizerState.second.isEmpty)
        // A step is checked by one test, of cost + check: the check adds up the optimizer state
        // a non-finite value could hide in (`UpdateRule.update`) and the first sample's
        // pre-activations (`LayerKernel.firstSampleCheck`, for the parameters), each times 0,
        // so it is finite when all of them are: a few numbers a step, where checking every
        // parameter would cost (n + 1)·m. When the test fails, `stops` looks at every number,
        // off the loop: a pre-activation can overflow with every parameter finite, and the run
        // then goes on.
        let taken = withKernel { kernel -> Int in
            var done = 0
            if kernel.layers.count == 1 {
                // The article's single layer: the layer kernel straight from a register, with
                // no loop over layers, so it stays as fast as a loop written for one layer.
                let only = kernel.layers[0]
                func loop(_ extents: some LayerExtents) {
                    while done < steps {
                        let current = rule.at(step: optimizerStart + done + 1)
                        let written = only.descend(rule: current, reduction: kernel.reduction, extents: extents)
                        latest = only.forwardOutput(targets: kernel.targets, loss: kernel.loss, extents: extents)
                        let check = written + only.firstSampleCheck(extents: extents)
                        done += 1
                        record(start + done, latest)
                        if !(latest + check).isFinite || latest <= stopAtCost,
                            Trainer.stops(
                                cost: latest, check: check, stopAtCost: stopAtCost, kernel, lists: lists,
                                &stoppedOnNonFinite)
                        {
                            break
                        }
                    }
                }
                // The presets' shapes (the article's 3x2, the gates' 2x1) with their sizes known
                // at compile time: their loops of 2 and 3 unroll, which takes the seed's step to
                // 1.06x of the C floor (Benchmarks/README.md, "Optimizers": this needs the loop to
                // be specialized, which is why it is generic over the rule alone). The bits are
                // the same.
                switch (only.inputs, only.outputs) {
                case (3, 2): loop(FixedExtents<3, 2>())
                case (2, 1): loop(FixedExtents<2, 1>())
                default: loop(RuntimeExtents(inputs: only.inputs, outputs: only.outputs))
                }
                return done
            }
            while done < steps {
                let written = kernel.descend(rule: rule.at(step: optimizerStart + done + 1))
                latest = kernel.forward()
                let check = written + kernel.firstSampleCheck()
                done += 1
                record(start + done, latest)
                if !(latest + check).isFinite || latest <= stopAtCost,
                    Trainer.stops(
                        cost: latest, check: check, stopAtCost: stopAtCost, kernel, lists: lists,
                        &stoppedOnNonFinite)
                {
                    break
                }
            }
            return done
        }
        state.stepCount += taken
        state.optimizerState.countSteps(taken, of: state.optimizer.name)
        cost = latest
        // The pass that names the number runs once, for a run that stopped on it.
        if stoppedOnNonFinite { divergence = Divergence.first(cost: cost, state: state) }
        return taken
    }

    /// Whether a run stops after a step whose test failed (`cost + check` not finite, or the
    /// cost at most `stopAtCost`): on a number of the state that is not finite, which it notes
    /// in `nonFinite`, or on reaching `stopAtCost`. Not on a pre-activation that overflowed
    /// with every number finite. Out of line, so the loops stay small.
    @inline(never)
    private static func stops(
        cost: Double, check: Double, stopAtCost: Double, _ kernel: NetworkKernel, lists: (first: Bool, second: Bool),
        _ nonFinite: inout Bool
    ) -> Bool {
        // Divergence first: a cost of 0 from an output that a weight of -inf pins to its target
        // has not reached `stopAtCost`.
        if !(cost + check).isFinite
            && (!cost.isFinite || !kernel.holdsOnlyFiniteNumbers(first: lists.first, second: lists.second))
        {
            nonFinite = true
            return true
        }
        return cost <= stopAtCost
    }

    /// ŷ of the current state, N x nᴸ.
    public var prediction: Matrix {
        let last = workspace.layout.blocks.count - 1
        return workspace.matrix(
            at: workspace.layout.blocks[last].output, rows: workspace.layout.samples, columns: network.outputCount)
    }

    /// hˡ of the current state for layer `layer` (0-based), N x nˡ: what each neuron outputs
    /// for each sample.
    public func output(ofLayer layer: Int) -> Matrix {
        workspace.matrix(
            at: workspace.layout.blocks[layer].output, rows: workspace.layout.samples, columns: network.sizes[layer + 1]
        )
    }

    /// aˡ of the current state for layer `layer` (0-based), N x nˡ: for the output layer, what the
    /// cross-entropies' stable costs are computed from.
    public func preActivation(ofLayer layer: Int) -> Matrix {
        workspace.matrix(
            at: workspace.layout.blocks[layer].preActivation, rows: workspace.layout.samples,
            columns: network.sizes[layer + 1])
    }

    /// C for another network of the same shape on the same data (finite differences, the lr
    /// preview).
    ///
    /// It runs the very forward pass training runs, reading the data in place and writing the
    /// intermediates to a scratch buffer, so the gradient check's 2P evaluations cost no copies
    /// of a large data set and each result equals `restore(...)` then `cost`, bit for bit.
    public func cost(of other: Network) -> Double {
        precondition(other.hasShape(of: network), "cost(of:) needs a network of the trainer's shape")
        var parameters = other.parameters
        var scratch = Array(repeating: 0.0, count: workspace.buffers.count)
        // The forward pass reads no optimizer state.
        var (first, second): ([Double], [Double]) = ([], [])
        return Trainer.withKernel(
            parameters: &parameters, firstState: &first, secondState: &second, activations: other.activations,
            buffers: &scratch, layout: workspace.layout, data: workspace.data, loss: scenario.loss,
            reduction: scenario.reduction
        ) { $0.forward() }
    }

    /// Copies every layer's intermediates out of the workspace (allocates; the interactive path).
    private func layerTraces() -> [LayerTrace] {
        let n = Double(workspace.layout.samples)
        let samples = workspace.layout.samples
        return workspace.layout.blocks.indices.map { l in
            let (inputs, outputs) = (network.sizes[l], network.sizes[l + 1])
            let block = workspace.layout.blocks[l]
            func samplesMatrix(_ offset: Int) -> Matrix {
                workspace.matrix(at: offset, rows: samples, columns: outputs)
            }
            let weightGradient = workspace.matrix(at: block.weightGradient, rows: inputs, columns: outputs)
            let biasGradient = workspace.matrix(at: block.biasGradient, rows: 1, columns: outputs).elements
            let input =
                l == 0
                ? scenario.inputs
                : workspace.matrix(at: workspace.layout.blocks[l - 1].output, rows: samples, columns: inputs)
            return LayerTrace(
                activation: network.activations[l], input: input, preActivation: samplesMatrix(block.preActivation),
                output: samplesMatrix(block.output), activationDerivative: samplesMatrix(block.activationDerivative),
                error: samplesMatrix(block.error), delta: samplesMatrix(block.delta), weightGradient: weightGradient,
                biasGradient: biasGradient,
                weightStep: reduction.averagesWeights
                    ? Matrix(rows: inputs, columns: outputs, elements: weightGradient.elements.map { $0 / n })
                    : weightGradient,
                biasStep: reduction.averagesBias ? biasGradient.map { $0 / n } : biasGradient)
        }
    }

    private mutating func withKernel<Result>(_ body: (NetworkKernel) -> Result) -> Result {
        // Copies of the activations, layout and data share their storage (no copy is made), and
        // leave the parameters and the buffers the only things borrowed for writing. (A copy of
        // the whole workspace would share the buffers too, and writing them would copy them.)
        let (activations, layout, data) = (state.network.activations, workspace.layout, workspace.data)
        return Trainer.withKernel(
            parameters: &state.network.parameters, firstState: &state.optimizerState.first,
            secondState: &state.optimizerState.second, activations: activations, buffers: &workspace.buffers,
            layout: layout, data: data, loss: scenario.loss, reduction: scenario.reduction, body)
    }

    /// Runs `body` with a kernel over `parameters`, the optimizer's state lists and `buffers`
    /// that reads x and y in place: training passes the trainer's own storage, `cost(of:)` a
    /// copy of another network, no optimizer state and a scratch buffer. The kernels live on the
    /// stack, so this allocates nothing.
    private static func withKernel<Result>(
        parameters: inout [Double], firstState: inout [Double], secondState: inout [Double],
        activations: [Activation], buffers: inout [Double], layout: WorkspaceLayout, data: [Double], loss: Loss,
        reduction: Reduction, _ body: (NetworkKernel) -> Result
    ) -> Result {
        parameters.withUnsafeMutableBufferPointer { parameters in
            firstState.withUnsafeMutableBufferPointer { first in
                secondState.withUnsafeMutableBufferPointer { second in
                    buffers.withUnsafeMutableBufferPointer { buffers in
                        data.withUnsafeBufferPointer { data in
                            withUnsafeTemporaryAllocation(of: LayerKernel.self, capacity: activations.count) {
                                kernels in
                                // The kernels only read x and y; their pointer type is shared with the
                                // weights, which the update writes, which is why it is mutable.
                                let base = UnsafeMutablePointer(mutating: data.baseAddress!)
                                // A list the rule does not keep is empty: its address, when it has one,
                                // points at no numbers, and when it has none the parameters' stands in.
                                // Either way nothing may read through it (the rule never does, and
                                // `NetworkKernel.holdsOnlyFiniteNumbers` is told which lists exist).
                                let parametersBase = parameters.baseAddress!
                                layout.makeKernels(
                                    into: kernels, activations: activations, data: base, buffers: buffers.baseAddress!,
                                    parameters: parametersBase, firstState: first.baseAddress ?? parametersBase,
                                    secondState: second.baseAddress ?? parametersBase)
                                return body(
                                    NetworkKernel(
                                        layers: kernels, targets: base + layout.targetsOffset, loss: loss,
                                        reduction: reduction
                                    ))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Equal when the scenario, the state and the cost are the same, bit for bit (a trainer that
    /// diverged to NaN equals itself). The workspace is left out: it holds the forward pass of
    /// the state, so equal states have equal workspaces.
    public static func == (left: Trainer, right: Trainer) -> Bool {
        left.cost.bitPattern == right.cost.bitPattern && left.state == right.state && left.scenario == right.scenario
    }
}
