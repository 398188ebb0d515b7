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
    /// What a click can land on in the pane drawn in `area`, worked out from the same geometry
    /// as `draw`, so that a click selects what the user saw under it.
    func hits(in area: Rect, context: PaneContext) -> [ScreenHit]
    /// What the wheel does over the pane; nil for a pane that does not scroll.
    var wheel: PaneWheel? { get }
}

extension Pane {
    /// A pane that asks for nothing takes what its place has.
    func needs(_ offer: PaneOffer) -> PaneNeeds { .none }

    /// Most panes have nothing to click.
    func hits(in area: Rect, context: PaneContext) -> [ScreenHit] { [] }

    /// Most panes do not scroll.
    var wheel: PaneWheel? { nil }
}
