import BackpropCore

/// The numbers a frame needs that each cost one or more passes over the whole data set: the
/// step the current state would take (gradients, inspector, walk), when their panes are open
/// the finite-difference estimates and the lr preview, and during a walk's update phase the step
/// just taken, re-taken from the state before it for the optimizer's numbers.
///
/// Computed once per state, not once per pane or per frame: a `FrameRenderer` keeps the last one,
/// so keys that only move the selection or open help cost no data pass, however many samples
/// there are. It is the view's cache, not part of `AppState`: the state stays only state.
///
/// The gradient check and the lr preview are unfinished work: their estimates are made only for
/// the entries their panes show, a slice at a time (`advance`), so that on a large network the
/// frame is drawn, and keys answered, while they are being made. So is the Landscape pane's grid,
/// a row at a time, kept across states (`LandscapeGrids`) so a run draws whole pictures.
public struct FrameData: Sendable {
    /// What the numbers depend on. Everything else a key changes (selection, help, speed,
    /// scale) leaves them valid.
    struct Key: Equatable, Sendable {
        let scenarioName: String
        /// The scenario and its current state; equal bit for bit, so a state that diverged to
        /// NaN is still recognised as the same.
        let trainer: Trainer

        init(_ state: AppState) {
            scenarioName = state.scenarioName
            trainer = state.trainer
        }
    }

    let key: Key
    /// The step the current state would take, with every intermediate.
    let trace: StepTrace
    /// The central finite differences of the entries the gradient check shows, when it is
    /// shown and has begun; some may still be to come.
    private(set) var gradientCheck: FiniteDifference?

    /// The most work (samples times parameters, summed over the estimates) of a gradient check
    /// made for every parameter rather than only the rows the pane shows: about a frame's.
    static let wholeCheckWork = 10_000_000
    /// The cost after one step for every lr of the ladder, when the lr preview is shown and has
    /// begun; some may still be to come.
    private(set) var learningRatePreview: LearningRatePreview?
    /// The input plane's values for the grid its pane was last laid out with: kept while the
    /// network is the same, so a key that only moves the selection does not compute the plane
    /// again.
    private(set) var plane: PlaneValues?
    /// The path of descent of the Landscape pane's pair to this state, and its next step (the
    /// trace's), when the pane is shown.
    private(set) var landscapePath: DescentPath?
    /// The pair `landscapePath` is of: a key that changes the pair needs a new one.
    private var landscapePair: [ParameterIndex]?
    /// The Landscape pane's grids, made a row at a time (`advance`): kept from frame to frame,
    /// across states too, so a run draws the last finished one while the next is made.
    private(set) var landscapeGrids: LandscapeGrids?
    /// Whether the grid the Landscape pane wants for this state is made (or it wants none).
    private var landscapeMade = true
    /// How many training samples the current ŷ gets right, when the targets are classes.
    let rightCount: Int?
    /// How many test samples it gets right, when the targets are classes and some are held out.
    let testRightCount: Int?
    /// Each sample's class and the class ŷ names, when every sample is one class: what the
    /// Confusion pane counts and the predictions pane lists.
    let classVerdicts: ClassVerdicts?
    /// ŷ of the current state for every sample, training and test, in the data's order (the
    /// trace's rows are only the next batch's).
    let everyPrediction: Matrix
    /// The output layer's a for every sample, in the data's order (a sample's share of a
    /// cross-entropy needs it).
    let everyPreActivation: Matrix
    /// The samples the next step uses, when it uses a mini-batch (empty otherwise): the
    /// predictions pane and the plane mark them.
    let nextBatch: Set<Int>
    /// Every layer's saturated and dead neurons at the current state, over the training samples,
    /// while the Gradient flow pane is shown (empty otherwise): a pass over the pre-activations
    /// the trainer already holds.
    let neuronHealth: [NeuronHealth]
    /// The step just taken, re-taken from the state before it, when the walk's update phase
    /// shows an optimizer's state (sgd keeps none, so it needs no second pass).
    let walkStep: WalkStep?
    /// The smallest and largest pixel of the data, when it is pictures (`Scenario.image`): the
    /// Sample pane draws pixels outside 0..1 scaled from it.
    let pixelRange: ClosedRange<Double>?
    /// The names of the classes of data that is pictures, when its targets are one-hot classes
    /// (`ClassNames`). With `pixelRange`, a pass over the data kept while the data is the same.
    let classNames: [String]?

