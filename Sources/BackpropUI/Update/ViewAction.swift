/// Which panes show, and how: nothing here changes the run.
public enum ViewAction: Equatable, Hashable, Sendable {
    /// Cost axis linear / log (`g`).
    case toggleCostScale
    /// Show or hide the key help (`?`).
    case toggleHelp
    /// Hide the key help (Esc).
    case closeHelp
    /// Show or hide the finite-difference gradient check (`c`).
    case toggleGradientCheck
    /// Show or hide the learning-rate preview (`v`).
    case toggleLearningRatePreview
    /// Show or hide the gradient's size per layer and the neurons that stopped learning (`F`).
    case toggleGradientFlow
    /// The walk and the inspector's layer lines in matrix form with shapes, or number by number (`M`).
    case toggleMatrixForm
    /// Hide the input plane if it shows, else ask for it (`m`), given what the screen showed
    /// when the key was pressed.
    case togglePlane(PlaneRoom)
}
