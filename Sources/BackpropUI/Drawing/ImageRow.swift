/// The image panes side by side across the screen, in the inspector's place: where they go
/// below `Layout.imageColumnMinimumWidth` columns when asked for with `m`. The first (the Sample
/// pane) gets the fewest columns it can do with, the others the rest, narrowed to what they use
/// (a whole number of neuron pictures) and the columns they leave given back to the first.
struct ImageRow {
    /// The image panes, in the arrangement's order.
    let panes: [any Pane]

    /// The columns of each pane in a row `width` columns wide.
    func widths(_ width: Int, offer: PaneOffer) -> [Int] {
        guard let first = panes.first else { return [] }
        let others = panes.dropFirst()
        guard !others.isEmpty else { return [width] }
        var rest = max(0, width - first.needs(offer).minimumWidth)
        var widths: [Int] = []
        for (index, pane) in others.enumerated() {
            let share = index == others.count - 1 ? rest : rest / (others.count - index)
            let used = min(
                share, pane.needs(PaneOffer(number: offer.number, width: share, glyphs: offer.glyphs)).wantedWidth)
            widths.append(used)
            rest -= used
        }
        return [width - widths.reduce(0, +)] + widths
    }

    /// The rows the row asks for with `offer.width` columns: the most any pane wants and the
    /// most any pane needs at least, at its own width.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        var needs = PaneNeeds()
        for (pane, width) in zip(panes, widths(offer.width, offer: offer)) {
            let own = pane.needs(PaneOffer(number: offer.number, width: width, glyphs: offer.glyphs))
            needs.minimumHeight = max(needs.minimumHeight, own.minimumHeight)
            needs.wantedHeight = max(needs.wantedHeight, own.wantedHeight)
        }
        needs.minimumWidth = offer.width
        needs.wantedWidth = offer.width
        return needs
    }

    /// Each pane's rectangle in `row`, left to right.
    func split(_ row: Rect, offer: PaneOffer) -> [Rect] {
        guard !row.isEmpty else { return panes.map { _ in .empty } }
        var x = row.x
        return widths(row.width, offer: offer).map { width in
            defer { x += width }
            return Rect(x: x, y: row.y, width: width, height: row.height)
        }
    }
}
