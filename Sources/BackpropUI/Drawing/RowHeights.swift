/// The rows-under-the-layers stage of `Layout`: the rows of the predictions' band, the network
/// pane's own row, the inspector and the cost curve under it, and the rows left over, which go
/// to the cost curve wherever it is (so to the last band of layer panes when the curve is
/// beside it).
struct RowHeights {
    /// Rows of the predictions' band (and of the network and cost panes beside them).
    private(set) var predictions: Int
    /// Whether the network pane, not beside the predictions, gets a row of its own under them.
    let networkOwnRow: Bool
    /// Rows of the inspector's place.
    private(set) var inspector: Int
    /// Rows of the cost curve under the inspector; 0 when it is elsewhere or gets none.
    private(set) var bottom = 0

    /// The rows for panes with `needs` placed by `placement` in `rest` rows; rows left over or
    /// given back to the cost curve change the heights of `bands`.
    init(_ needs: LayoutNeeds, _ placement: CostPlacement, rest: Int, bands: inout LayerBands) {
        let (predictions, inspector, cost) = (needs.predictions, needs.inspector, needs.cost)
        let band = placement.predictionsBand
        // A network pane that is not beside the predictions gets a row of its own when the
        // inspector keeps one sample's lines and the cost curve what it wants: it comes before
        // the inspector's other samples.
        let costNeeds = placement.place == .bottom ? cost.wantedHeight : 0
        networkOwnRow =
            needs.besidePredictions != nil && !placement.networkBeside
            && rest - min(band, predictions.wantedHeight) - inspector.minimumHeight - costNeeds
                >= placement.networkSize.height
        let room = rest - (networkOwnRow ? placement.networkSize.height : 0)
        switch placement.place {
        case .bottom:
            self.predictions = min(
                band, max(predictions.minimumHeight, room - inspector.minimumHeight - cost.minimumHeight))
            var rows = min(
                inspector.wantedHeight, max(inspector.minimumHeight, room - self.predictions - cost.wantedHeight))
            rows = min(rows, max(inspector.minimumHeight, room - self.predictions - cost.minimumHeight))
            self.inspector = max(0, min(rows, room - self.predictions))
        case .besideLayers:
            self.predictions = min(band, max(predictions.minimumHeight, room - inspector.minimumHeight))
            self.inspector = max(0, min(inspector.wantedHeight, room - self.predictions))
        case .besidePredictions:
            self.predictions = min(max(band, cost.wantedHeight), room - inspector.minimumHeight)
            self.inspector = max(0, min(inspector.wantedHeight, room - self.predictions))
        }
        let spare = room - self.predictions - self.inspector
        switch placement.place {
        case .bottom: bottom = spare
        case .besideLayers: bands.heights[placement.band] += spare
        case .besidePredictions: self.predictions += spare
        }
        if placement.place == .bottom && bottom < cost.wantedHeight {
            giveBack(
                from: &bands, predictions: needs.predictions, until: cost.wantedHeight, minimum: cost.minimumHeight,
                inspectorGives: needs.landscapeSharesCost, hasInspector: needs.inspector.wantedHeight > 0)
        }
    }

    /// Too few rows left for a readable curve: tall layer panes scroll, tallest first, and then
    /// the predictions show fewer samples (each keeping its minimum) so that it has its `wanted`
    /// rows, which a class can read a trend in; failing `minimum`, the inspector takes the rows.
    /// The inspector keeps its rows: it is what a lesson points at; but with `inspectorGives`
    /// (the Landscape pane, opened on purpose, shares the place) it gives rows down to
    /// `RowHeights.inspectorLeastRows` rather than leave the landscape none.
    private mutating func giveBack(
        from bands: inout LayerBands, predictions needs: PaneNeeds, until wanted: Int, minimum: Int,
        inspectorGives: Bool = false, hasInspector: Bool = true
    ) {
        let bandsBefore = bands.heights
        for band in bands.heights.indices.sorted(by: { bands.heights[$0] > bands.heights[$1] }) {
            let give = min(wanted - bottom, bands.heights[band] - bands.minimumHeight)
            if give > 0 {
                bands.heights[band] -= give
                bottom += give
            }
        }
        let give = min(wanted - bottom, predictions - needs.minimumHeight)
        if give > 0 {
            predictions -= give
            bottom += give
        }
        if inspectorGives, bottom < minimum {
            let give = min(minimum - bottom, inspector - RowHeights.inspectorLeastRows)
            if give > 0 {
                inspector -= give
                bottom += give
            }
        }
        if bottom < minimum, !hasInspector {
            // Nothing in the inspector's place (the Confusion pane stands in its stead): the
            // rows go back to the layer panes, rather than to a blank.
            let fromBands = zip(bandsBefore, bands.heights).reduce(0) { $0 + $1.0 - $1.1 }
            bands.heights = bandsBefore
            predictions += bottom - fromBands
            bottom = 0
        }
        if bottom < minimum {
            inspector += bottom
            bottom = 0
        }
    }

    /// The fewest rows the inspector gives the Landscape pane down to: its box and the lines
    /// of one sample's chain rule (two lines).
    static let inspectorLeastRows = 4
}
