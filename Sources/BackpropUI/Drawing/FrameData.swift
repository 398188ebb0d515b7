import BackpropCore

/// The numbers a frame needs that each cost one or more passes over the whole data set: the
/// step the current state would take (gradients, inspector, walk), when their panes are open
/// the finite-difference estimates and the lr preview, and during a walk's update phase the step
/// just taken, re-taken from the state before it for the optimizer's numbers.
///
/// Computed once per state, not once per pane or per frame: a `FrameRenderer` keeps the last one,
/// so keys that only move the selection or open help cost no data pass, however many samples
/// there are. It is the view's cache, not part of `AppState`: the state stays only state.
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
    /// The central finite differences, when the gradient check is shown.
    let gradientCheck: FiniteDifference?
    /// The cost after one step for every lr of the ladder, when the lr preview is shown.
    let learningRatePreview: LearningRatePreview?
    /// How many samples the current ŷ gets right, when the targets are classes.
    let rightCount: Int?
    /// The step just taken, re-taken from the state before it, when the walk's update phase
    /// shows an optimizer's state (sgd keeps none, so it needs no second pass).
    let walkStep: WalkStep?

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
        gradientCheck =
            state.isGradientCheckShown
            ? reusable?.gradientCheck ?? FiniteDifference(at: state.trainer) : nil
        let targets = state.trainer.scenario.targets
        if let reusable {
            rightCount = reusable.rightCount
        } else {
            rightCount = TargetClasses(targets: targets)?.rightCount(prediction: trace.prediction, targets: targets)
        }
        learningRatePreview =
            state.isLearningRatePreviewShown
            ? reusable?.learningRatePreview
                ?? LearningRatePreview(at: state.trainer, nextStep: trace, rates: LearningRateLadder.previewRates)
            : nil
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

    /// Whether these numbers are those of `state`, with every pane it shows.
    func serves(_ state: AppState) -> Bool {
        key == Key(state) && (!state.isGradientCheckShown || gradientCheck != nil)
            && (!state.isLearningRatePreviewShown || learningRatePreview != nil)
            && walkStep?.before == FrameData.walkStepStart(of: state)
    }

    /// The state the walk's update phase re-takes its step from, when it shows an optimizer's
    /// state; `nil` otherwise.
    private static func walkStepStart(of state: AppState) -> TrainingState? {
        guard state.walkPhase == .update, let previous = state.previous, previous.state.optimizer.name != .sgd
        else { return nil }
        return previous.state
    }
}
