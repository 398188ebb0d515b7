/// Which action a key asks for, given what the screen is doing (typing an lr takes every
/// character; otherwise issue 3's keys). Keys not listed map to `nil` and do nothing, which
/// keeps arrows, Tab, Enter, b, n, c, v, d, e and w free for the features that come next.
public enum KeyMap {
    /// The action for `key` in `state`, or `nil` when the key does nothing there.
    public static func action(for key: Key, in state: AppState) -> Action? {
        if state.learningRateEntry != nil {
            switch key {
            case .enter: return .commitLearningRate
            case .escape: return .cancelLearningRateEntry
            case .backspace: return .deleteLearningRateCharacter
            case .character(let character): return .typeLearningRate(character)
            default: return nil
            }
        }
        switch key {
        case .escape: return state.isHelpShown ? .closeHelp : nil
        case .character(let character): return bindings[character]
        default: return nil
        }
    }

    /// Every bound character, for the help overlay and the tests.
    public static let bindings: [Character: Action] = [
        "s": .step, "r": .run, "p": .pause, " ": .toggleRun, "x": .reset,
        "+": .learningRateUp, "=": .learningRateUp, "-": .learningRateDown,
        "l": .beginLearningRateEntry, "]": .speedUp, "[": .speedDown,
        "g": .toggleCostScale, "?": .toggleHelp, "q": .quit,
    ]
}