    /// ŷ of the drawing through the current network, while one is drawn (`D`).
    let drawingPrediction: DrawingPrediction?

    /// The step from `before`, as the walk's update phase shows it.
    struct WalkStep: Equatable, Sendable {
        let before: TrainingState
        let trace: StepTrace
    }

    /// The numbers for `state`, reusing what `earlier` already computed for the same state.
    init(for state: AppState, reusing earlier: FrameData? = nil) {
        let key = Key(state)
        let reusable = earlier?.key == key ? earlier : nil
        self.key = key
        let trace = reusable?.trace ?? state.trainer.nextStep()
        self.trace = trace
        // Made, in slices, by `advance`; what was made for this very state is kept.
        gradientCheck = state.isGradientCheckShown ? reusable?.gradientCheck : nil
        let scenario = state.trainer.scenario
        let targets = scenario.targets
        if let reusable {
            (rightCount, testRightCount, everyPrediction, everyPreActivation, classVerdicts) =
                (
                    reusable.rightCount, reusable.testRightCount, reusable.everyPrediction,
                    reusable.everyPreActivation, reusable.classVerdicts
                )
        } else {
            // What the trainer's last forward passes left: no pass over the data of their own.
            let every = state.trainer.predictionOfEverySample
            everyPrediction = every
            everyPreActivation = state.trainer.outputPreActivationOfEverySample
            // The traces' counts (`ClassAccuracy`), from the same forward passes.
            let accuracy = state.trainer.classAccuracy
            rightCount = accuracy?.right
            testRightCount = accuracy?.testRight
            classVerdicts = ClassVerdicts(prediction: every, targets: targets)
        }
        if scenario.image == nil {
            (pixelRange, classNames) = (nil, nil)
        } else if let earlier, let kept = earlier.pixelRange, earlier.key.trainer.scenario.image != nil,
            earlier.key.trainer.scenario.dataInputs == scenario.dataInputs,
            earlier.key.trainer.scenario.targets == targets
        {
            (pixelRange, classNames) = (kept, earlier.classNames)
        } else {
            (pixelRange, classNames) = (SamplePane.pixelRange(of: scenario.dataInputs), ClassNames.of(scenario))
        }
        nextBatch = reusable?.nextBatch ?? (state.trainer.miniBatchSize == nil ? [] : Set(trace.samples))
        // Only for the pane that shows it: a run's frames make no pass for a closed pane.
        if state.isGradientFlowShown {
            let kept = reusable?.neuronHealth ?? []
            neuronHealth = kept.isEmpty ? state.trainer.neuronHealth : kept
        } else {
            neuronHealth = []
        }
        learningRatePreview = state.isLearningRatePreviewShown ? reusable?.learningRatePreview : nil
        plane = reusable?.plane
        if state.landscape.isShown {
            let pair = [state.selection, state.landscape.partner]
            if let reusable, let kept = reusable.landscapePath, reusable.landscapePair == pair {
                landscapePath = kept
            } else {
                // The next point is the trace's step, already taken for this state.
                landscapePath = DescentPath(
                    of: pair[0], pair[1], at: state.trainer.network, step: state.trainer.stepCount,
                    next: state.trainer.hasDiverged ? nil : trace.networkAfter, along: state.trail)
            }
            landscapePair = pair
            // A grid of another scenario (`d`, a run `b` put back) is another surface, though
            // its pair has the same indices: drawn over a window of its own it would still mislead.
            landscapeGrids = earlier?.key.scenarioName == key.scenarioName ? earlier?.landscapeGrids : nil
            landscapeMade = reusable?.landscapeMade == true && reusable?.landscapePair == pair
        }
        if let drawing = state.drawing, drawing.pixels.count == state.trainer.network.inputCount {
            let kept = reusable?.drawingPrediction
            drawingPrediction =
                kept?.pixels == drawing.pixels ? kept : DrawingPrediction(of: drawing, by: state.trainer.network)
        } else {
            drawingPrediction = nil
        }
        if let before = FrameData.walkStepStart(of: state) {
            if let kept = reusable?.walkStep, kept.before == before {
                walkStep = kept
            } else {
                var trainer = state.trainer
                trainer.restore(before)
                walkStep = WalkStep(before: before, trace: trainer.nextStep())
            }
        } else {
            walkStep = nil
        }
    }

