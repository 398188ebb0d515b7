/// Where a frame put what a mouse click can land on: what the screen showed, carried to
/// `KeyMap` so that a click becomes an action that names what was under it, and `update` never
/// lays out a frame (as `m` carries a `PlaneRoom`).
///
/// Each pane reports its own hits (`Pane.hits(in:context:)`) from the geometry it draws with,
/// and what the wheel does over it (`Pane.wheel`); the drawing's canvas is kept apart, since a
/// click there paints rather than selects.
///
/// The main loop keeps the map of the frame on the screen (`FrameRenderer.screenMap`);
/// `--snapshot --keys` makes the map of the frame each key would have seen (`of(_:)`).
public struct ScreenMap: Equatable, Sendable {
    /// The drawing's canvas, when the frame showed one.
    public var drawingCanvas: CanvasPlacement?
    /// What the panes drew that a click selects, in the order they were drawn.
    var hits: [ScreenHit] = []
    /// The panes that scroll, with what the wheel does over each.
    var wheelAreas: [WheelArea] = []

    /// A map of nothing: before the first frame, or a frame with nothing to click.
    public static let empty = ScreenMap()

    /// A map of `drawingCanvas`.
    public init(drawingCanvas: CanvasPlacement? = nil) {
        self.drawingCanvas = drawingCanvas
    }

    /// The map of the frame `Frame.render` draws for `state` at the size it was last told
    /// about, every number worked out afresh: drawn as `--snapshot` draws it, so the map is that
    /// of the frame the user would have seen.
    public static func of(_ state: AppState) -> ScreenMap {
        // The help covers the panes: a click lands on it, not on what is under it, and no frame
        // need be drawn.
        guard !state.isHelpShown else { return .empty }
        var renderer = FrameRenderer(budget: .work(Frame.finishingWork))
        _ = renderer.render(state)
        return renderer.screenMap
    }

    /// Adds what `pane`, drawn in `area` with `context`, has to click and to scroll.
    mutating func record(_ pane: any Pane, in area: Rect, context: PaneContext) {
        if let drawing = pane as? DrawingPane {
            drawingCanvas = drawing.placement(in: area, number: context.number)
        }
        hits += pane.hits(in: area, context: context)
        if let wheel = pane.wheel { wheelAreas.append(WheelArea(area: area, wheel: wheel)) }
    }

    /// What a click at `column`, `row` (0-based) names, or nil where nothing was drawn to click.
    public func target(column: Int, row: Int) -> ClickTarget? {
        for hit in hits {
            if let target = hit.target(column: column, row: row) { return target }
        }
        return nil
    }

    /// What the wheel does at `column`, `row`: that of the pane under it, if it scrolls.
    func wheel(column: Int, row: Int) -> PaneWheel? {
        wheelAreas.first { $0.area.contains(column: column, row: row) }?.wheel
    }
}
