import BackpropCore

/// The first layer's neurons of data that is pictures (`Scenario.image`): for each neuron j, the
/// weights into it (column j of W¹, one a pixel) drawn as a picture of the same shape, so the
/// class sees the strokes each neuron looks for, and watches them form as it trains.
///
/// ```
/// ┌ Layer 1 neurons (1-8 of 16) ─────────┐
/// │ h¹1      h¹2      h¹3      h¹4       │
/// │ ▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀  │
/// │ …                                    │
/// └ W¹ -0.8312 ▀▀▀▀▀▀▀▀▀▀ 0.8312 ─────────┘
/// ```
/// One diverging scale for the whole layer (± the magnitude 95% of its weights are within, which
/// the bottom edge states; the strongest take the ends), so neurons compare: cool below zero,
/// pale near it, warm above; without colour `=` `-` below, blank, `+` `#` above. The neuron the selected weight or bias belongs to has its label in
/// reverse video; when not all fit, the neurons shown follow it and the title says which.
struct WeightImagesPane: Pane {
    /// How the inputs form a picture.
    let shape: ImageShape
    /// W¹: one row an input (a pixel), one column a neuron.
    let weights: Matrix
    let names: SymbolNames
    /// Half blocks in colour, or characters.
    let color: Bool

    /// Columns between two pictures.
    static let gap = 1

    /// The pictures' magnification and how many go in a row inside `inside`: the largest
    /// magnification at which every neuron fits, or 1 with as many as fit (0: not even one
    /// picture fits).
    func arrangement(inside: Size) -> (magnification: Int, perRow: Int, rows: Int) {
        func grid(_ m: Int) -> (perRow: Int, rows: Int) {
            let cell = cellSize(magnification: m)
            return ((inside.width + Self.gap) / (cell.width + Self.gap), inside.height / cell.height)
        }
        let one = grid(1)
        guard one.perRow >= 1, one.rows >= 1 else { return (0, 0, 0) }
        var m = 1
        // A larger picture only while every neuron still has one: all of them at a glance
        // tell more than a few large ones.
        while case let next = grid(m + 1), next.perRow * next.rows >= weights.columns { m += 1 }
        let chosen = grid(m)
        return (m, chosen.perRow, chosen.rows)
    }

    /// The cells one neuron takes at `magnification`: its label's row and its picture.
    func cellSize(magnification: Int) -> Size {
        let picture = PixelPicture(shape: shape, values: [Double](repeating: 0, count: shape.pixelCount), scale: .ink)
            .size(magnification: magnification)
        return Size(width: picture.width, height: picture.height + 1)
    }

    func needs(_ offer: PaneOffer) -> PaneNeeds {
        // At least one row of pictures at magnification 1; all of them if the column allows.
        let cell = cellSize(magnification: 1)
        let perRow = max(1, (offer.width - 2 + Self.gap) / (cell.width + Self.gap))
        let rows = (weights.columns + perRow - 1) / perRow
        // Tiny pictures (a few pixels across) want the rows of one row of them at a size that
        // reads, as the Sample pane draws its picture.
        let readable = cellSize(magnification: SamplePane.readableMagnification(for: shape)).height
        return PaneNeeds(
            minimumWidth: cell.width + 2, wantedWidth: perRow * (cell.width + Self.gap) - Self.gap + 2,
            minimumHeight: 2 + cell.height, wantedHeight: 2 + max(rows * cell.height, readable))
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let count = weights.columns
        let inside = area.inset(by: 1)
        let (m, perRow, rows) = arrangement(inside: Size(width: inside.width, height: inside.height))
        let highlighted = NeuronMapsPane.neuron(of: context.selection).flatMap { $0 < count ? $0 : nil }
        let window = ScrollWindow(count: count, room: perRow * rows, keeping: highlighted)
        let more = window.isPartial && window.shown > 0 ? " (\(CountText.run(window.range, of: count)))" : ""
        let titles = [
            "Layer 1 neurons\(glyphs.separator)the weights into each\(more)", "Layer 1 neurons\(more)",
            "h\(names.mark(0))\(more)",
        ]
        canvas.drawBox(
            area, title: LineFit.first(titles, width: area.width - 4, ellipsis: glyphs.ellipsis), glyphs: glyphs)
        let scale = Self.scale(for: weights.elements)
        drawScale(scale, on: &canvas, in: area, context: context)
        let cell = cellSize(magnification: max(1, m))
        guard window.shown > 0, m > 0 else {
            // Not even one picture fits: say what one needs rather than leave the box blank.
            let need = Size(width: cell.width + 2, height: cell.height + 2)
            canvas.put(
                "\(shape.description) needs \(need.width)x\(need.height)", x: inside.x + 1, y: inside.y,
                style: Style(dim: true), clip: inside)
            return
        }
        for (position, neuron) in window.range.enumerated() {
            let x = inside.x + (position % perRow) * (cell.width + Self.gap)
            let y = inside.y + (position / perRow) * cell.height
            let clip = Rect(x: x, y: y, width: cell.width, height: 1)
            canvas.put(
                names.output(layer: 0, neuron), x: x, y: y,
                style: neuron == highlighted ? Style(reverse: true) : Style(bold: true), clip: clip)
            let values = (0..<weights.rows).map { weights[$0, neuron] }
            PixelPicture(shape: shape, values: values, scale: scale)
                .draw(at: x, y + 1, magnification: m, color: color, on: &canvas)
        }
    }

