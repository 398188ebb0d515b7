/// What the layout arranges: the frame's panes, each in its place (they report their own
/// needs), and the choices of the user that are no pane's content: the layer kept in view and
/// whether the input plane is wanted. Terminal size and this in, rectangles out.
struct LayoutContent {
    /// The panes in the order the arrangement lists them, which is the order they are drawn in.
    var panes: [PlacedPane]
    /// The layer (0-based) of the selected parameter: the one kept in view when not all fit.
    var selectedLayer = 0
    /// Whether the input plane is wanted (data with two inputs, `m`).
    var plane = PlaneRequest.unavailable
    /// Whether the image panes are wanted (data that is pictures, `m`).
    var images = PlaneRequest.unavailable
    /// Whether the network pane is wanted now (the quiz or the walk is open, and they ask about
    /// or point at its h and δ): when it has no room of its own, it takes the cost curve's.
    var networkOnDemand = false
    /// Unicode or ASCII characters: names, and so some panes' widths, depend on them.
    var glyphs = Glyphs.unicode

    /// The panes of `place`, in the arrangement's order.
    func panes(in place: PanePlace) -> [any Pane] {
        panes.filter { $0.place == place }.map(\.pane)
    }
}
