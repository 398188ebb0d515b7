import BackpropCore
import Foundation

/// Everything the screen shows, as one value: the model of the Elm / Bubble Tea shape.
///
/// `update` changes it in answer to an `Action`; `Frame.render` draws it. Being a value, a
/// state can be copied, compared (numbers bit for bit, so a NaN equals itself) and rendered in
/// tests without a terminal. It holds only state: what the screen computes from it is cached by
/// the `FrameRenderer`, and the terminal's size is kept for the view and the key map alone
/// (`update` never reads it).
public struct AppState: Equatable, Sendable {
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
    /// The lr or parameter value being typed; `nil` when keys are commands.
    public var entry: TextEntry?
    /// Feedback from the last key, if it has any.
    public var message: StatusMessage?
    /// How far the long task the loop is working on (an export) has got; `nil` when none runs.
    public var task: TaskProgress?
    /// The values before the last step, to mark what it changed; `nil` at the start and after reset.
    public var previous: PreviousValues?
    /// The cost of every step so far, summarised.
    public var costCurve: CostCurve
    /// ‖∂C/∂Wˡ‖ per layer at each state the run reached, for the Gradient flow pane.
    public internal(set) var gradientFlow: GradientFlowSeries
    /// The terminal size the state was last told about: for the view and `KeyMap`, never read by
    /// `update`.
    public var size: Size
    /// Set by `quit`: the main loop ends.
    public var shouldQuit = false
    /// The way back for `b`: checkpoints of every state since the start of this run (the
    /// program's start, or the last `x` or `d`).
    public var history = TrainingHistory()
    /// The runs `x` and `d` left, oldest first, at most `EarlierRun.limit`: where `b` goes when
    /// `history` has nothing earlier.
    public internal(set) var earlierRuns: [EarlierRun] = []
    /// The scenarios `d` goes through: the one the program was started with first (unless it is
    /// a preset as built in), then the presets.
    public let scenarioCycle: [ScenarioChoice]
    /// Where the current scenario is in `scenarioCycle`.
    public internal(set) var cyclePosition: Int
    /// The weight or bias the inspector explains and Enter edits.
    public var selection = ParameterIndex.first
    /// The sample (0-based) the network pane draws and the inspector's chain rule follows
    /// first (`<` and `>` choose it).
    public var selectedSample = 0
    /// Where `n` has got to in walking through the next step; `nil` when no walk is going on.
    public var walkPhase: StepPhase?
    /// Whether the walk and the inspector's layer-level lines are written in matrix form, with
    /// shapes and the numpy line (`M`), instead of number by number: how the run is looked at,
    /// not part of it, so steps, walks and `b` leave it as it is.
    public var matrixForm = false
    /// Whether the finite-difference estimates are shown beside the gradients (`c`).
    public var isGradientCheckShown = false
    /// Whether the cost after one step is previewed for every lr of the ladder (`v`).
    public var isLearningRatePreviewShown = false
    /// Whether the gradient's size per layer and the neurons that stopped learning show (`F`).
    public var isGradientFlowShown = false
    /// The input plane, or the image panes of data that is pictures, as chosen with `m`: `nil`
    /// until then (shown by themselves on large terminals), then shown (`true`) or hidden (`false`).
    public var planeChoice: Bool?
    /// The optimizers racing the run on screen (`R`, `--compare`); `nil` when there is no race.
    public internal(set) var race: Race?
    /// The question `t` asked, waiting for its answer or answered; `nil` when there is none.
    public internal(set) var quiz: Quiz?
    /// The quiz answers of the session: kept by `x` and `d`, which start a new run, not a new class.
    public internal(set) var quizScore = QuizScore()
    /// The optimizers `--compare` named, in order, when the program was started with it: the
    /// race `R` starts uses them (without the current rule) instead of sgd, momentum and adam.
    public var raceNames: [OptimizerName]?
    /// The λ `L` turns a penalty on with, and `{` `}` move while there is none: the last λ in
    /// force, so none → L1 → L2 → none → L1 keeps the λ the class chose.
    public internal(set) var penaltyStrength = PenaltyStrengthLadder.standard
    /// The parameters of the last states of this run, oldest first: the path of descent the
    /// Landscape pane draws. Kept whether or not the pane shows, so opening it shows the path at
    /// once; started afresh with the run (`x`, `d`), cut back by `b`.
    public internal(set) var trail: ParameterTrail
    /// How the Landscape pane is looked at: shown or not, its partner parameter, its zoom.
    public var landscape: LandscapeView
    /// The picture being drawn for the network to classify (`D`); `nil` when none is. While one
    /// is, the arrows, Space, `.`, Backspace, Enter and Esc draw (`KeyMap`), the other keys do
    /// what they always do.
    public internal(set) var drawing: DrawingCanvas?
    /// The Confusion pane's cell cursor (`K`, then the arrows): the cell whose samples `<` `>`
    /// walk; `nil` while the pane is closed.
    public internal(set) var confusionCell: ConfusionCell?
    /// Whether the predictions pane lists only the samples ŷ gets wrong (`X`); `<` `>` then walk
    /// only those.
    public internal(set) var listsOnlyWrong = false
    /// The state at step 0 of `trainer`, paused, named `scenarioName` in the title line. Its
    /// scenario is the user's own and comes first in the `d` cycle, unless it is the preset
    /// `scenarioName` names, exactly as built in.
    public init(
        trainer: Trainer, scenarioName: String, options: RenderOptions = RenderOptions(),
        size: Size = Size(width: 80, height: 24)
    ) {
        self.trainer = trainer
        self.scenarioName = scenarioName
        (scenarioCycle, cyclePosition) = ScenarioChoice.cycle(startingWith: trainer.scenario, named: scenarioName)
        self.options = options
        self.size = size
        if trainer.penalty.isActive { penaltyStrength = trainer.penalty.strength }
        costCurve = CostCurve(scenario: trainer.scenario)
        costCurve.record(
            step: trainer.stepCount, cost: trainer.cost, testCost: trainer.testCost, batchCost: nil, batchSize: 0)
        gradientFlow = GradientFlowSeries(startingAt: trainer)
        history.record(trainer)
        trail = ParameterTrail(parameterCount: trainer.network.parameters.count)
        trail.record(trainer.network, step: trainer.stepCount)
        landscape = LandscapeView(selection: selection, in: trainer.network)
    }

