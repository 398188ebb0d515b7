/// Going back and starting again: the actions that move between runs and states.
public enum HistoryAction: Equatable, Hashable, Sendable {
    /// Go back one step, or undo the last lr change, edit, optimizer change, reset or scenario
    /// switch, exactly (`b`).
    case stepBack
    /// Back to step 0, the scenario's W, b and lr, the chosen optimizer afresh (`x`); `b` undoes it.
    case reset
    /// Switch to the next scenario of the cycle: the one the program was started with (if it is
    /// the user's own), then the built-in presets (`d`); `b` undoes it.
    case nextScenario
}
