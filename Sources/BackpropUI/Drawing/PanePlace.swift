/// Where on the screen a pane goes: each place has its own stage of `Layout` and its own rule
/// (see `Layout`). A place holds the panes the arrangement lists for it, in that order.
enum PanePlace: Hashable, Sendable {
    /// The column on the right, top to bottom (the input plane, the neuron maps).
    case planeColumn
    /// Side by side under the title, wrapping into more bands (one pane per layer).
    case layerBands
    /// The free columns right of the first band of layer panes (the Model pane).
    case besideLayers
    /// Beside the predictions when both fit across, else a row of its own under them (the
    /// network pane; the Confusion pane while `K` has it open, which the predictions narrow for).
    case besidePredictions
    /// Across the screen under the layer panes (the predictions).
    case predictions
    /// Across the screen under the predictions (the inspector, the walk, the quiz).
    case inspector
    /// The cost curve's place: under the inspector, or beside the layer panes or the
    /// predictions when that leaves it its rows.
    case cost
    /// Beside the cost curve, or in its place when it would get too narrow (`c`, `v`).
    case sharesCost
    /// The Landscape pane (`S`): the head of the plane column from
    /// `Layout.landscapeColumnMinimumWidth` columns on (the column shows for it even without a
    /// plane), else sharing the cost curve's place as `sharesCost` does.
    case landscape
    /// The image panes of data that is pictures (the Sample pane, the Layer 1 neurons): top to
    /// bottom in the plane's column where it is `Layout.imageColumnMinimumWidth` wide, else,
    /// asked for with `m`, side by side in the inspector's place (`ImageRow`).
    case images
}
