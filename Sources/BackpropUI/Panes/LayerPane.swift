import BackpropCore

/// One layer's parameters, labelled like the article: row i of Wˡ is the layer's input i (x_i
/// for the first layer, hˡ⁻¹_i after it), column j its output j (hˡ_j, or ŷ_j for the last
/// layer), so the entry at (row i, column j) is ωˡ_ij; bˡ is one more row under W. Beside each
/// value, its gradient ∂C/∂θ of the current state: what the next step subtracts, times lr.
///
/// Values the last step changed are bold with their direction (▲ ▼); the selected parameter
/// is in reverse video. Values share one number format, gradients another, each chosen from the
/// magnitudes shown. A layer larger than the pane scrolls to keep the selection in view and
/// says on its last row how many rows and columns are hidden.
struct LayerPane: Pane {
    /// The layer shown (0-based).
    let layer: Int
    /// The network now.
    let network: Network
    /// The network before the last step, for the change marks.
    let previous: Network?
    /// The step the current state would take: its gradients.
    let trace: StepTrace
    /// How the screen names the network's numbers.
    let names: SymbolNames
    /// The parameter whose gradient a quiz question asks about: shown as `?` until the answer.
    var hiddenGradient: ParameterIndex? = nil

    /// Columns of the row labels: the widest input name, or the b row's name.
    static func labelWidth(layer: Int, sizes: [Int], names: SymbolNames) -> Int {
        // Features have names of their own widths (x1, sin(x1)); otherwise the last is widest.
        let inputs = layer == 0 && names.features != nil ? 0..<sizes[layer] : (sizes[layer] - 1)..<sizes[layer]
        let widest = inputs.map { DisplayWidth.of(names.input(layer: layer, $0)) }.max() ?? 0
        return max(widest, "b\(names.mark(layer))".count)
    }

    /// Columns of one weight with its gradient: a space, the value, its mark, a space, the
    /// gradient; `tight`, the mark's column is the space (a changed value stays bold, so the
    /// change still reads without colour; which way it went is in the digits).
    static func cellWidth(_ number: NumberFormat, tight: Bool = false) -> Int { 2 * number.width + (tight ? 2 : 3) }

    /// The width that shows every column, box included, with a blank column inside each border;
    /// `tight`, in tight cells: what a band of layer panes that is a few columns short takes
    /// (xor-hidden's two at 80x24).
    static func naturalWidth(
        layer: Int, sizes: [Int], names: SymbolNames, number: NumberFormat, tight: Bool = false
    ) -> Int {
        4 + labelWidth(layer: layer, sizes: sizes, names: names) + sizes[layer + 1] * cellWidth(number, tight: tight)
    }

    /// The pane's titles, fullest first: the layer, the parameters it holds by the names the
    /// equations give them (`W and b` for the article's one layer, `W¹, b¹` in a network), its
    /// activation, and, with other layers' panes hidden for lack of room, the keys that reach
    /// them. The activation goes first (the title line names every layer's), then the keys,
    /// then the names: the layer's number stays.
    func titles(dot: String, activation: String, otherLayersHidden: Bool) -> [String] {
        let mark = names.mark(layer)
        let parameters = names.layerCount == 1 ? "W and b" : "W\(mark), b\(mark)"
        let number = otherLayersHidden ? "Layer \(layer + 1)/\(network.layerCount)" : "Layer \(layer + 1)"
        let named = "\(number) \(dot) \(parameters)"
        let keys = " \(dot) PgUp PgDn"
        let withKeys = otherLayersHidden ? ["\(named) \(dot) \(activation)\(keys)", named + keys] : []
        return withKeys + ["\(named) \(dot) \(activation)", named, number]
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let activation = network.activations[layer]
        let dot = glyphs.separator.trimmingCharacters(in: .whitespaces)
        let title = LineFit.first(
            titles(dot: dot, activation: activation.rawValue, otherLayersHidden: context.otherLayersHidden),
            width: area.width - 4, ellipsis: glyphs.ellipsis)
        canvas.drawBox(area, title: title, glyphs: glyphs)
        let inside = area.inset(by: 1)
        guard inside.width > 0, inside.height > 0 else { return }

        // The layer's W and b are read where they are stored: a layer of a million weights is
        // not copied to draw the few dozen that fit.
        let gradients = trace.layers[layer]
        let inputs = network.sizes[layer]
        let number = context.number
        let walk = WalkHighlight(phase: context.walkPhase, layerCount: network.layerCount)
        let selected = context.selection.layer == layer ? context.selection : nil

        let grid = LayerPaneGrid(
            layer: layer, network: network, names: names, area: area, number: number, selected: selected)
        let (tight, columns, rows) = (grid.tight, grid.columns, grid.rows)
        let gap = tight ? "" : " "
        let hides = rows.isPartial || columns.isPartial

        let headerStyle = Style(bold: true)
        let gradientHeader = "\(glyphs.partial)C/\(glyphs.partial)\(glyphs.omega)"
        for (position, column) in columns.range.enumerated() {
            let x = grid.valueX(slot: position)
            let header = names.output(layer: layer, column)
            canvas.put(pad(header, number.width), x: x, y: inside.y, style: headerStyle, clip: inside)
            canvas.put(
                pad(gradientHeader, number.width), x: x + number.width + 1 + gap.count, y: inside.y,
                style: Style(dim: true), clip: inside)
        }
        for (position, row) in rows.range.enumerated() {
            let y = grid.y(position: position)
            let isBias = row == inputs
            let rowLabel = isBias ? "b\(names.mark(layer))" : names.input(layer: layer, row)
            canvas.put(rowLabel, x: inside.x + 1, y: y, style: Style(bold: true), clip: inside)
            for (slot, column) in columns.range.enumerated() {
                let index: ParameterIndex =
                    isBias ? .bias(layer: layer, column: column) : .weight(layer: layer, row: row, column: column)
                let value = network[index]
                let old = previous.map { $0[index] }
                var mark = ChangeMark(value: value, previous: old, number: number, glyphs: glyphs)
                if index == selected { mark = mark.selected() }
                if walk.parameters(ofLayer: layer) { mark = mark.underlined() }
                if tight { mark.marker = " " }
                let x = grid.valueX(slot: slot)
                let end = mark.draw(number.string(value), x: x, y: y, on: &canvas, clip: inside)
                let gradient = isBias ? gradients.biasGradient[column] : gradients.weightGradient[row, column]
                if index == hiddenGradient {
                    canvas.put(
                        gap + pad("?", number.width), x: end, y: y, style: Style(bold: true), clip: inside)
                    continue
                }
                canvas.put(
                    gap + number.string(gradient), x: end, y: y,
                    style: walk.gradientStyle(ofLayer: layer), clip: inside)
            }
        }
        if hides {
            var parts: [String] = []
            if rows.isPartial { parts.append(hiddenText(rows, noun: "rows", before: "above", after: "below")) }
            if columns.isPartial {
                parts.append(hiddenText(columns, noun: "columns", before: "left", after: "right"))
            }
            canvas.put(
                "\(glyphs.ellipsis) " + parts.joined(separator: "; "), x: inside.x + 1,
                y: inside.y + 1 + rows.shown, style: Style(dim: true), clip: inside)
        }
    }