    /// Whether these numbers are those of `state`, with every pane it shows begun (perhaps not
    /// finished: see `isFinished`).
    func serves(_ state: AppState) -> Bool {
        key == Key(state) && (!state.isGradientCheckShown || gradientCheck != nil)
            && (!state.isLearningRatePreviewShown || learningRatePreview != nil)
            && walkStep?.before == FrameData.walkStepStart(of: state)
            && (!state.landscape.isShown || landscapePair == [state.selection, state.landscape.partner])
            && drawingPrediction?.pixels == state.drawing?.pixels
    }

    /// Whether every number the panes of `state` show is made: false while the gradient check
    /// or the lr preview still has estimates to make.
    func isFinished(for state: AppState) -> Bool {
        (!state.isGradientCheckShown || gradientCheck?.isComplete == true)
            && (!state.isLearningRatePreviewShown || learningRatePreview?.isComplete == true)
            && (!state.landscape.isShown || landscapeMade)
    }

    /// Computes the input plane for the grid its pane has on a terminal of `size` (bounded work,
    /// `PlaneGrid`), unless kept from an earlier frame of the same network; begins the gradient
    /// check and the lr preview when their panes are open, and makes their estimates, one a
    /// slice, while `meter` allows: the gradient check's for the entries its pane shows (found
    /// by laying the frame out), then the preview's. Returns the layout when it made one, for
    /// the frame to be drawn with: what it computes changes no pane's needs.
    mutating func advance(for state: AppState, size: Size, meter: inout FrameBudget.Meter) -> Layout? {
        let trainer = state.trainer
        // A closed pane's estimates are dropped: closing it is how a slow check is stopped.
        if !state.isGradientCheckShown { gradientCheck = nil }
        if !state.isLearningRatePreviewShown { learningRatePreview = nil }
        // The plane heads its own column, whose size is the terminal's alone: finding its place
        // needs no layout of the other panes.
        var placed: (panes: [PlacedPane], layout: Layout)? = nil
        if !state.landscape.isShown {
            landscapeGrids = nil
        } else {
            placed = Frame.layout(state, size: size, data: self)
            advanceLandscape(for: state, in: placed!, meter: &meter)
        }
        if Layout.planeWidth(for: size, request: state.planeRequest) > 0,
            case let frame = FrameInput(state: state, data: self, rows: size.height),
            let planePane = PlanePane.pane(for: frame) as? PlanePane
        {
            // Under the landscape when it heads the column, else at the column's top.
            let area =
                placed.flatMap { made in
                    guard case .panes(let panes) = made.layout else { return nil }
                    return panes.plane
                }
                ?? Layout.planeArea(for: size, request: state.planeRequest, pane: planePane, glyphs: frame.glyphs)
            if let grid = planePane.grid(in: area), plane?.grid != grid { plane = planePane.values(on: grid) }
        }
        var shown = 0..<0
        if state.isGradientCheckShown {
            let made = placed ?? Frame.layout(state, size: size, data: self)
            placed = made
            if case .panes(let panes) = made.layout {
                for (placedPane, area) in zip(made.panes, panes.areas(of: made.panes)) {
                    // None while a quiz covers it (it is then another pane) or it has no room.
                    guard let check = placedPane.pane as? GradientCheckPane else { continue }
                    shown = check.entries(in: area, number: panes.number, selection: state.selection)
                }
            }
        }
        // A slice's passes over the data: two for an estimate, about as much for a rate.
        let work = 2 * trainer.scenario.sampleCount * trainer.network.parameters.count
        // A network whose whole check costs about a frame is checked whole, rows out of view
        // too, so the pane can name every layer whose rows disagree (a bug hunt's answer).
        let count = trainer.network.parameters.count
        let whole = count.multipliedReportingOverflow(by: work)
        if !shown.isEmpty, !whole.overflow, whole.partialValue <= FrameData.wholeCheckWork { shown = 0..<count }
        if state.isGradientCheckShown {
            if gradientCheck?.offsets != shown {
                // A mini-batch step's gradient is its batch's: the estimate differentiates the
                // batch's cost.
                gradientCheck = FiniteDifference(
                    at: trainer, offsets: shown, samples: trace.isMiniBatch ? trace.samples : nil,
                    reusing: gradientCheck)
            }
            while gradientCheck?.isComplete == false, meter.allowsSlice(work: work) {
                gradientCheck?.estimateNext(at: trainer)
            }
        }
        if state.isLearningRatePreviewShown {
            if learningRatePreview == nil {
                learningRatePreview = LearningRatePreview(pendingAt: trainer, rates: LearningRateLadder.previewRates)
            }
            while learningRatePreview?.isComplete == false, meter.allowsSlice(work: work) {
                learningRatePreview?.tryNext(at: trainer, nextStep: trace)
            }
        }
        return placed?.layout
    }

