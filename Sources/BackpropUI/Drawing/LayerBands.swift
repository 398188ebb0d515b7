/// The layer bands stage of `Layout`: the layer panes side by side at their wanted width (at
/// most the screen's), a new band when the next one does not fit across; all bands when each
/// keeps its wanted rows in `room`, else only the selected layer's; rows shared out when even
/// those do not fit.
struct LayerBands {
    /// The layers (indices into the layer panes) of each band shown, left to right.
    var bands: [[Int]]
    /// Each layer pane's columns.
    let widths: [Int]
    /// Each band's rows.
    var heights: [Int]
    /// The fewest rows a band is given: the layer panes' largest minimum.
    let minimumHeight: Int

    /// The bands of layer panes with `needs`, `width` columns across, in `room` rows, keeping
    /// layer `selected` in view.
    init(_ needs: [PaneNeeds], width: Int, room: Int, selected: Int) {
        widths = needs.map { min($0.wantedWidth, width) }
        minimumHeight = needs.map(\.minimumHeight).max() ?? 0
        var bands: [[Int]] = [[]]
        var used = 0
        for layer in needs.indices {
            if used + widths[layer] > width && !bands[bands.count - 1].isEmpty {
                bands.append([])
                used = 0
            }
            bands[bands.count - 1].append(layer)
            used += widths[layer]
        }
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