    /// The share of the layer's weights inside the scale's ends; the rest take the ends.
    static let withinScale = 0.95

    /// The layer's scale: ± the magnitude that 95% of its weights are within, so the strokes most
    /// weights draw read, rather than fade to pale beside a few large ones (after 1,500 steps of
    /// the digits, ± the largest left 70% of the pixels in the two palest shades, this 48%); the
    /// strongest 5% take the ends. Two passes, the second a histogram of 1,000 bins whose upper
    /// edge is the limit (at most 0.1% of the largest above the exact one): no sort of a large
    /// layer every frame. 1 when every weight is 0 or none is finite.
    static func scale(for values: [Double]) -> PixelPicture.Scale {
        var largest = 0.0
        var count = 0
        for value in values where value.isFinite {
            largest = max(largest, abs(value))
            count += 1
        }
        guard largest > 0 else { return .diverging(limit: 1) }
        let bins = 1000
        var histogram = [Int](repeating: 0, count: bins)
        for value in values where value.isFinite {
            histogram[min(bins - 1, Int(abs(value) / largest * Double(bins)))] += 1
        }
        let wanted = Int((Double(count) * withinScale).rounded(.up))
        var seen = 0
        for (bin, inBin) in histogram.enumerated() {
            seen += inBin
            if seen >= wanted { return .diverging(limit: largest * Double(bin + 1) / Double(bins)) }
        }
        return .diverging(limit: largest)
    }

    /// The scale in the bottom edge: `W¹ -0.8312` the shades `0.8312`, as far as the edge has
    /// room (the limit alone, `W¹ ±0.8312`, when the shades do not fit).
    private func drawScale(_ scale: PixelPicture.Scale, on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        guard case .diverging(let limit) = scale, area.width >= 2, area.height >= 2 else { return }
        let name = "W\(names.mark(0))"
        let low = context.number.compact(-limit)
        let high = context.number.compact(limit)
        let edge = Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1)
        let style = Style(dim: true)
        // A blank and a line of the border stay before the corner, as for a title.
        let full = DisplayWidth.of("\(name) \(low) ") + PixelPicture.levels + DisplayWidth.of(" \(high)")
        guard full + 3 <= edge.width else {
            let short = "\(name) \(context.glyphs.isASCII ? "+/-" : "±")\(high)"
            canvas.drawBottomNote([short], in: area, style: style)
            return
        }
        var x = canvas.put(" \(name) \(low) ", x: edge.x, y: edge.y, style: style, clip: edge)
        for level in 0..<PixelPicture.levels {
            canvas[x, edge.y] =
                color
                ? Cell(" ", style: Style(background: .ramp(level)))
                : Cell(PixelPicture.divergingCharacters[level], style: style)
            x += 1
        }
        canvas.put(" \(high) ", x: x, y: edge.y, style: style, clip: edge)
    }
}

extension WeightImagesPane {
    /// The weight pictures of `frame`'s first layer, when the data is pictures.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let state = frame.state
        guard let shape = state.trainer.scenario.image else { return nil }
        return WeightImagesPane(
            shape: shape, weights: state.trainer.network.layer(0).weights, names: frame.names,
            color: state.options.color && !state.options.ascii)
    }
}
