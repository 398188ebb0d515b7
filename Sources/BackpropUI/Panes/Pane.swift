/// A rectangle of the screen that shows one part of the run: a layer's parameters, the network,
/// the predictions, the inspector, the cost curve.
///
/// A pane holds the numbers it shows (its builder takes them from a `FrameInput`) and draws them
/// from a small `PaneContext` rather than from the whole `AppState`, so each pane can be tested
/// with only what it needs, and a new pane cannot quietly depend on state it does not show. It
/// tells the layout what it needs from its own content, so the layout mirrors nothing of it.
protocol Pane {
    /// The rows and columns the pane wants and can do with, for the layout's `offer`.
    func needs(_ offer: PaneOffer) -> PaneNeeds
    /// Draws the pane, its box included, into `area` of `canvas`.
    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext)
}

extension Pane {
    /// A pane that asks for nothing takes what its place has.
    func needs(_ offer: PaneOffer) -> PaneNeeds { .none }
}
