/// Where a frame put what a mouse click can land on: what the screen showed, carried to
/// `KeyMap` so that a click becomes an action that names what was under it, and `update` never
/// lays out a frame (as `m` carries a `PlaneRoom`).
///
/// The main loop keeps the map of the frame on the screen (`FrameRenderer.screenMap`);
/// `--snapshot --keys` makes the map of the frame each key would have seen (`of(_:)`).
public struct ScreenMap: Equatable, Sendable {
    /// The drawing's canvas, when the frame showed one.
    public var drawingCanvas: CanvasPlacement?

    /// A map of nothing: before the first frame, or a frame with nothing to click.
    public static let empty = ScreenMap()

    /// A map of `drawingCanvas`.
    public init(drawingCanvas: CanvasPlacement? = nil) {
        self.drawingCanvas = drawingCanvas
    }

    /// The map of the frame `Frame.render` draws for `state` at the size it was last told
    /// about, every number worked out afresh (the layout needs the panes' numbers).
    public static func of(_ state: AppState) -> ScreenMap {
        // The help covers the panes: a click lands on it, not on what is under it. Without a
        // drawing nothing can be clicked yet, and no frame need be laid out.
        guard state.drawing != nil, !state.isHelpShown else { return .empty }
        let data = FrameData(for: state)
        let (panes, layout) = Frame.layout(state, size: state.size, data: data)
        return ScreenMap(panes: panes, layout: layout, helpShown: false)
    }

    /// The map of a frame laid out as `layout` with `panes`; empty when the help covers them.
    init(panes: [PlacedPane], layout: Layout, helpShown: Bool) {
        guard case .panes(let places) = layout, !helpShown else {
            self.init()
            return
        }
        var map = ScreenMap()
        for (placed, area) in zip(panes, places.areas(of: panes)) {
            if let drawing = placed.pane as? DrawingPane, !area.isEmpty {
                map.drawingCanvas = drawing.placement(in: area, number: places.number)
            }
        }
        self = map
    }
}
