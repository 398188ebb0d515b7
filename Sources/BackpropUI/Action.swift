/// Everything that can happen to the state: the messages of the Elm / Bubble Tea shape.
/// Keys become actions through `KeyMap`; the main loop adds `advance` and `resize`.
public enum Action: Equatable, Hashable, Sendable {
    /// One step (`s`).
    case step
    /// Start running (`r`).
    case run
    /// Stop running (`p`).
    case pause
    /// Run or pause (Space).
    case toggleRun
    /// Back to step 0, the scenario's W, b and lr (`x`).
    case reset
    /// lr one rung up the 1-2-5 ladder (`+`, `=`).
    case learningRateUp
    /// lr one rung down the ladder (`-`).
    case learningRateDown
    /// Start typing an exact lr (`l`).
    case beginLearningRateEntry
    /// A character typed into the lr entry.
    case typeLearningRate(Character)
    /// Delete the last typed character (Backspace).
    case deleteLearningRateCharacter
    /// Apply the typed lr, or say why it cannot be used (Enter).
    case commitLearningRate
    /// Leave the lr entry, lr unchanged (Esc).
    case cancelLearningRateEntry
    /// Run speed one rung up (`]`).
    case speedUp
    /// Run speed one rung down (`[`).
    case speedDown
    /// Cost axis linear / log (`g`).
    case toggleCostScale
    /// Show or hide the key help (`?`).
    case toggleHelp
    /// Hide the key help (Esc).
    case closeHelp
    /// End the program (`q`, Ctrl-C, SIGTERM).
    case quit
    /// The terminal has a new size.
    case resize(Size)
    /// Take up to `steps` steps on the fast path: what the main loop does while running.
    case advance(steps: Int)
}
