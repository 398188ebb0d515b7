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
    /// Back to step 0, the scenario's W, b and lr, the chosen optimizer afresh (`x`); `stepBack` undoes it.
    case reset
    /// lr one rung up the 1-2-5 ladder (`+`, `=`).
    case learningRateUp
    /// lr one rung down the ladder (`-`).
    case learningRateDown
    /// Start typing an exact lr (`l`).
    case beginLearningRateEntry
    /// A character typed into the open entry (lr or parameter value), at its cursor.
    case typeEntry(Character)
    /// Delete the character before the cursor of the open entry (Backspace).
    case deleteEntryCharacter
    /// Move the cursor of the open entry (Left, Right, Home, End).
    case moveEntryCursor(TextEntry.Motion)
    /// Apply the typed value, or say why it cannot be used (Enter).
    case commitEntry
    /// Leave the entry, nothing changed (Esc).
    case cancelEntry
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
    /// Go back one step, or undo the last lr change, edit, reset or scenario switch, exactly (`b`).
    case stepBack
    /// The next phase of walking through one step (`n`).
    case walk
    /// Stop walking through the step; nothing changes (Esc).
    case endWalk
    /// Move the selection with an arrow key (`.up`, `.down`, `.left`, `.right`).
    case moveSelection(Key)
    /// The next parameter in Tab order (Tab), or the previous one (Shift-Tab).
    case cycleSelection(backwards: Bool)
    /// The same place in the next layer's pane (Page Down), or the previous one's (Page Up).
    case jumpLayer(backwards: Bool)
    /// The next sample (`>`), or the previous one (`<`), for the network pane and the inspector.
    case chooseSample(backwards: Bool)
    /// Start typing a new value for the selected parameter (Enter).
    case beginParameterEntry
    /// Show or hide the finite-difference gradient check (`c`).
    case toggleGradientCheck
    /// Show or hide the learning-rate preview (`v`).
    case toggleLearningRatePreview
    /// Show or hide the input plane (`m`).
    case togglePlane
    /// The next update rule, its state afresh (`o`); `stepBack` undoes it.
    case cycleOptimizer
    /// Start a race of optimizers from the current state, or end the one going on (`R`).
    case toggleRace
    /// Ask the class about the next step, the selected parameter's gradient first; or ask again
    /// after an answer (`t`).
    case askQuestion
    /// Another kind of question, the answer typed so far cleared (Tab, or Shift-Tab backwards,
    /// while a question waits for its answer).
    case cycleQuestion(backwards: Bool)
    /// Close the answered question's explanation (Esc).
    case endQuiz
    /// Switch to the next scenario of the cycle: the one the program was started with (if it is
    /// the user's own), then the built-in presets (`d`); `stepBack` undoes it.
    case nextPreset
    /// Write the states `b` can reach in this run as CSV, with lr, optimizer and event columns (`e`).
    case exportTrace
    /// Save the current state as a scenario JSON file (`w`).
    case saveScenario
    /// Take up to `steps` steps on the fast path: what the main loop does while running.
    case advance(steps: Int)
    /// An effect was performed (a file written or not): the message that says how it went.
    case effectDone(StatusMessage)
}
