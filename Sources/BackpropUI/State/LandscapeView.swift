import BackpropCore

/// How the Landscape pane is looked at: whether it shows, the parameter on its y axis and how
/// far it is zoomed. The x axis is always the selection, so the pair follows the inspector.
public struct LandscapeView: Equatable, Sendable {
    /// Whether the pane shows (`S`).
    public var isShown = false
    /// The parameter on the y axis (`P`): never the selection (see `AppState.keepLandscapePair`).
    public var partner: ParameterIndex
    /// Rungs of the 1-2-5 ladder out (positive) or in (negative) from the window that fits the
    /// path (`Z`, `z`); back to 0 whenever the pair changes, as the new pair's path is another.
    public var zoom = 0

    /// A hidden pane whose y axis is the parameter after `selection` in Tab order.
    init(selection: ParameterIndex, in network: Network) {
        partner = selection.cycled(backwards: false, in: network)
    }
}