    /// Every weight and bias shown, over the cells its value and gradient are drawn in.
    func hits(in area: Rect, context: PaneContext) -> [ScreenHit] {
        let selected = context.selection.layer == layer ? context.selection : nil
        let grid = LayerPaneGrid(
            layer: layer, network: network, names: names, area: area, number: context.number, selected: selected)
        guard grid.inside.width > 0, grid.inside.height > 0 else { return [] }
        var hits: [ScreenHit] = []
        for (position, row) in grid.rows.range.enumerated() {
            for (slot, column) in grid.columns.range.enumerated() {
                let cells = grid.cells(slot: slot, position: position)
                guard !cells.isEmpty else { continue }
                hits.append(ScreenHit(cells, .parameter(.at(layer: layer, paneRow: row, column: column, in: network))))
            }
        }
        return hits
    }

    /// The wheel moves the selection up and down the pane's rows.
    var wheel: PaneWheel? { .parameters(layer: layer) }

    /// "rows 3 above, 2 below", naming only the sides that hide some.
    private func hiddenText(_ window: ScrollWindow, noun: String, before: String, after: String) -> String {
        var sides: [String] = []
        if window.hiddenBefore > 0 { sides.append("\(window.hiddenBefore) \(before)") }
        if window.hiddenAfter > 0 { sides.append("\(window.hiddenAfter) \(after)") }
        return "\(noun) " + sides.joined(separator: ", ")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

extension LayerPane {
    /// Rows a layer pane needs: its box, the header, one row and the marker of hidden rows.
    static let minimumHeight = 5

    /// One pane per layer of `frame`'s network; a waiting gradient question hides its answer.
    static func panes(for frame: FrameInput) -> [any Pane] {
        let asked: ParameterIndex? = if case .gradient(let parameter)? = frame.asked { parameter } else { nil }
        let network = frame.state.trainer.network
        return (0..<network.layerCount).map {
            LayerPane(
                layer: $0, network: network, previous: frame.state.previous?.state.network, trace: frame.trace,
                names: frame.names, hiddenGradient: asked)
        }
    }

    /// Every column; the box, the header, W's rows and the b row, and a row to say so when the
    /// offer is too narrow for every column.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        let natural = LayerPane.naturalWidth(layer: layer, sizes: network.sizes, names: names, number: offer.number)
        let tight = LayerPane.naturalWidth(
            layer: layer, sizes: network.sizes, names: names, number: offer.number, tight: true)
        return PaneNeeds(
            minimumWidth: tight, wantedWidth: natural, minimumHeight: LayerPane.minimumHeight,
            wantedHeight: network.sizes[layer] + 4 + (natural > offer.width ? 1 : 0))
    }
}
