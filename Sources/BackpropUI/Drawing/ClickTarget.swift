import BackpropCore

/// What a click on a cell of the screen names: the thing a pane drew there, which `KeyMap`
/// turns into the action the keyboard would take to reach it.
public enum ClickTarget: Equatable, Hashable, Sendable {
    /// A weight or bias of a layer pane.
    case parameter(ParameterIndex)
    /// A sample (0-based in the data as loaded): a row of the predictions pane.
    case sample(Int)
    /// Neuron j (0-based) of the first hidden layer: its map in the neuron maps pane.
    case neuron(Int)
    /// A cell of the Confusion pane.
    case confusionCell(ConfusionCell)
    /// A point of the input plane: (x1, x2) under the centre of the cell clicked.
    case planePoint(x1: Double, x2: Double)
}
