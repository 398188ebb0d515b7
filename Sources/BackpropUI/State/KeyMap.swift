/// Which action a key asks for, given what the screen is doing: on a terminal too small for the
/// panes, only q and Esc; typing an lr, a parameter value or a quiz answer takes every character
/// and the editing keys (and, for an answer, Tab for another question); otherwise the keys of
/// the issues. Keys not listed map to `nil` and do nothing.
public enum KeyMap {
    /// The action for `key` in `state`, or `nil` when the key does nothing there.
    public static func action(for key: Key, in state: AppState) -> Action? {
        if !Layout.fits(state.size) { return tooSmallAction(for: key, in: state) }
        if state.entry != nil {
            switch key {
            case .enter: return .commitEntry
            case .escape: return .cancelEntry
            case .backspace: return .deleteEntryCharacter
            case .left: return .moveEntryCursor(.left)
            case .right: return .moveEntryCursor(.right)
            case .home: return .moveEntryCursor(.home)
            case .end: return .moveEntryCursor(.end)
            case .tab where state.entry?.purpose == .quizAnswer: return .cycleQuestion(backwards: false)
            case .backTab where state.entry?.purpose == .quizAnswer: return .cycleQuestion(backwards: true)
            case .character(let character): return .typeEntry(character)
            default: return nil
            }
        }
        switch key {
        case .escape:
            if state.isHelpShown { return .closeHelp }
            if state.walkPhase != nil { return .endWalk }
            return state.quiz != nil ? .endQuiz : nil
        case .character(let character): return bindings[character]
        case .up, .down, .left, .right: return .moveSelection(key)
        case .tab: return .cycleSelection(backwards: false)
        case .backTab: return .cycleSelection(backwards: true)
        case .pageUp: return .jumpLayer(backwards: true)
        case .pageDown: return .jumpLayer(backwards: false)
        case .enter: return .beginParameterEntry
        default: return nil
        }
    }

    /// The keys of a terminal too small for the panes, where the screen shows only the sizes and
    /// "q quits". That line must be true in every mode, so `q` quits even with an entry open
    /// (where it would otherwise be typed). Esc cancels an entry, which the screen cannot show,
    /// so that no forgotten entry swallows keys when the terminal grows again. Every other key
    /// does nothing: its effect could not be seen (a step, a typed digit, an edit), and a key
    /// that changes the run unseen is worse than one that waits for a larger terminal. Help, a
    /// walk and a run carry on as they were and show again at a size that fits.
    private static func tooSmallAction(for key: Key, in state: AppState) -> Action? {
        switch key {
        case .character("q"): return .quit
        case .escape: return state.entry != nil ? .cancelEntry : nil
        default: return nil
        }
    }

    /// Every bound character, for the help overlay and the tests.
    public static let bindings: [Character: Action] = [
        "s": .step, "r": .run, "p": .pause, " ": .toggleRun, "x": .reset,
        "+": .learningRateUp, "=": .learningRateUp, "-": .learningRateDown,
        "l": .beginLearningRateEntry, "]": .speedUp, "[": .speedDown,
        "g": .toggleCostScale, "?": .toggleHelp, "q": .quit,
        "b": .stepBack, "n": .walk, "c": .toggleGradientCheck, "v": .toggleLearningRatePreview,
        "m": .togglePlane, "o": .cycleOptimizer, "R": .toggleRace, "t": .askQuestion,
        "d": .nextPreset, "e": .exportTrace, "w": .saveScenario,
        "<": .chooseSample(backwards: true), ">": .chooseSample(backwards: false),
    ]
}