    /// Makes rows of the grid the Landscape pane of `placed` wants, while `meter` allows: the
    /// one begun first (perhaps of an earlier state, which is finished before a newer one is
    /// begun), then this state's.
    private mutating func advanceLandscape(
        for state: AppState, in placed: (panes: [PlacedPane], layout: Layout), meter: inout FrameBudget.Meter
    ) {
        landscapeMade = true
        guard case .panes(let panes) = placed.layout else { return }
        let trainer = state.trainer
        for (placedPane, area) in zip(placed.panes, panes.areas(of: placed.panes)) {
            guard let pane = placedPane.pane as? LandscapePane,
                let wanted = LandscapePane.grid(
                    x: pane.x, y: pane.y, window: pane.window, yName: pane.yName, in: area, number: panes.number,
                    color: pane.color)
            else { continue }
            // Too large to make between frames: the pane says so instead.
            guard Landscape.cellWork(of: trainer) <= Landscape.interactiveCellWork else { continue }
            var grids = landscapeGrids ?? LandscapeGrids(wanted, of: trainer)
            // A row: one forward pass over the training samples for each of its cells.
            let work = max(1, wanted.columns * trainer.scenario.trainingCount * trainer.network.forwardWorkPerPoint)
            while true {
                grids.want(wanted, of: trainer)
                if grids.hasMade(wanted, of: trainer) { break }
                guard meter.allowsSlice(work: work) else { break }
                grids.makeRow()
            }
            landscapeMade = grids.hasMade(wanted, of: trainer)
            landscapeGrids = grids
        }
    }

    /// The state the walk's update phase re-takes its step from, when it shows an optimizer's
    /// state or the matrix form; `nil` otherwise.
    private static func walkStepStart(of state: AppState) -> TrainingState? {
        // sgd's update phase needs it only in matrix form, which shows the step's W and b.
        guard state.walkPhase == .update, let previous = state.previous,
            previous.state.optimizer.name != .sgd || state.matrixForm
        else { return nil }
        return previous.state
    }
}
