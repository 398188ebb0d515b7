import BackpropCore

extension AppState {
    /// The zoom's rungs either way from the window that fits the path: three decades, beyond
    /// which the picture is a flat colour or the path a dot.
    static let landscapeZoomLimit = 9

    /// `S`, `P`, `z`, `Z`, `E`. `P`, `z` and `Z` open the pane when it is closed, so their
    /// effect shows at once; `E` writes the landscape the pane shows or would show.
    mutating func reduce(_ action: LandscapeAction) -> [Effect] {
        switch action {
        case .toggle:
            landscape.isShown.toggle()
            message = StatusMessage(
                landscape.isShown
                    ? "landscape of C over \(selectionName) and \(names.parameter(landscape.partner)): P partner, z Z zoom, E export"
                    : "landscape hidden (S shows it)")
        case .cyclePartner:
            landscape.isShown = true
            landscape.partner = nextPartner(after: landscape.partner)
            landscape.zoom = 0
            message = StatusMessage(
                wordings: [
                    "landscape: \(selectionName) across, \(names.parameter(landscape.partner)) up (P for the next, Tab moves across)",
                    "landscape: \(selectionName) across, \(names.parameter(landscape.partner)) up",
                ])
        case .zoomIn: zoomLandscape(by: -1)
        case .zoomOut: zoomLandscape(by: 1)
        case .export: return exportLandscape()
        }
        return []
    }

    /// The parameters after the selection in Tab order, wrapping, skipping the selection: the
    /// partner `P` moves to from `partner`.
    func nextPartner(after partner: ParameterIndex) -> ParameterIndex {
        let network = trainer.network
        let next = partner.cycled(backwards: false, in: network)
        return next == selection ? next.cycled(backwards: false, in: network) : next
    }

    /// After every action: a partner that the selection moved onto (or that a new network does
    /// not have) becomes the parameter after the selection, and a new pair starts unzoomed.
    mutating func keepLandscapePair(selectionBefore: ParameterIndex) {
        let network = trainer.network
        if landscape.partner == selection || !landscape.partner.exists(in: network) {
            landscape.partner = selection.cycled(backwards: false, in: network)
        }
        if selection != selectionBefore { landscape.zoom = 0 }
    }

    /// A trail that starts at the current state: a new run's path (`x`, `d`).
    mutating func startTrail() {
        trail = ParameterTrail(parameterCount: trainer.network.parameters.count)
        trail.record(trainer.network, step: trainer.stepCount)
    }

    /// The path of descent of the pane's pair to the current state, and the next step.
    var landscapePath: DescentPath {
        DescentPath(of: selection, landscape.partner, to: trainer, along: trail)
    }

    /// `z` / `Z`: one rung of the ladder, saying the spans it shows.
    private mutating func zoomLandscape(by rungs: Int) {
        landscape.isShown = true
        let zoom = landscape.zoom + rungs
        guard abs(zoom) <= Self.landscapeZoomLimit else {
            let (key, way) = rungs < 0 ? ("Z", "in") : ("z", "out")
            message = StatusMessage(
                "landscape zoomed \(way) as far as it goes (\(Self.landscapeZoomLimit) rungs); \(key) zooms back")
            return
        }
        landscape.zoom = zoom
        let window = landscapePath.window(zoom: zoom)
        let span = { (range: ClosedRange<Double>) in DecimalNumber.text(range.upperBound - range.lowerBound) }
        let (x, y) = (selectionName, names.parameter(landscape.partner))
        let way =
            zoom == 0 ? "fitting the path" : "\(abs(zoom)) rung\(abs(zoom) == 1 ? "" : "s") \(zoom < 0 ? "in" : "out")"
        message = StatusMessage(
            wordings: [
                "landscape \(way): \(x) spans \(span(window.x)), \(y) spans \(span(window.y)) (z in, Z out)",
                "landscape \(way): spans \(span(window.x)) and \(span(window.y))",
            ])
    }

    /// `E`: the landscape over the window the pane shows, on the grid of `--headless
    /// --landscape`, as CSV named by the trace's names of the pair.
    private mutating func exportLandscape() -> [Effect] {
        let (x, y) = (selection, landscape.partner)
        // Made here, at once: a network too large for that would hold the keys for seconds.
        guard Landscape.cellWork(of: trainer) <= Landscape.interactiveCellWork else {
            message = StatusMessage(
                wordings: [
                    "the landscape is too large to make here; --headless --steps \(trainer.stepCount) --landscape \(trainer.network.traceName(of: x)),\(trainer.network.traceName(of: y)) makes it",
                    "too large to make here; use --headless --landscape",
                ], kind: .error)
            return []
        }
        var grid = Landscape(
            x: x, y: y, window: landscapePath.window(zoom: landscape.zoom),
            columns: Landscape.standardGrid.columns, rows: Landscape.standardGrid.rows)
        grid.finish(with: trainer)
        let network = trainer.network
        let size = "\(grid.columns)x\(grid.rows)"
        return [
            .writeFile(
                text: grid.csv(xName: network.traceName(of: x), yName: network.traceName(of: y)),
                base: "backprop-landscape", ext: "csv",
                what: [
                    "landscape of \(selectionName) and \(names.parameter(y)) at step \(trainer.stepCount) (\(size)) written to",
                    "landscape written to",
                ]
            )
        ]
    }
}
