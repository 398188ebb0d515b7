import BackpropCore

/// Everything the screen shows, as one value: the model of the Elm / Bubble Tea shape.
///
/// `update` changes it in answer to an `Action`; `Frame.render` draws it. Being a value, a
/// state can be copied, compared and rendered in tests without a terminal.
public struct AppState: Sendable {
    /// The training run: W, b, lr, the step count and the current cost.
    public var trainer: Trainer
    /// The preset or scenario name the title line shows ("seed", a file name).
    public var scenarioName: String
    /// ASCII or Unicode drawing.
    public var options: RenderOptions
    /// Whether steps are being taken on their own.
    public var isRunning = false
    /// Steps per second while running.
    public var speed = RunSpeed.standard
    /// Linear or log cost axis.
    public var costScale = CostScale.linear
    /// Whether the key help covers the screen.
    public var isHelpShown = false
    /// The text typed after `l`; `nil` when no learning rate is being typed.
    public var learningRateEntry: String?
    /// Feedback from the last key, if it has any.
    public var message: StatusMessage?
    /// The values before the last step, to mark what it changed; `nil` at the start and after reset.
    public var previous: PreviousValues?
    /// The cost of every step so far, summarised.
    public var costCurve: CostCurve
    /// The terminal size the state was last told about.
    public var size: Size
    /// Set by `quit`: the main loop ends.
    public var shouldQuit = false

    /// The state at step 0 of `trainer`, paused, named `scenarioName` in the title line.
    public init(
        trainer: Trainer, scenarioName: String, options: RenderOptions = RenderOptions(),
        size: Size = Size(width: 80, height: 24)
    ) {
        self.trainer = trainer
        self.scenarioName = scenarioName
        self.options = options
        self.size = size
        costCurve = CostCurve()
        costCurve.record(step: trainer.stepCount, cost: trainer.cost)
    }

    /// The state at step 0 of `scenario`.
    public init(
        scenario: Scenario, scenarioName: String, options: RenderOptions = RenderOptions(),
        size: Size = Size(width: 80, height: 24)
    ) {
        self.init(trainer: Trainer(scenario: scenario), scenarioName: scenarioName, options: options, size: size)
    }

    /// Whether the cost is NaN or infinite: training has diverged and only reset or a new lr help.
    public var hasDiverged: Bool { !trainer.cost.isFinite }

    /// Each sample's share of the current cost.
    public var sampleCosts: [Double] { SampleCost.costs(of: trainer) }
}
