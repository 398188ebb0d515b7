/// The needs of every place's panes for one offer, asked once per layout: what the stages of
/// `Layout` arrange. A place without a pane asks for nothing.
struct LayoutNeeds {
    /// One per layer pane.
    let layers: [PaneNeeds]
    /// The pane beside the first band of layer panes (the Model pane), if any.
    let besideLayers: PaneNeeds?
    /// The pane beside the predictions (the network pane), if any.
    let besidePredictions: PaneNeeds?
    let predictions: PaneNeeds
    let inspector: PaneNeeds
    let cost: PaneNeeds
    /// One per pane that shares the cost curve's place.
    let sharesCost: [PaneNeeds]

    /// The needs of `content`'s panes for `offer`.
    init(_ content: LayoutContent, offer: PaneOffer) {
        func all(_ place: PanePlace) -> [PaneNeeds] { content.panes(in: place).map { $0.needs(offer) } }
        layers = all(.layerBands)
        besideLayers = all(.besideLayers).first
        besidePredictions = all(.besidePredictions).first
        predictions = all(.predictions).first ?? .none
        inspector = all(.inspector).first ?? .none
        cost = all(.cost).first ?? .none
        sharesCost = all(.sharesCost)
    }
}
