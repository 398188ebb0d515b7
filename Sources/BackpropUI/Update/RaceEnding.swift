/// Why a race ended without `R`: the run on screen changed other than by steps, which the other
/// runners cannot follow (they would have to take the same lr, edit or undo, and a race of
/// different changes says nothing about the optimizers).
enum RaceEnding: Equatable, Sendable {
    /// `b` went back (a step, a change, or to a run `x` or `d` left).
    case stepBack
    /// `x` reset the run.
    case reset
    /// `d` loaded the next scenario.
    case nextScenario
    /// `o` chose another optimizer.
    case optimizer
    /// `+`, `-` or a typed lr changed the learning rate.
    case learningRate
    /// Enter set a weight or bias to a typed value.
    case edit
    /// `B` changed the batch size.
    case batchSize
    /// `L`, `{` or `}` changed the penalty or its λ.
    case penalty
    /// A drawing was added to the data as a sample.
    case sampleAdded
    /// A click on the input plane added a sample.
    case pointAdded

    /// The ending `action` brings if it changes the run (with `entry` the value being typed, for
    /// Enter); `nil` for actions that leave the run to its steps.
    init?(_ action: Action, entry: TextEntry?) {
        switch action {
        case .history(let action):
            switch action {
            case .stepBack: self = .stepBack
            case .reset: self = .reset
            case .nextScenario: self = .nextScenario
            }
        case .training(let action):
            switch action {
            case .cycleOptimizer: self = .optimizer
            case .learningRateUp, .learningRateDown: self = .learningRate
            case .cycleBatchSize: self = .batchSize
            case .cyclePenalty, .penaltyStrengthUp, .penaltyStrengthDown: self = .penalty
            case .step, .run, .pause, .toggleRun, .advance, .speedUp, .speedDown: return nil
            }
        case .entry(let action):
            switch action {
            case .commit:
                switch entry?.purpose {
                case .learningRate?: self = .learningRate
                case .parameter?: self = .edit
                case .drawingLabel?: self = .sampleAdded
                // An answer takes one step, which every runner takes with it.
                case .quizAnswer?, nil: return nil
                }
            case .beginLearningRate, .beginParameter, .type, .deleteBackward, .moveCursor, .cancel: return nil
            }
        // Drawing changes no number of the run; adding the drawing is the label's entry.
        case .selection, .view, .walk, .quiz, .race, .landscape, .classes, .file, .task, .terminal, .drawing:
            return nil
        case .plane(let action):
            switch action {
            case .addSample: self = .pointAdded
            }
        }
    }

    /// The reason in words, after "race ended: "; `parameter` names the edited weight or bias.
    func words(parameter: String) -> String {
        switch self {
        case .stepBack: "b went back"
        case .reset: "x reset the run"
        case .nextScenario: "d changed the scenario"
        case .optimizer: "the optimizer changed"
        case .learningRate: "the lr changed"
        case .edit: "\(parameter) was edited"
        case .batchSize: "the batch size changed"
        case .penalty: "the penalty changed"
        case .sampleAdded: "a drawn sample was added"
        case .pointAdded: "a point was added on the plane"
        }
    }
}
