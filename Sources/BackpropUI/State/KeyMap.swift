/// Which action a key asks for, given what the screen is doing: typing an lr or a parameter
/// value takes every character; otherwise the keys of issues 3 and 4. Keys not listed map to
/// `nil` and do nothing.
public enum KeyMap {
    /// The action for `key` in `state`, or `nil` when the key does nothing there.
    public static func action(for key: Key, in state: AppState) -> Action? {
        if state.entry != nil {
            switch key {
            case .enter: return .commitEntry
            case .escape: return .cancelEntry
            case .backspace: return .deleteEntryCharacter
            case .character(let character): return .typeEntry(character)
            default: return nil
            }
        }
        switch key {
        case .escape:
            if state.isHelpShown { return .closeHelp }
            return state.walkPhase != nil ? .endWalk : nil
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

    /// Every bound character, for the help overlay and the tests.
    public static let bindings: [Character: Action] = [
        "s": .step, "r": .run, "p": .pause, " ": .toggleRun, "x": .reset,
        "+": .learningRateUp, "=": .learningRateUp, "-": .learningRateDown,
        "l": .beginLearningRateEntry, "]": .speedUp, "[": .speedDown,
        "g": .toggleCostScale, "?": .toggleHelp, "q": .quit,
        "b": .stepBack, "n": .walk, "c": .toggleGradientCheck, "v": .toggleLearningRatePreview,
        "d": .nextPreset, "e": .exportTrace, "w": .saveScenario,
        "<": .chooseSample(backwards: true), ">": .chooseSample(backwards: false),
    ]
}
