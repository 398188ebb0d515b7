import BackpropCore

/// What the inspector explains: the selected weight or bias, and the sample followed.
public enum SelectionAction: Equatable, Hashable, Sendable {
    /// Move the selection with an arrow key (`.up`, `.down`, `.left`, `.right`).
    case move(Key)
    /// The next parameter in Tab order (Tab), or the previous one (Shift-Tab).
    case cycle(backwards: Bool)
    /// The same place in the next layer's pane (Page Down), or the previous one's (Page Up).
    case jumpLayer(backwards: Bool)
    /// The next sample (`>`), or the previous one (`<`), for the network pane and the inspector.
    case chooseSample(backwards: Bool)
    /// The weight or bias clicked in a layer pane, or of the neuron whose map was clicked.
    case select(ParameterIndex)
    /// The sample (0-based in the data) whose row of the predictions pane was clicked.
    case selectSample(Int)
}
