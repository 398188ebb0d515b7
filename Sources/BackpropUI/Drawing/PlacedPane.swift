/// A pane and the place the arrangement puts it in.
struct PlacedPane {
    /// Where the pane goes.
    let place: PanePlace
    /// The pane, with the numbers it shows.
    let pane: any Pane
}
