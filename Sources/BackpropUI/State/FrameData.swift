import BackpropCore

/// The numbers a frame needs that each cost one or more passes over the whole data set: the
/// step the current state would take (gradients, inspector, walk), and, when their panes are
/// open, the finite-difference estimates and the lr preview.
///
/// Computed once per state, not once per pane or per frame: the main loop keeps the last one in
/// `AppState.frameData`, so keys that only move the selection or open help cost no data pass,
/// however many samples there are. `Frame.render` computes it itself when the kept one is for
/// another state.
public struct FrameData: Sendable {
    /// What the numbers depend on. Everything else a key changes (selection, help, speed,
    /// scale) leaves them valid.
    struct Key: Equatable, Sendable {
        let scenarioName: String
        let samples: Int
        /// Every layer's parameters, the step and lr (a copy shares the storage).
        let training: TrainingState
        let costBits: UInt64

        init(_ state: AppState) {
            scenarioName = state.scenarioName
            samples = state.trainer.scenario.sampleCount
            training = state.trainer.state
            costBits = state.trainer.cost.bitPattern
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
    }

    /// Whether these numbers are those of `state`, with every pane it shows.
    func serves(_ state: AppState) -> Bool {
        key == Key(state) && (!state.isGradientCheckShown || gradientCheck != nil)
            && (!state.isLearningRatePreviewShown || learningRatePreview != nil)
    }
}
