/// Where the cost curve goes (see `Layout`).
enum CostPlace {
    /// Under the inspector, in the rows left there.
    case bottom
    /// In the free columns right of the last band of layer panes.
    case besideLayers
    /// In the free columns right of the predictions (and of the network pane beside them).
    case besidePredictions
}
