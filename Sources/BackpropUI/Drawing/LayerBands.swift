/// The layer bands stage of `Layout`: the layer panes side by side at their wanted width (at
/// most the screen's), or narrower down to their minimum width when that keeps the next one in
/// the band (xor-hidden's two at 80x24), a new band when it does not fit across; all bands when each
/// keeps its wanted rows in `room`, else only the selected layer's; rows shared out when even
/// those do not fit.
struct LayerBands {
    /// The layers (indices into the layer panes) of each band shown, left to right.
    var bands: [[Int]]
    /// Each layer pane's columns.
    private(set) var widths: [Int]
    /// Each band's rows.
    var heights: [Int]
    /// The fewest rows a band is given: the layer panes' largest minimum.
    let minimumHeight: Int

    /// The bands of layer panes with `needs`, `width` columns across, in `room` rows, keeping
    /// layer `selected` in view.
    init(_ needs: [PaneNeeds], width: Int, room: Int, selected: Int) {
        var widths = needs.map { min($0.wantedWidth, width) }
        let narrowest = needs.indices.map { min(widths[$0], max(1, needs[$0].minimumWidth)) }
        minimumHeight = needs.map(\.minimumHeight).max() ?? 0
        var bands: [[Int]] = [[]]
        for layer in needs.indices {
            let band = bands[bands.count - 1] + [layer]
            if band.count > 1 && band.reduce(0, { $0 + narrowest[$1] }) > width {
                bands.append([layer])
            } else {
                bands[bands.count - 1] = band
            }
        }
        // A band wider than the screen narrows its panes to their minimum, from the last (the
        // output layer's pane, usually the narrowest, loses least), until it fits: all the
        // way, since a pane short of its wanted width draws its narrower form whatever it is
        // given.
        for band in bands {
            var excess = band.reduce(0) { $0 + widths[$1] } - width
            for layer in band.reversed() where excess > 0 {
                excess -= widths[layer] - narrowest[layer]
                widths[layer] = narrowest[layer]
            }
        }
        self.widths = widths
        let natural = { (band: [Int]) in band.map { needs[$0].wantedHeight }.max() ?? 0 }
        // Several bands are shown only if none of them is cut short.
        if bands.count > 1 && bands.map(natural).reduce(0, +) > room {
            bands = bands.filter { $0.contains(selected) }
        }
        heights = bands.map(natural)
        if heights.reduce(0, +) > room {
            let share = max(minimumHeight, room / bands.count)
            heights = heights.map { min($0, share) }
        }
        self.bands = bands
    }

    /// The columns the layer panes of each band take.
    var bandWidths: [Int] { bands.map { $0.reduce(0) { $0 + widths[$1] } } }

    /// The rows all bands take.
    var totalHeight: Int { heights.reduce(0, +) }
}
