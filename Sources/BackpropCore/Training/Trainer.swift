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
    /// C of the current state over every training sample: the data cost (a penalty is not in it).
    public private(set) var cost: Double
    /// C of the current state over the test samples, or nil without a test split.
    public private(set) var testCost: Double?
    /// The first number of the current state that is not finite (a parameter, the optimizer's
    /// state, the cost), if one is: the run has diverged and takes no more steps.
    public private(set) var divergence: Divergence?
    /// How the scenario's targets name classes, when they do: worked out once, for the accuracy
    /// of every state (`classAccuracy`).
    public let targetClasses: TargetClasses?
    /// The mistake the backward pass makes on purpose (a bug hunt), or nil for the right one.
    /// Like the optimizer, not part of the scenario: `reset` keeps it, a saved scenario has none.
    public let bug: PlantedBug?
    /// The training samples (all samples without a split).
    private var workspace: TrainingWorkspace
    /// The test samples, forward pass only.
    private var testWorkspace: TrainingWorkspace?
    /// Room for one mini-batch, whose rows are copied in before each step; nil for full batches.
    private var batchWorkspace: TrainingWorkspace?
    /// The order of the training samples (positions in `scenario.split.training`) in epoch
    /// `orderEpoch + 1`, made when a mini-batch step first needs it.
    private var order: [Int] = []
    private var orderEpoch = -1

    /// A trainer at step 0 of `scenario`, whose backward pass makes `bug`'s mistake, if any.
    public init(scenario: Scenario, bug: PlantedBug? = nil) {
        self.scenario = scenario
        self.bug = bug
        self.targetClasses = TargetClasses(targets: scenario.targets)
        self.state = TrainingState(
            network: scenario.network, stepCount: 0, learningRate: scenario.learningRate, optimizer: scenario.optimizer,
            optimizerState: scenario.optimizerState, batchSize: scenario.batchSize, penalty: scenario.penalty)
        state.epoch = scenario.epochsDone
        state.samplesIntoEpoch = scenario.samplesIntoEpoch < scenario.trainingCount ? scenario.samplesIntoEpoch : 0
        self.cost = .nan
        let (split, sizes) = (scenario.split, scenario.network.sizes)
        self.workspace =
            split.hasTest
            ? TrainingWorkspace(rows: split.training, of: scenario.inputs, scenario.targets, sizes: sizes)
            : TrainingWorkspace(inputs: scenario.inputs, targets: scenario.targets, sizes: sizes)
        self.testWorkspace =
            split.hasTest
            ? TrainingWorkspace(rows: split.test, of: scenario.inputs, scenario.targets, sizes: sizes) : nil
        prepareBatchWorkspace()
        refresh()
    }

    /// The forward passes of the current state (training, then test) and the divergence check.
    private mutating func refresh() {
        cost = withKernel { $0.forward() }
        testCost = testWorkspace == nil ? nil : withKernel(.test) { $0.forward() }
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
    /// The regularisation term in force.
    public var penalty: Penalty { state.penalty }
    /// The penalty's value for the current weights (0 without one).
    public var penaltyValue: Double { state.penalty.value(of: state.network) }

    /// The samples a step uses when fewer than every training sample (a mini-batch), else nil.
    public var miniBatchSize: Int? {
        guard let size = state.batchSize, size < scenario.trainingCount else { return nil }
        return size
    }

    /// Where the next step falls: its epoch and its batch within the epoch.
    public var batchPosition: BatchPosition {
        BatchPosition(
            completedEpochs: state.epoch, samplesIntoEpoch: miniBatchSize == nil ? 0 : state.samplesIntoEpoch,
            batchSize: miniBatchSize, training: scenario.trainingCount)
    }

    /// The samples the next step uses, as indices into the data as loaded, in the order it
    /// uses them: every training sample in the data's order for a full batch.
    public var nextBatch: [Int] {
        let training = scenario.split.training
        guard let size = miniBatchSize else { return training }
        // The order the last step used when it is this epoch's (most frames), else made afresh.
        let order = orderEpoch == state.epoch ? self.order : Trainer.order(of: state.epoch, scenario: scenario)
        let start = state.samplesIntoEpoch
        return order[start..<min(start + size, training.count)].map { training[$0] }
    }

    /// The order of epoch `epoch + 1`'s training samples (positions in `split.training`).
    private static func order(of epoch: Int, scenario: Scenario) -> [Int] {
        var order = Array(repeating: 0, count: scenario.trainingCount)
        fill(&order, epoch: epoch, scenario: scenario)
        return order
    }

    /// Writes epoch `epoch + 1`'s order into `order`, which holds one entry per training
    /// sample: shuffled from the seed, or the data's order.
    private static func fill(_ order: inout [Int], epoch: Int, scenario: Scenario) {
        if scenario.shuffles {
            BatchOrder.shuffle(&order, seed: scenario.seed, stream: UInt64(epoch))
        } else {
            for k in order.indices { order[k] = k }
        }
    }

    /// Makes `order` the current epoch's (no allocation after the first epoch).
    private mutating func prepareOrder() {
        guard orderEpoch != state.epoch else { return }
        if order.count != scenario.trainingCount { order = Array(repeating: 0, count: scenario.trainingCount) }
        Trainer.fill(&order, epoch: state.epoch, scenario: scenario)
        orderEpoch = state.epoch
    }

    /// Gives the batch workspace room for the batch size in force, or drops it for full batches.
    private mutating func prepareBatchWorkspace() {
        guard let size = miniBatchSize else {
            batchWorkspace = nil
            return
        }
        if batchWorkspace?.layout.samples != size {
            batchWorkspace = TrainingWorkspace(capacity: size, sizes: scenario.network.sizes)
        }
    }

    /// Copies the next step's samples into the batch workspace; returns their places in `order`.
    private mutating func gatherBatch(size: Int) -> Range<Int> {
        prepareOrder()
        let start = state.samplesIntoEpoch
        let rows = start..<min(start + size, scenario.trainingCount)
        let training = scenario.split.training
        let (x, y) = (scenario.inputs.elements, scenario.targets.elements)
        for r in rows { batchWorkspace!.copyRow(training[order[r]], of: x, y, to: r - start) }
        return rows
    }

    /// Moves the epoch on past a step of `used` samples (nil: a full batch, which ends the epoch).
    private mutating func advanceEpoch(after used: Int?) {
        state.samplesIntoEpoch += used ?? scenario.trainingCount
        if state.samplesIntoEpoch >= scenario.trainingCount {
            state.epoch += 1
            state.samplesIntoEpoch = 0
        }
    }

    /// Changes the batch size for the following steps (nil, or at least the training samples:
    /// all of them); the epoch goes on from where it is.
    public mutating func setBatchSize(_ size: Int?) throws(ScenarioError) {
        state.batchSize = try Scenario.checkedBatchSize(size, training: scenario.trainingCount)
        prepareBatchWorkspace()
    }

    /// Changes the regularisation term for the following steps.
    public mutating func setPenalty(_ penalty: Penalty) throws(ScenarioError) {
        state.penalty = try penalty.checked()
    }

    /// Back to step 0: exactly the scenario's parameters and lr.
    public mutating func reset() {
        self = Trainer(scenario: scenario, bug: bug)
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
        prepareBatchWorkspace()
        refresh()
    }

    /// One step, returning every intermediate (allocates; for the interactive path).
    @discardableResult
    public mutating func step() -> StepTrace {
        let before = state
        let (costBefore, position) = (cost, batchPosition)
        let lr = learningRate
        let optimizer = state.optimizer
        let taken: (batchCost: Double, rows: Range<Int>?)
        switch optimizer.name {
        case .sgd: taken = descendOnce(by: PlainUpdate(learningRate: lr))
        case .momentum, .nesterov:
            taken = descendOnce(
                by: MomentumUpdate(
                    learningRate: lr, momentum: optimizer.momentum, nesterov: optimizer.name == .nesterov))
        case .rmsprop:
            taken = descendOnce(by: RMSpropUpdate(learningRate: lr, alpha: optimizer.alpha, epsilon: optimizer.epsilon))
        case .adam:
            taken = descendOnce(
                by: AdamUpdate(
                    learningRate: lr, beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon))
        }
        // The buffers still describe the step just taken; read them before the forward pass of
        // the new state overwrites a, h and g'(a).
        let (layers, inputs, targets) = layerTraces(before: before, rows: taken.rows?.count)
        let training = scenario.split.training
        let samples = taken.rows.map { $0.map { training[order[$0]] } } ?? training
        state.stepCount += 1
        advanceEpoch(after: taken.rows?.count)
        refresh()
        return StepTrace(
            number: stepCount, learningRate: lr, loss: loss, reduction: reduction, inputs: inputs, targets: targets,
            before: before, after: state, layers: layers, costBefore: costBefore, costAfter: cost, samples: samples,
            position: position, batchCost: taken.batchCost)
    }

    /// The backward pass and the update by `rule`, as the optimizer's next step: on the next
    /// mini-batch (copied in and run forward first) or on every training sample (whose forward
    /// pass the buffers hold). Returns C of the samples used, before the step, and for a
    /// mini-batch their places in `order`. (`step` looks for a number that is not finite
    /// afterwards, in a pass of its own.)
    private mutating func descendOnce(by rule: some UpdateRule) -> (batchCost: Double, rows: Range<Int>?) {
        let rule = rule.at(step: state.optimizerState.step + 1)
        defer { state.optimizerState.countSteps(1, of: state.optimizer.name) }
        guard let size = miniBatchSize else {
            _ = withKernel { kernel in kernel.descend(rule: rule) }
            return (cost, nil)
        }
        let rows = gatherBatch(size: size)
        let batchCost = withKernel(.batch(rows.count)) { kernel in
            let batchCost = kernel.forward()
            _ = kernel.descend(rule: rule)
            return batchCost
        }
        return (batchCost, rows)
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
        // Asked once: a run whose observer keeps no parameters spends one test a step on them.
        let keeps = observer.wantsParameters
        // One loop per rule, each compiled on its own (see `UpdateRule`). The observer is
        // reached through a closure: the loops are then generic over the rule alone, which is
        // concrete here, so the compiler specializes them even when `Observer` comes from another
        // module and this function is not specialized (a loop generic over both would call
        // the rule's update through its witness table for every parameter).
        switch optimizer.name {
        case .sgd:
            return run(
                steps: steps, by: PlainUpdate(learningRate: lr), stopAtCost: stopAtCost,
                record: { observer.record(step: $0, cost: $1) }, report: { observer.record($0) },
                wants: { observer.wantsReport(afterStep: $0) }, keeps: keeps,
                keep: { observer.record(parameters: $0, afterStep: $1) })
        case .momentum, .nesterov:
            let rule = MomentumUpdate(
                learningRate: lr, momentum: optimizer.momentum, nesterov: optimizer.name == .nesterov)
            return run(
                steps: steps, by: rule, stopAtCost: stopAtCost, record: { observer.record(step: $0, cost: $1) },
                report: { observer.record($0) }, wants: { observer.wantsReport(afterStep: $0) }, keeps: keeps,
                keep: { observer.record(parameters: $0, afterStep: $1) })
        case .rmsprop:
            let rule = RMSpropUpdate(learningRate: lr, alpha: optimizer.alpha, epsilon: optimizer.epsilon)
            return run(
                steps: steps, by: rule, stopAtCost: stopAtCost, record: { observer.record(step: $0, cost: $1) },
                report: { observer.record($0) }, wants: { observer.wantsReport(afterStep: $0) }, keeps: keeps,
                keep: { observer.record(parameters: $0, afterStep: $1) })
        case .adam:
            let rule = AdamUpdate(
                learningRate: lr, beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon)
            return run(
                steps: steps, by: rule, stopAtCost: stopAtCost, record: { observer.record(step: $0, cost: $1) },
                report: { observer.record($0) }, wants: { observer.wantsReport(afterStep: $0) }, keeps: keeps,
                keep: { observer.record(parameters: $0, afterStep: $1) })
        }
    }

    /// `run(steps:observer:stopAtCost:)` with the optimizer's `rule`, telling `record` each
    /// step's number and cost, or `report` its `StepReport` when the run uses mini-batches, a
    /// test split or a penalty (`runReporting`).
    private mutating func run<Rule: UpdateRule>(
        steps: Int, by rule: Rule, stopAtCost: Double, record: (Int, Double) -> Void, report: (StepReport) -> Void,
        wants: (Int) -> Bool, keeps: Bool, keep: (UnsafeBufferPointer<Double>, Int) -> Void
    ) -> Int {
        if miniBatchSize != nil || testWorkspace != nil || state.penalty.isActive {
            return runReporting(
                steps: steps, by: rule, stopAtCost: stopAtCost, report: report, wants: wants, keeps: keeps, keep: keep)
        }
        let parameterCount = state.network.parameters.count
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
            // A planted bug goes through `NetworkKernel.descend`, which makes it.
            if kernel.layers.count == 1 && kernel.bug == nil {
                // The article's single layer: the layer kernel straight from a register, with
                // no loop over layers, so it stays as fast as a loop written for one layer.
                let only = kernel.layers[0]
                func loop(_ extents: some LayerExtents) {
                    while done < steps {
                        let current = rule.at(step: optimizerStart + done + 1)
                        let written = only.descend(
                            rule: current, reduction: kernel.reduction, penalty: kernel.penalty, extents: extents)
                        latest = only.forwardOutput(targets: kernel.targets, loss: kernel.loss, extents: extents)
                        let check = written + only.firstSampleCheck(extents: extents)
                        done += 1
                        record(start + done, latest)
                        // Layer 1's W is where the parameters begin (`Network.parameters`' order).
                        if keeps { keep(UnsafeBufferPointer(start: only.w, count: parameterCount), start + done) }
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
                if keeps { keep(UnsafeBufferPointer(start: kernel.layers[0].w, count: parameterCount), start + done) }
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
        // Every step of this path is a full batch, which ends an epoch.
        if taken > 0 {
            state.epoch += taken
            state.samplesIntoEpoch = 0
        }
        cost = latest
        // The pass that names the number runs once, for a run that stopped on it.
        if stoppedOnNonFinite { divergence = Divergence.first(cost: cost, state: state) }
        return taken
    }

    /// `run` for a run with mini-batches, a test split or a penalty: each step descends on its
    /// batch (copied into the batch workspace and run forward) or on every training sample,
    /// then runs the training samples forward for C, and the test samples for theirs. Nothing is
    /// allocated but the first epoch's order.
    ///
    /// A mini-batch step whose report nobody `wants` skips the forward passes over every training
    /// and test sample, which only the report needs: it costs in proportion to its batch. It
    /// still stops on a number that is not finite: after its update it looks at every parameter
    /// and the optimizer's state (a pass over P numbers, where the step did about 3·N·P work),
    /// and a step that finds one, or whose batch cost is not finite, makes the forward passes and
    /// the checks of a reported step. The run's last step, and a step it stops at, are always
    /// made in full and reported, so `cost` and `testCost` are current when it returns and an
    /// observer knows the batch of the state it ends at. (A training cost that overflows while
    /// every parameter stays finite is therefore noticed at the next step made in full, where a
    /// run reporting every step notices it at once; either way the run ends on the same state.)
    private mutating func runReporting<Rule: UpdateRule>(
        steps: Int, by rule: Rule, stopAtCost: Double, report: (StepReport) -> Void, wants: (Int) -> Bool,
        keeps: Bool, keep: (UnsafeBufferPointer<Double>, Int) -> Void
    ) -> Int {
        let optimizerStart = state.optimizerState.step
        var stoppedOnNonFinite = false
        let lists = (first: !state.optimizerState.first.isEmpty, second: !state.optimizerState.second.isEmpty)
        let stopsOnCost = stopAtCost > -.infinity
        var done = 0
        while done < steps {
            let current = rule.at(step: optimizerStart + done + 1)
            let epoch = state.epoch + 1
            var rows: Range<Int>?
            let batchCost: Double
            var finite = true
            if let size = miniBatchSize {
                let gathered = gatherBatch(size: size)
                rows = gathered
                (batchCost, finite) = withKernel(.batch(gathered.count)) { kernel in
                    let batchCost = kernel.forward()
                    let written = kernel.descend(rule: current)
                    let finite =
                        (batchCost + written).isFinite
                        && kernel.holdsOnlyFiniteNumbers(first: lists.first, second: lists.second)
                    return (batchCost, finite)
                }
            } else {
                batchCost = cost
                let written = withKernel { $0.descend(rule: current) }
                finite = written.isFinite
            }
            state.optimizerState.countSteps(1, of: state.optimizer.name)
            state.stepCount += 1
            advanceEpoch(after: rows?.count)
            done += 1
            if keeps { state.network.parameters.withUnsafeBufferPointer { keep($0, state.stepCount) } }
            let reported = wants(state.stepCount)
            // A full batch's next step needs the forward pass of every training sample anyway.
            guard reported || rows == nil || done == steps || stopsOnCost || !finite else { continue }
            var stops = false
            cost = withKernel { kernel in
                let latest = kernel.forward()
                let check = (finite ? 0 : Double.nan) + kernel.firstSampleCheck()
                if !(latest + check).isFinite || latest <= stopAtCost {
                    stops = Trainer.stops(
                        cost: latest, check: check, stopAtCost: stopAtCost, kernel, lists: lists, &stoppedOnNonFinite)
                }
                return latest
            }
            if testWorkspace != nil && (reported || done == steps || stops) {
                testCost = withKernel(.test) { $0.forward() }
            }
            if reported || done == steps || stops {
                report(
                    StepReport(
                        step: state.stepCount, epoch: epoch, cost: cost, testCost: testCost, batchCost: batchCost,
                        penalty: state.penalty.isActive ? state.penalty.value(of: state.network) : 0,
                        batch: rows.map { order[$0] }))
            }
            if stops { break }
        }
        if stoppedOnNonFinite { divergence = Divergence.first(cost: cost, state: state) }
        return done
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

    /// ŷ of the current state for the training samples (every sample without a split), one
    /// row each in `scenario.split.training` order.
    public var prediction: Matrix {
        let last = workspace.layout.blocks.count - 1
        return workspace.matrix(
            at: workspace.layout.blocks[last].output, rows: workspace.layout.samples, columns: network.outputCount)
    }

    /// ŷ of the current state for the test samples, one row each in `scenario.split.test`
    /// order, or nil without a split.
    public var testPrediction: Matrix? {
        guard let test = testWorkspace else { return nil }
        let last = test.layout.blocks.count - 1
        return test.matrix(at: test.layout.blocks[last].output, rows: test.layout.samples, columns: network.outputCount)
    }

    /// ŷ of the current state for every sample, training and test, in the data's order.
    public var predictionOfEverySample: Matrix {
        everySample(block: \.output)
    }

    /// The output layer's a of the current state for every sample, training and test, in the
    /// data's order: what a sample's share of a cross-entropy is computed from.
    public var outputPreActivationOfEverySample: Matrix {
        everySample(block: \.preActivation)
    }

    /// One of the output layer's blocks (`output` or `preActivation`) for every sample, its
    /// training rows and test rows put back in the data's order.
    private func everySample(block: KeyPath<WorkspaceLayout.LayerBlocks, Int>) -> Matrix {
        func rows(of workspace: TrainingWorkspace) -> Matrix {
            let blocks = workspace.layout.blocks
            return workspace.matrix(
                at: blocks[blocks.count - 1][keyPath: block], rows: workspace.layout.samples,
                columns: network.outputCount)
        }
        let training = rows(of: workspace)
        guard let testWorkspace else { return training }
        let (test, split) = (rows(of: testWorkspace), scenario.split)
        var all = Matrix(rows: split.count, columns: network.outputCount)
        for (r, s) in split.training.enumerated() { for j in 0..<all.columns { all[s, j] = training[r, j] } }
        for (r, s) in split.test.enumerated() { for j in 0..<all.columns { all[s, j] = test[r, j] } }
        return all
    }

    /// hˡ of the current state for layer `layer` (0-based), one row per training sample: what
    /// each neuron outputs for each sample.
    public func output(ofLayer layer: Int) -> Matrix {
        workspace.matrix(
            at: workspace.layout.blocks[layer].output, rows: workspace.layout.samples, columns: network.sizes[layer + 1]
        )
    }

    /// aˡ of the current state for layer `layer` (0-based), one row per training sample: for the
    /// output layer, what the cross-entropies' stable costs are computed from.
    public func preActivation(ofLayer layer: Int) -> Matrix {
        workspace.matrix(
            at: workspace.layout.blocks[layer].preActivation, rows: workspace.layout.samples,
            columns: network.sizes[layer + 1])
    }

    /// C over the training samples for another network of the same shape (finite differences,
    /// the lr preview).
    ///
    /// It runs the very forward pass training runs, reading the data in place and writing the
    /// intermediates to a scratch buffer, so the gradient check's 2P evaluations cost no copies
    /// of a large data set and each result equals `restore(...)` then `cost`, bit for bit.
    public func cost(of other: Network) -> Double {
        Trainer.cost(of: other, on: workspace, loss: scenario.loss, reduction: scenario.reduction)
    }

    /// C over the training samples for the current network with `x` set to each of `xValues` in
    /// turn and `y` to `yValue`: one row of a `Landscape`. Each C is the very forward pass of
    /// `cost(of:)` (bit for bit the same number), with one copy of the parameters and one
    /// scratch buffer for the whole row. With a penalty on, the objective the weights descend
    /// instead: C/N + the penalty under a mean reduction (N the training samples), C + the
    /// penalty otherwise.
    public func costs(setting x: ParameterIndex, to xValues: [Double], and y: ParameterIndex, to yValue: Double)
        -> [Double]
    {
        var network = state.network
        network[y] = yValue
        let (xOffset, workspace, penalty) = (network.offset(of: x), workspace, state.penalty)
        var parameters = network.parameters
        var scratch = Array(repeating: 0.0, count: workspace.buffers.count)
        var (first, second): ([Double], [Double]) = ([], [])
        let data = Trainer.withKernel(
            parameters: &parameters, firstState: &first, secondState: &second, activations: network.activations,
            buffers: &scratch, layout: workspace.layout, samples: workspace.layout.samples, data: workspace.data,
            loss: scenario.loss, reduction: scenario.reduction, penalty: .none
        ) { kernel in
            // Layer 1's W is where the parameters begin (`Network.parameters`' order).
            let base = kernel.layers[0].w
            // Along the row only x changes: after the row's first pass, the layers below x's
            // hold what they would compute again.
            return xValues.indices.map { column in
                base[xOffset] = xValues[column]
                return column == 0 ? kernel.forward() : kernel.forward(from: x.layer)
            }
        }
        guard penalty.isActive else { return data }
        // The surface the weights descend: a mean reduction steps by ∂C/∂ω / N + the penalty's
        // gradient, so its cost is C/N + the penalty, whose lowest point is where the run stops.
        let scale = scenario.reduction.averagesWeights ? 1 / Double(scenario.trainingCount) : 1
        return zip(xValues, data).map { value, cost in
            network[x] = value
            return cost * scale + penalty.value(of: network)
        }
    }

    /// C over the samples `samples` (indices into the data, in this order) for another network
    /// of the same shape: the cost of one mini-batch, whose gradient a mini-batch step takes,
    /// for the gradient check. Over the next batch, it equals the step's batch cost bit for bit.
    public func cost(of other: Network, samples: [Int]) -> Double {
        let rows = TrainingWorkspace(rows: samples, of: scenario.inputs, scenario.targets, sizes: network.sizes)
        return Trainer.cost(of: other, on: rows, loss: scenario.loss, reduction: scenario.reduction)
    }

    /// The forward pass of `other` over the samples of `workspace`, into a scratch buffer.
    private static func cost(of other: Network, on workspace: TrainingWorkspace, loss: Loss, reduction: Reduction)
        -> Double
    {
        precondition(other.sizes == workspace.layout.sizes, "cost(of:) needs a network of the trainer's shape")
        var parameters = other.parameters
        var scratch = Array(repeating: 0.0, count: workspace.buffers.count)
        // The forward pass reads no optimizer state.
        var (first, second): ([Double], [Double]) = ([], [])
        return Trainer.withKernel(
            parameters: &parameters, firstState: &first, secondState: &second, activations: other.activations,
            buffers: &scratch, layout: workspace.layout, samples: workspace.layout.samples, data: workspace.data,
            loss: loss, reduction: reduction, penalty: .none
        ) { $0.forward() }
    }

    /// What the update rule receives for layer `layer`'s weights from their gradient ∂C/∂Wˡ
    /// over `samples` samples: the gradient after the reduction, plus the penalty's gradient
    /// at `network`'s weights (the state before the step). The trace and `gradientNorms()` both
    /// take it from here, so their norms agree bit for bit.
    private static func weightStep(
        of gradient: Matrix, layer: Int, at network: Network, samples: Int, reduction: Reduction, penalty: Penalty
    ) -> Matrix {
        let n = Double(samples)
        let start = network.weightOffset(layer: layer)
        let elements = gradient.elements.enumerated().map { k, gradient in
            let reduced = reduction.averagesWeights ? gradient / n : gradient
            return penalty.isActive ? reduced + penalty.gradient(weight: network.parameters[start + k]) : reduced
        }
        return Matrix(rows: gradient.rows, columns: gradient.columns, elements: elements)
    }

    /// ‖∂C/∂Wˡ‖ of every layer at the current state, first layer first: the Frobenius norms of
    /// the gradient the next step feeds its optimizer (after the reduction, with the penalty's
    /// gradient), over the samples it takes (every training sample, or the next mini-batch).
    ///
    /// Equal bit for bit to `nextStep().gradientNorms`, for the price of one backward pass (and,
    /// for a mini-batch, its forward pass) on a copy: no update, no trace of every intermediate.
    public func gradientNorms() -> [Double] {
        var copy = self
        return copy.measureGradientNorms()
    }

    /// `gradientNorms()`'s work, on a trainer that is thrown away afterwards: the backward pass
    /// overwrites the workspace's δ and gradients, and a mini-batch's gathering moves `order`.
    private mutating func measureGradientNorms() -> [Double] {
        // Sending the error back through updated weights needs a rule that moves them: the
        // step itself, then. Every other bug is made by the kernel whatever the rule.
        if bug == .updatedWeights { return nextStep().gradientNorms }
        let rows: Int?
        if let size = miniBatchSize {
            let count = gatherBatch(size: size).count
            withKernel(.batch(count)) { kernel in
                _ = kernel.forward()
                _ = kernel.descend(rule: GradientOnlyUpdate())
            }
            rows = count
        } else {
            // The training workspace holds the current state's forward pass (see `refresh`).
            withKernel { _ = $0.descend(rule: GradientOnlyUpdate()) }
            rows = nil
        }
        let used = rows == nil ? workspace : batchWorkspace!
        let sizes = network.sizes
        return used.layout.blocks.indices.map { l in
            let gradient = used.matrix(at: used.layout.blocks[l].weightGradient, rows: sizes[l], columns: sizes[l + 1])
            return Trainer.weightStep(
                of: gradient, layer: l, at: state.network, samples: rows ?? used.layout.samples,
                // A mean that forgets to divide steps by the sum, as `layerTraces` has it.
                reduction: bug == .batchSum ? .sum : reduction,
                penalty: state.penalty
            ).frobeniusNorm
        }
    }

    /// Copies every layer's intermediates out of the workspace of the step just taken (the
    /// batch's, for a mini-batch of `rows` samples), with x and y as the step saw them
    /// (allocates; the interactive path). `before` gives the weights the penalty's gradient was
    /// taken at.
    private func layerTraces(before: TrainingState, rows: Int?) -> (
        layers: [LayerTrace], inputs: Matrix, targets: Matrix
    ) {
        let used = rows == nil ? workspace : batchWorkspace!
        let samples = rows ?? used.layout.samples
        let n = Double(samples)
        let sizes = network.sizes
        let (first, last) = (sizes[0], sizes[sizes.count - 1])
        let inputs = Matrix(rows: samples, columns: first, elements: Array(used.data[0..<(samples * first)]))
        let targetsStart = used.layout.targetsOffset
        let targets = Matrix(
            rows: samples, columns: last, elements: Array(used.data[targetsStart..<(targetsStart + samples * last)]))
        let penalty = before.penalty
        // A mean that forgets to divide (`PlantedBug.batchSum`) steps by the sums: its ∂C/∂θ,
        // on the scale of C as the trace keeps it (before the reduction), is N times the sum.
        // (Under the seed reduction, which divides only the biases' sums, only theirs.)
        let forgets = bug == .batchSum
        let (averagesWeights, averagesBias) = (reduction.averagesWeights, reduction.averagesBias)
        let reduction = forgets ? Reduction.sum : reduction
        func claimed(_ sums: [Double], averaged: Bool) -> [Double] { forgets && averaged ? sums.map { $0 * n } : sums }
        let layers = used.layout.blocks.indices.map { l in
            let (inputCount, outputs) = (sizes[l], sizes[l + 1])
            let block = used.layout.blocks[l]
            func samplesMatrix(_ offset: Int) -> Matrix {
                used.matrix(at: offset, rows: samples, columns: outputs)
            }
            let weightGradient = used.matrix(at: block.weightGradient, rows: inputCount, columns: outputs)
            let biasGradient = used.matrix(at: block.biasGradient, rows: 1, columns: outputs).elements
            let input =
                l == 0 ? inputs : used.matrix(at: used.layout.blocks[l - 1].output, rows: samples, columns: inputCount)
            let weightStep = Trainer.weightStep(
                of: weightGradient, layer: l, at: before.network, samples: samples, reduction: reduction,
                penalty: penalty)
            return LayerTrace(
                activation: network.activations[l], input: input, preActivation: samplesMatrix(block.preActivation),
                output: samplesMatrix(block.output), activationDerivative: samplesMatrix(block.activationDerivative),
                error: samplesMatrix(block.error), delta: samplesMatrix(block.delta),
                weightGradient: Matrix(
                    rows: inputCount, columns: outputs,
                    elements: claimed(weightGradient.elements, averaged: averagesWeights)),
                biasGradient: claimed(biasGradient, averaged: averagesBias),
                weightStep: weightStep,
                biasStep: reduction.averagesBias ? biasGradient.map { $0 / n } : biasGradient)
        }
        return (layers, inputs, targets)
    }

    /// Which samples a kernel runs over.
    private enum Samples {
        /// Every training sample.
        case training
        /// The test samples.
        case test
        /// The first `count` rows of the batch workspace.
        case batch(Int)
    }

    private mutating func withKernel<Result>(_ samples: Samples = .training, _ body: (NetworkKernel) -> Result)
        -> Result
    {
        switch samples {
        case .training: return Trainer.withKernel(on: &workspace, rows: nil, state: &state, scenario, bug, body)
        case .test: return Trainer.withKernel(on: &testWorkspace!, rows: nil, state: &state, scenario, bug, body)
        case .batch(let count):
            return Trainer.withKernel(on: &batchWorkspace!, rows: count, state: &state, scenario, bug, body)
        }
    }

    /// `withKernel(_:_:)` over the first `rows` samples of `workspace` (all of them when nil),
    /// with `state`'s parameters, optimizer lists and penalty: the two are separate stored
    /// properties of the trainer, borrowed together.
    private static func withKernel<Result>(
        on workspace: inout TrainingWorkspace, rows: Int?, state: inout TrainingState, _ scenario: Scenario,
        _ bug: PlantedBug?, _ body: (NetworkKernel) -> Result
    ) -> Result {
        // Copies of the activations, layout and data share their storage (no copy is made), and
        // leave the parameters and the buffers the only things borrowed for writing. (A copy of
        // the whole workspace would share the buffers too, and writing them would copy them.)
        let (activations, layout, data) = (state.network.activations, workspace.layout, workspace.data)
        return Trainer.withKernel(
            parameters: &state.network.parameters, firstState: &state.optimizerState.first,
            secondState: &state.optimizerState.second, activations: activations, buffers: &workspace.buffers,
            layout: layout, samples: rows ?? layout.samples, data: data, loss: scenario.loss,
            reduction: scenario.reduction, penalty: state.penalty, bug: bug, body)
    }

    /// Runs `body` with a kernel over `parameters`, the optimizer's state lists and `buffers`
    /// that reads x and y in place, over the first `samples` rows of `layout`: training passes
    /// the trainer's own storage, `cost(of:)` a copy of another network, no optimizer state and
    /// a scratch buffer. The kernels live on the stack, so this allocates nothing.
    private static func withKernel<Result>(
        parameters: inout [Double], firstState: inout [Double], secondState: inout [Double],
        activations: [Activation], buffers: inout [Double], layout: WorkspaceLayout, samples: Int, data: [Double],
        loss: Loss, reduction: Reduction, penalty: Penalty, bug: PlantedBug? = nil,
        _ body: (NetworkKernel) -> Result
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
                                    into: kernels, samples: samples, activations: activations, data: base,
                                    buffers: buffers.baseAddress!, parameters: parametersBase,
                                    firstState: first.baseAddress ?? parametersBase,
                                    secondState: second.baseAddress ?? parametersBase)
                                return body(
                                    NetworkKernel(
                                        layers: kernels, targets: base + layout.targetsOffset, loss: loss,
                                        reduction: reduction, penalty: penalty, bug: bug))
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
            && left.bug == right.bug
    }
}
