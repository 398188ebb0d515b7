/// The needs of every place's panes for one offer, asked once per layout: what the stages of
/// `Layout` arrange. A place without a pane asks for nothing.
struct LayoutNeeds {
    /// One per layer pane.
    let layers: [PaneNeeds]
    /// The pane beside the first band of layer panes (the Model pane), if any.
    let besideLayers: PaneNeeds?
    /// The pane beside the predictions (the network pane), if any.
    let besidePredictions: PaneNeeds?
    /// The predictions' needs; none when they give way to the image panes (`Layout`).
    var predictions: PaneNeeds
    /// The inspector's place: the image panes' when they take it (`Layout` caps their rows).
    var inspector: PaneNeeds
    let cost: PaneNeeds
    /// One per pane that shares the cost curve's place: the Landscape pane's last when it is
    /// one of them (`landscapeSharesCost`).
    let sharesCost: [PaneNeeds]
    /// Whether the Landscape pane shares the cost curve's place (a terminal too narrow for its
    /// column).
    let landscapeSharesCost: Bool

    /// The needs of `content`'s panes for `offer`; `landscapeSharesCost` when the Landscape pane
    /// goes in the cost curve's place, which then asks for the landscape's fewest rows;
    /// `imagesBelow` when the image panes take the inspector's place, which then asks for theirs.
    init(_ content: LayoutContent, offer: PaneOffer, landscapeSharesCost: Bool = false, imagesBelow: ImageRow? = nil) {
        func all(_ place: PanePlace) -> [PaneNeeds] { content.panes(in: place).map { $0.needs(offer) } }
        layers = all(.layerBands)
        besideLayers = all(.besideLayers).first
        besidePredictions = all(.besidePredictions).first
        var predictions = all(.predictions).first ?? .none
        // A pane beside the predictions that needs rows of its own to be read (the Confusion
        // pane's ten rows of classes; the network pane asks for none) has them in the
        // predictions' band, so the band asks for them.
        if let beside = besidePredictions, beside.minimumHeight > predictions.minimumHeight {
            predictions.minimumHeight = beside.minimumHeight
            predictions.wantedHeight = max(predictions.wantedHeight, beside.minimumHeight)
        }
        self.predictions = predictions
        inspector = imagesBelow?.needs(offer) ?? all(.inspector).first ?? .none
        let landscape = landscapeSharesCost ? all(.landscape) : []
        self.landscapeSharesCost = !landscape.isEmpty
        var cost = all(.cost).first ?? .none
        // The place is found rows for the landscape, as for the curve: a landscape of 4 rows
        // shows no valley.
        for needs in landscape {
            cost.minimumHeight = max(cost.minimumHeight, needs.minimumHeight)
            cost.wantedHeight = max(cost.wantedHeight, needs.minimumHeight)
        }
        // And for the gradient flow: a curve a layer, apart, needs more rows than the cost's one.
        if content.panes(in: .sharesCost).contains(where: { $0 is GradientFlowPane }) {
            cost.wantedHeight = max(cost.wantedHeight, GradientFlowPane.roomyHeight)
        }
        self.cost = cost
        sharesCost = all(.sharesCost) + landscape
    }
}
