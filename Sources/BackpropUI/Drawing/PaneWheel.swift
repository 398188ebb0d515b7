/// What the wheel does over a pane that scrolls. Panes scroll to keep the selection in view
/// (`ScrollWindow` is stateless), so a notch moves the selection one step the way the keyboard
/// does, and the pane follows it: the same frame for the same state, whichever way it was reached.
enum PaneWheel: Equatable, Sendable {
    /// A layer pane: the selection up or down a row of its pane (the arrows); over another
    /// layer's pane, its first weight is selected first.
    case parameters(layer: Int)
    /// The predictions and the network pane: the previous or next sample (`<` `>`).
    case samples
    /// The Confusion pane: its cell cursor up or down a row (the arrows while it is open).
    case confusionCells
    /// The neuron maps: a parameter of the previous or next neuron of layer 1, the maps
    /// following it when not all fit.
    case neurons
    /// The gradient check, listed in Tab order: the previous or next parameter (Shift-Tab, Tab).
    case parameterOrder
}