    /// The state at step 0 of `scenario`.
    public init(
        scenario: Scenario, scenarioName: String, options: RenderOptions = RenderOptions(),
        size: Size = Size(width: 80, height: 24)
    ) {
        self.init(trainer: Trainer(scenario: scenario), scenarioName: scenarioName, options: options, size: size)
    }

    /// The text typed after `l`; `nil` when no learning rate is being typed.
    public var learningRateEntry: String? { entry?.purpose == .learningRate ? entry?.text : nil }

    /// The text typed after Enter on the selection; `nil` when no value is being typed.
    public var parameterEntry: String? { entry?.purpose == .parameter ? entry?.text : nil }

    /// Whether the input plane is wanted, from the data and `planeChoice`. The data's inputs
    /// decide, not the features made from them: `x1^2,x2^2` or three features still have a plane.
    /// Data that is pictures has no plane: `m` is about its images then (`imageRequest`).
    public var planeRequest: PlaneRequest {
        guard trainer.scenario.dataInputs.columns == 2, trainer.scenario.image == nil else { return .unavailable }
        return chosenRequest
    }

    /// Whether the image panes (the Sample pane, the Layer 1 neurons) are wanted, from the data
    /// (it must be pictures, `Scenario.image`) and `planeChoice`: `m` shows and hides them as it
    /// does the plane.
    public var imageRequest: PlaneRequest {
        trainer.scenario.image == nil ? .unavailable : chosenRequest
    }

    /// What `m` chose for the right-hand column's panes: shown by themselves on large terminals
    /// until it is pressed.
    private var chosenRequest: PlaneRequest {
        switch planeChoice {
        case nil: return .automatic
        case true?: return .shown
        case false?: return .hidden
        }
    }

    /// Whether the cost, a parameter or the optimizer's state is NaN or infinite: training has
    /// diverged and only reset, step back or an edit help.
    public var hasDiverged: Bool { trainer.hasDiverged }

    /// How this state's screen names the numbers of its network.
    var names: SymbolNames {
        SymbolNames(
            glyphs: Glyphs.forOptions(options), layerCount: trainer.network.layerCount,
            features: trainer.scenario.features)
    }

    /// The display name of the selected parameter, as the messages write it.
    var selectionName: String { names.parameter(selection) }
}
