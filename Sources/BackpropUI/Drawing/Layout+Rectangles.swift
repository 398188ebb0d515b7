extension Layout {
    /// The rectangles stage, top to bottom: the bands of layer panes (and what goes in the
    /// columns free beside them), the predictions' band, the network pane's own row, the
    /// inspector, the cost curve under it; the network pane in the curve's place when it has no
    /// room and is wanted `onDemand`; then the extras stage splits the cost curve's place.
    static func rectangles(
        width: Int, needs: LayoutNeeds, bands: LayerBands, placement: CostPlacement, rows: RowHeights,
        onDemand: Bool = false
    ) -> [PanePlace: [Rect]] {
        var (places, y) = bandRectangles(width: width, needs: needs, bands: bands, placement: placement)
        var cost = places[.cost]?.first ?? .empty
        var network = Rect.empty
        var predictions = Rect(x: 0, y: y, width: width, height: rows.predictions)
        if placement.networkBeside {
            let predictionsPart =
                placement.place == .besidePredictions ? placement.predictionsWidth : width - placement.networkSize.width
            predictions.width = predictionsPart
            network = Rect(x: predictionsPart, y: y, width: placement.networkSize.width, height: rows.predictions)
        }
        if placement.place == .besidePredictions {
            if !placement.networkBeside { predictions.width = placement.predictionsWidth }
            let x = placement.networkBeside ? network.maxX : predictions.maxX
            cost = Rect(x: x, y: y, width: width - x, height: rows.predictions)
        }
        y += rows.predictions
        if rows.networkOwnRow {
            network = Rect(x: 0, y: y, width: width, height: placement.networkSize.height)
            y += placement.networkSize.height
        }
        let inspector = Rect(x: 0, y: y, width: width, height: rows.inspector)
        y += rows.inspector
        if placement.place == .bottom {
            cost = Rect(x: 0, y: y, width: width, height: rows.bottom)
            if cost.height < needs.cost.minimumHeight { cost = .empty }
        }
        if onDemand, needs.besidePredictions != nil, needs.sharesCost.isEmpty, network.isEmpty,
            cost.height >= NetworkPane.minimumHeight
        {
            // The quiz or the walk asks about the network's h and δ: with no room of its own the
            // network pane takes the curve's place while they are open, unless the gradient
            // check or the lr preview, opened on purpose, holds that place.
            (network, cost) = (cost, .empty)
        }
        let shared = share(cost, with: needs.sharesCost.map(\.wantedWidth), costWidth: needs.cost.minimumWidth)
        places[.besidePredictions] = [network]
        places[.predictions] = [predictions]
        places[.inspector] = [inspector]
        places[.cost] = [shared.cost]
        places[.sharesCost] = needs.landscapeSharesCost ? shared.extras.dropLast() : shared.extras
        if needs.landscapeSharesCost, let landscape = needs.sharesCost.last {
            var area = shared.extras.last ?? .empty
            if area.height < landscape.minimumHeight, needs.sharesCost.count > 1 {
                // Split with c, v or F into rows too few for a surface: the landscape takes the
                // place alone and they give way (they come back when S closes it).
                let alone = share(cost, with: [landscape.wantedWidth], costWidth: needs.cost.minimumWidth)
                if let only = alone.extras.first, only.height >= landscape.minimumHeight {
                    area = only
                    places[.cost] = [alone.cost]
                    places[.sharesCost] = Array(repeating: .empty, count: needs.sharesCost.count - 1)
                }
            }
            places[.landscape] = [area]
            // Opened on purpose on a terminal whose rows all go to the inspector (80x24 with
            // many samples): the landscape takes the inspector's place, as the network pane
            // takes the curve's; S again gives it back. Never over the quiz or the walk.
            if area.height < landscape.minimumHeight, !onDemand, inspector.height >= landscape.minimumHeight {
                places[.landscape] = [inspector]
                places[.inspector] = [.empty]
            } else if area.height < landscape.minimumHeight {
                // No place has the rows: nothing rather than a box with no surface in it.
                places[.landscape] = [.empty]
            }
        }
        return places
    }

    /// The layer panes band by band, and the columns free right of each band: the cost curve's
    /// in its band when it goes there, the pane beside the layers' in the first band when
    /// they are at least its minimum, else the last layer pane's of the band (nobody else can
    /// use them). Returns the places filled and the first row under the bands.
    private static func bandRectangles(
        width: Int, needs: LayoutNeeds, bands: LayerBands, placement: CostPlacement
    ) -> (places: [PanePlace: [Rect]], y: Int) {
        var y = 1
        var layers = Array(repeating: Rect.empty, count: needs.layers.count)
        var cost = Rect.empty
        var beside = Rect.empty
        for (index, band) in bands.bands.enumerated() {
            var x = 0
            for layer in band {
                layers[layer] = Rect(x: x, y: y, width: bands.widths[layer], height: bands.heights[index])
                x += bands.widths[layer]
            }
            let free = Rect(x: x, y: y, width: width - x, height: bands.heights[index])
            if index == placement.band && placement.place == .besideLayers {
                cost = free
            } else if index == 0, let model = needs.besideLayers, free.width >= model.minimumWidth {
                beside = free
            } else if let last = band.last, free.width > 0 {
                layers[last].width += free.width
            }
            y += bands.heights[index]
        }
        return ([.layerBands: layers, .besideLayers: [beside], .cost: [cost]], y)
    }
}
