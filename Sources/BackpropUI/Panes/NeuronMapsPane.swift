import BackpropCore

/// One small map per neuron of the first hidden layer: h¹_j painted over the same input plane
/// as the output, so the class sees what each neuron has learned to detect (a line, for tanh or
/// sigmoid: one side on, the other off) and how the output layer combines them. The neuron the
/// selected weight or bias belongs to (its column in layer 1, its row in layer 2) has its label
/// in reverse video.
struct NeuronMapsPane: Pane {
    /// The network; its first layer is the one mapped.
    let network: Network
    let names: SymbolNames
    /// The same part of the plane as the output's, painted the same way.
    let painter: PlanePainter

    /// Columns between two maps.
    static let gap = 2
    /// The smallest map worth drawing: 6 columns, 3 rows.
    static let minimumMapWidth = 6
    /// Rows the pane needs: its box, a label row and a map of 3 rows.
    static let minimumHeight = 2 + 1 + minimumMapWidth / 2

    /// The width of each map and how many go in a row, for `count` maps inside `inside`: the
    /// largest maps (twice as wide as tall, so their pixels are square) that all fit, or the
    /// smallest ones, as many as fit.
    static func arrangement(count: Int, inside: Rect) -> (mapWidth: Int, perRow: Int) {
        var width = max(minimumMapWidth, inside.width)
        while width > minimumMapWidth {
            let perRow = max(1, (inside.width + gap) / (width + gap))
            let rows = (count + perRow - 1) / perRow
            if rows * (width / 2 + 1) <= inside.height { return (width, perRow) }
            width -= 2
        }
        return (minimumMapWidth, max(1, (inside.width + gap) / (minimumMapWidth + gap)))
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let count = network.sizes[1]
        let activation = network.activations[0]
        let inside = area.inset(by: 1)
        let maps = Self.maps(count: count, in: area, selection: context.selection)
        let (window, mapWidth, mapHeight) = (maps.window, maps.mapWidth, maps.mapWidth / 2)
        let highlighted = Self.neuron(of: context.selection)
        let more = window.isPartial && window.shown > 0 ? " (\(CountText.run(window.range, of: count)))" : ""
        let titles = [
            "Layer 1 neurons\(glyphs.separator)\(activation.rawValue)\(more)", "Layer 1 neurons\(more)",
            "h\(names.mark(0))\(more)",
        ]
        canvas.drawBox(
            area, title: LineFit.first(titles, width: area.width - 4, ellipsis: glyphs.ellipsis), glyphs: glyphs)
        guard window.shown > 0, inside.width >= Self.minimumMapWidth else { return }

        // Only the neurons shown are computed: a layer of 100,000 neurons costs its dozen maps.
        let grid = painter.fullGrid(columns: mapWidth, rows: mapHeight)
        let values = PlaneValues(
            grid: grid, values: network.firstLayerOutputs(for: painter.points(grid), neurons: window.range))
        let ramp = PlaneRamp(activation: activation, values: values.elements)
        for (position, neuron) in window.range.enumerated() {
            let (x, y) = maps.origin(position)
            let name = names.output(layer: 0, neuron)
            canvas.put(
                name, x: x, y: y, style: neuron == highlighted ? Style(reverse: true) : Style(bold: true), clip: inside)
            let plot = Rect(x: x, y: y + 1, width: mapWidth, height: mapHeight)
            painter.paint(values, output: position, ramp: ramp, plot: plot, on: &canvas)
        }
    }

    /// Where the maps of `count` neurons go in `area`: the neurons shown (around the one
    /// `selection` belongs to), each map's width (its height is half), and the top left cell of
    /// the `position`-th map shown (its label; the map is under it).
    static func maps(count: Int, in area: Rect, selection: ParameterIndex) -> (
        window: ScrollWindow, mapWidth: Int, origin: (Int) -> (x: Int, y: Int)
    ) {
        let inside = area.inset(by: 1)
        let (mapWidth, perRow) = arrangement(count: count, inside: inside)
        let mapHeight = mapWidth / 2
        let rowsOfMaps = max(0, (inside.height) / (mapHeight + 1))
        let window = window(count: count, room: rowsOfMaps * perRow, keeping: neuron(of: selection))
        return (
            window, mapWidth,
            { position in
                (inside.x + (position % perRow) * (mapWidth + gap), inside.y + (position / perRow) * (mapHeight + 1))
            }
        )
    }

    /// Each map shown and its label: a click selects a parameter of that neuron.
    func hits(in area: Rect, context: PaneContext) -> [ScreenHit] {
        let inside = area.inset(by: 1)
        let maps = Self.maps(count: network.sizes[1], in: area, selection: context.selection)
        guard maps.window.shown > 0, inside.width >= Self.minimumMapWidth else { return [] }
        return maps.window.range.enumerated().map { position, neuron in
            let (x, y) = maps.origin(position)
            let cells = Rect(x: x, y: y, width: maps.mapWidth, height: maps.mapWidth / 2 + 1).clipped(to: inside)
            return ScreenHit(cells, .neuron(neuron))
        }
    }

    /// The wheel goes from neuron to neuron.
    var wheel: PaneWheel? { .neurons }

    /// The neurons that get a map when `room` fit: all, or a run from the first that holds the
    /// selected neuron, so a class that selects a weight of neuron 500 sees its map.
    static func window(count: Int, room: Int, keeping neuron: Int?) -> ScrollWindow {
        ScrollWindow(count: count, room: room, keeping: neuron.flatMap { $0 < count ? $0 : nil })
    }

    /// The neuron of layer 1 that `selection` belongs to: the one it feeds (a weight or bias of
    /// layer 1) or the one it carries forward (a weight of layer 2); nil for the others.
    static func neuron(of selection: ParameterIndex) -> Int? {
        switch selection {
        case .weight(0, _, let column), .bias(0, let column): return column
        case .weight(1, let row, _): return row
        default: return nil
        }
    }
}

extension NeuronMapsPane {
    /// The maps of `frame`'s first hidden layer, when the data has two inputs and the network
    /// a hidden layer.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let network = frame.state.trainer.network
        guard let painter = frame.planePainter, network.layerCount > 1 else { return nil }
        return NeuronMapsPane(network: network, names: frame.names, painter: painter)
    }

    /// All the rows left, at least `minimumHeight`.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        PaneNeeds(minimumHeight: NeuronMapsPane.minimumHeight, wantedHeight: .max)
    }
}
