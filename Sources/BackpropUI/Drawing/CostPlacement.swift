/// The cost place stage of `Layout`: where the cost curve goes, and with it whether the
/// network pane goes beside the predictions and how many rows the predictions' band wants.
///
/// The cost curve stays under the inspector when the rows left under the layer panes give it
/// its wanted rows; else it moves beside a band of layer panes (the last one, else the tallest
/// with room: the Model pane gives way to it there), or else beside the predictions, wherever
/// it gets its minimum columns; when none has them it stays under the inspector, and
/// `RowHeights` has the panes above give it rows.
struct CostPlacement {
    /// Where the cost curve goes.
    let place: CostPlace
    /// The band of layer panes the cost curve goes beside, when `place` is `.besideLayers`.
    let band: Int
    /// The network pane's size (its wanted rows, at most the screen's columns); zero without one.
    let networkSize: Size
    /// Whether the network pane goes beside the predictions (both fit across).
    let networkBeside: Bool
    /// The predictions' wanted columns.
    let predictionsWidth: Int
    /// The rows the predictions' band (with a network pane beside them) asks for.
    let predictionsBand: Int

    /// The placement for panes with `needs` in `rest` rows under the layer panes, `width`
    /// columns across, beside `bands` of layer panes.
    init(_ needs: LayoutNeeds, width: Int, rest: Int, bands: LayerBands) {
        var predictionsWidth = needs.predictions.wantedWidth
        if let network = needs.besidePredictions {
            var size = Size(width: min(network.wantedWidth, width), height: network.wantedHeight)
            var beside = predictionsWidth + size.width <= width
            // A pane beside the predictions that states the fewest columns it can be read in
            // (the Confusion pane: its matrix; the network pane states none) was opened to be
            // read: the predictions narrow to their fewest (no x columns, or the class form
            // without its cost column) to leave it whole, else it narrows to what they leave,
            // down to its fewest, before it is left out.
            if !beside, network.minimumWidth > 0 {
                let least = needs.predictions.minimumWidth > 0 ? needs.predictions.minimumWidth : predictionsWidth
                if least + size.width <= width {
                    predictionsWidth = width - size.width
                    beside = true
                } else if predictionsWidth + network.minimumWidth <= width {
                    size.width = width - predictionsWidth
                    beside = true
                } else if least + network.minimumWidth <= width {
                    size.width = min(size.width, width - least)
                    predictionsWidth = width - size.width
                    beside = true
                } else if network.minimumWidth < width {
                    // The predictions take what is left: narrower than their outputs, one-hot
                    // classes are drawn a class a row, other outputs scroll.
                    size.width = network.minimumWidth
                    predictionsWidth = width - size.width
                    beside = true
                }
            }
            networkSize = size
            networkBeside = beside
        } else {
            networkSize = Size(width: 0, height: 0)
            networkBeside = false
        }
        self.predictionsWidth = predictionsWidth
        let besidePredictionsFree = width - predictionsWidth - (networkBeside ? networkSize.width : 0)
        var band = max(needs.predictions.wantedHeight, networkBeside ? networkSize.height : 0)
        // Large data: the predictions leave half the rows to the inspector and the cost curve.
        if band + needs.inspector.wantedHeight > rest {
            band = min(band, max(needs.predictions.minimumHeight, rest / 2))
        }
        predictionsBand = band
        let cost = needs.cost
        // Beside the last band as always when it has the columns; else beside the tallest band
        // that has them, which gives the curve the most rows.
        let roomy = bands.bandWidths.indices.filter { width - bands.bandWidths[$0] >= cost.minimumWidth }
        let beside =
            roomy.last == bands.bands.count - 1 ? roomy.last : roomy.max { bands.heights[$0] < bands.heights[$1] }
        self.band = beside ?? 0
        if rest - band - needs.inspector.wantedHeight >= cost.wantedHeight {
            place = .bottom
        } else if beside != nil {
            place = .besideLayers
        } else if besidePredictionsFree >= cost.minimumWidth {
            place = .besidePredictions
        } else {
            place = .bottom
        }
    }
}
