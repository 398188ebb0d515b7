/// What the layout tells a pane when it asks for its needs: its needs may depend on how numbers
/// are printed, how many columns are across, and the glyphs (ASCII names are longer).
struct PaneOffer: Sendable {
    /// The frame's number format.
    let number: NumberFormat
    /// The columns of the place the pane is offered.
    let width: Int
    /// Unicode or ASCII characters.
    let glyphs: Glyphs
}
