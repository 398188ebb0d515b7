import BackpropCore

/// A run that `x`, `d` or a drawing added as a sample left, kept whole so that `b` can come back
/// to it exactly: its state, the way back through it (so `b` goes on going back), its cost curve,
/// gradient flow and path of descent (with the landscape's partner and zoom), the selection and
/// sample, and the scenario's name and place in the `d` cycle.
///
/// The trainer is kept as its scenario and state, not as a `Trainer`: the trainer's workspace
/// (every intermediate of every sample) is rebuilt on the way back, so a kept run costs its
/// history, its curve and its parameters, not a second copy of a large data set's buffers.
public struct EarlierRun: Equatable, Sendable {
    /// How the run was left.
    public enum Ending: Equatable, Sendable {
        /// `x`: the same scenario started again at step 0.
        case reset
        /// `d`: the next scenario of the cycle.
        case nextScenario
        /// Enter on a drawing's class: the same data and one sample more.
        case sampleAdded
        /// A click on the input plane: the same data and one point more.
        case pointAdded
    }

    /// How many runs `b` can go back to at most; the oldest is forgotten past this. Enough for a
    /// whole round of `d` (the user's own scenario and every preset) and back. A kept run of a
    /// small network costs little: its history holds about a dozen checkpoints of the parameters.
    public static let limit = Preset.allCases.count + 1

    /// The most memory the kept runs' checkpoints and states take together: 256 MB, as much as
    /// the current run's history may. A large network's history alone can be that much
    /// (`TrainingHistory.memoryLimit`), so `x` pressed again and again on a million parameters
    /// keeps the newest runs that fit, not nine of them (the newest is always kept).
    public static let memoryLimit = TrainingHistory.memoryLimit

    /// About the bytes this run's history and state take, and its data when no other run
    /// shares it: a run left by adding a sample holds the data as it was before, a copy of its
    /// own (after `x` or `d` the data is the current run's or a preset's, shared, not copied).
    public var bytes: Int {
        let data =
            ending == .sampleAdded || ending == .pointAdded
            ? 8 * (scenario.inputs.elements.count + scenario.targets.elements.count) : 0
        return history.checkpointBytes + TrainingHistory.checkpointBytes(state) + trail.bytes + data
    }

    /// The scenario trained on.
    public let scenario: Scenario
    /// Where the run was when it was left.
    public let state: TrainingState
    /// The mistake its backprop made on purpose (a bug hunt), if any: `b` brings the same back.
    public let bug: PlantedBug?
    /// The way back from `state`.
    public let history: TrainingHistory
    /// The cost of every step up to `state`.
    public let costCurve: CostCurve
    /// The gradient's size per layer up to `state`.
    public let gradientFlow: GradientFlowSeries
    /// The path of descent up to `state`, and the landscape's partner and zoom along it.
    public let trail: ParameterTrail
    let landscapePartner: ParameterIndex
    let landscapeZoom: Int
    /// The title line's name for the scenario.
    public let scenarioName: String
    /// Where the scenario is in the `d` cycle.
    public let cyclePosition: Int
    /// The weight or bias that was selected.
    public let selection: ParameterIndex
    /// The sample that was chosen.
    public let selectedSample: Int
    /// `x`, `d` or the drawing added.
    public let ending: Ending

    /// The run `state` is in, left by `ending`.
    init(of state: AppState, endedBy ending: Ending) {
        scenario = state.trainer.scenario
        bug = state.trainer.bug
        self.state = state.trainer.state
        history = state.history
        costCurve = state.costCurve
        gradientFlow = state.gradientFlow
        trail = state.trail
        (landscapePartner, landscapeZoom) = (state.landscape.partner, state.landscape.zoom)
        scenarioName = state.scenarioName
        cyclePosition = state.cyclePosition
        selection = state.selection
        selectedSample = state.selectedSample
        self.ending = ending
    }

    /// Puts the run back into `appState`, exactly as `init(of:endedBy:)` took it: the trainer
    /// (the same bits, the cost of the same forward pass), the way back, the curve, the names
    /// and the selection.
    func restore(into appState: inout AppState) {
        var trainer = Trainer(scenario: scenario, bug: bug)
        trainer.restore(state)
        appState.trainer = trainer
        appState.history = history
        appState.costCurve = costCurve
        appState.gradientFlow = gradientFlow
        appState.trail = trail
        (appState.landscape.partner, appState.landscape.zoom) = (landscapePartner, landscapeZoom)
        appState.scenarioName = scenarioName
        appState.cyclePosition = cyclePosition
        appState.selection = selection
        appState.selectedSample = selectedSample
    }
}
