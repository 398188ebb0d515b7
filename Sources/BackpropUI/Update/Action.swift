/// Everything that can happen to the state: the messages of the Elm / Bubble Tea shape, nested
/// by feature as in the Composable Architecture's scoped actions.
///
/// Keys become actions through `KeyMap`; the main loop adds `training(.advance)` and
/// `terminal(.resize)`; an effect's outcome comes back as `file(.finished)`. Each feature's
/// actions have their own reducer (`AppState+Training`, `AppState+History`, …), and every switch
/// over an action lists every case: a new case makes the compiler name each place that must
/// decide what it does.
public enum Action: Equatable, Hashable, Sendable {
    /// Steps, running, speed, the learning rate and the optimizer.
    case training(TrainingAction)
    /// Going back (`b`), reset (`x`) and the next scenario (`d`).
    case history(HistoryAction)
    /// A line being typed: an lr, a parameter's value or a quiz answer.
    case entry(EntryAction)
    /// The selected parameter and sample.
    case selection(SelectionAction)
    /// Which panes show, and how.
    case view(ViewAction)
    /// Walking through one step phase by phase (`n`).
    case walk(WalkAction)
    /// The quiz (`t`).
    case quiz(QuizAction)
    /// A race of optimizers (`R`).
    case race(RaceAction)
    /// The Landscape pane (`S`, `P`, `z`, `Z`, `E`).
    case landscape(LandscapeAction)
    /// Drawing a digit and adding it as a sample (`D`).
    case drawing(DrawingAction)
    /// The input plane's clicks: a sample added where it was clicked.
    case plane(PlaneAction)
    /// The Confusion pane and the predictions of classes (`K`, `X`, the arrows while it is open).
    case classes(ClassAction)
    /// Writing files (`e`, `w`) and how it went.
    case file(FileAction)
    /// The long task the loop works on between frames (`e`'s export): its progress, Esc, its end.
    case task(TaskAction)
    /// What the terminal tells: a new size, the end of the program.
    case terminal(TerminalAction)

    /// Whether the action answers a key, so the message left by the key before goes: everything
    /// but what the loop and the world send on their own (training steps, a resize, an effect's
    /// outcome, which brings its own message).
    var replacesMessage: Bool {
        switch self {
        case .training(let action):
            switch action {
            case .advance: false
            case .step, .run, .pause, .toggleRun, .speedUp, .speedDown, .learningRateUp, .learningRateDown,
                .cycleOptimizer, .cycleBatchSize, .cyclePenalty, .penaltyStrengthUp, .penaltyStrengthDown:
                true
            }
        case .terminal(let action):
            switch action {
            case .resize: false
            case .quit: true
            }
        case .file(let action):
            switch action {
            case .finished: false
            case .exportTrace, .saveScenario: true
            }
        case .task(let action):
            switch action {
            case .progress, .finished: false
            case .cancel: true
            }
        case .history, .entry, .selection, .view, .walk, .quiz, .race, .landscape, .drawing, .classes, .plane: true
        }
    }

    /// Whether an answered quiz question's explanation stays on screen through the action: it
    /// does while only the view changes (size, help, axis, speed, the plane, the sample
    /// followed); anything that changes the run or the selection makes it stale, so it closes,
    /// and so do the panes `c` and `v` open, which turn the class to other numbers.
    var keepsQuizExplanation: Bool {
        switch self {
        case .training(let action):
            switch action {
            case .advance, .speedUp, .speedDown: true
            case .step, .run, .pause, .toggleRun, .learningRateUp, .learningRateDown, .cycleOptimizer,
                .cycleBatchSize, .cyclePenalty, .penaltyStrengthUp, .penaltyStrengthDown:
                false
            }
        case .view(let action):
            switch action {
            case .toggleCostScale, .toggleHelp, .closeHelp, .togglePlane, .toggleMatrixForm: true
            case .toggleGradientCheck, .toggleLearningRatePreview, .toggleGradientFlow: false
            }
        case .selection(let action):
            switch action {
            case .chooseSample, .selectSample: true
            case .move, .cycle, .jumpLayer, .select: false
            }
        case .terminal(let action):
            switch action {
            case .resize: true
            case .quit: false
            }
        case .file(let action):
            switch action {
            case .finished: true
            case .exportTrace, .saveScenario: false
            }
        // A task works on a copy of the run: neither its progress nor its end changes the run.
        case .task: true
        // The landscape changes no number of the run, only how two of them are looked at.
        case .landscape: true
        // Drawing changes no number of the run (adding the drawing is the label's entry).
        case .drawing: true
        // Nor do the class views: they choose what is listed and which sample is followed.
        case .classes: true
        // A point added changes the data, and so the run.
        case .history, .entry, .walk, .quiz, .race, .plane: false
        }
    }
}
