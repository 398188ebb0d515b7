/// The cost place stage of `Layout`: where the cost curve goes, and with it whether the
/// network pane goes beside the predictions and how many rows the predictions' band wants.
///
/// The cost curve stays under the inspector when the rows left under the layer panes give it
/// its wanted rows; else it moves beside the last band of layer panes, or else beside the
/// predictions, wherever it gets its minimum columns; when neither has them it stays under the
/// inspector with what is left.
struct CostPlacement {
    /// Where the cost curve goes.
    let place: CostPlace
    /// The network pane's size (its wanted rows, at most the screen's columns); zero without one.
    let networkSize: Size
    /// Whether the network pane goes beside the predictions (both fit across).
    let networkBeside: Bool
    /// The predictions' wanted columns.
    let predictionsWidth: Int
    /// The rows the predictions' band (with a network pane beside them) asks for.
    let predictionsBand: Int

    /// The placement for panes with `needs` in `rest` rows under the layer panes, `width`
    /// columns across, with `lastBandFree` columns free right of the last band of layer panes.
    init(_ needs: LayoutNeeds, width: Int, rest: Int, lastBandFree: Int) {
        predictionsWidth = needs.predictions.wantedWidth
        if let network = needs.besidePredictions {
            networkSize = Size(width: min(network.wantedWidth, width), height: network.wantedHeight)
            networkBeside = predictionsWidth + networkSize.width <= width
        } else {
            networkSize = Size(width: 0, height: 0)
            networkBeside = false
        }
        let besidePredictionsFree = width - predictionsWidth - (networkBeside ? networkSize.width : 0)
        var band = max(needs.predictions.wantedHeight, networkBeside ? networkSize.height : 0)
        // Large data: the predictions leave half the rows to the inspector and the cost curve.
        if band + needs.inspector.wantedHeight > rest {
            band = min(band, max(needs.predictions.minimumHeight, rest / 2))
        }
        predictionsBand = band
        let cost = needs.cost
        if rest - band - needs.inspector.wantedHeight >= cost.wantedHeight {
            place = .bottom
        } else if lastBandFree >= cost.minimumWidth {
            place = .besideLayers
        } else if besidePredictionsFree >= cost.minimumWidth {
            place = .besidePredictions
        } else {
            place = .bottom
        }
    }
}
