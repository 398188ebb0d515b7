/// A rectangle of the screen that shows one part of the run: a layer's parameters, the network,
/// the predictions, the inspector, the cost curve.
///
/// A pane holds the numbers it shows (handed to it by `Frame`) and draws them from a small
/// `PaneContext` rather than from the whole `AppState`, so each pane can be tested with only
/// what it needs, and a new pane cannot quietly depend on state it does not show.
protocol Pane {
    /// Draws the pane, its box included, into `area` of `canvas`.
    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext)
}
