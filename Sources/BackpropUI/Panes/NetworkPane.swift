import BackpropCore

/// The whole network for one sample, as columns of neurons in the order the forward pass runs:
/// the inputs x, then every layer, one row per neuron. A neuron shows what it sends forward,
/// hˡ_j, and beside it what the backward pass computed for it, δˡ_j; the last column is ŷ with
/// its δ and the target y. The column headers (`x`, `h¹ δ¹`, `ŷ δ² y`) say which number is which.
///
/// Between two columns a bus joins every neuron on the left to every neuron on the right, as a
/// dense layer does, without drawing each wire. The selected parameter's neurons are in reverse
/// video (the one neuron of a bias), and a weight's own path through the bus too. Negative values
/// are cyan and keep their minus sign, so the pane reads the same without colour.
///
/// What does not fit is said, never cut: a tall layer shows the neurons that fit and "… N more",
/// and a narrow pane shows the columns around the selected parameter and, in its bottom edge,
/// how many columns are hidden.
///
/// Narrower than every column needs (an 80-column terminal, where it takes the cost curve's
/// place while the quiz or the walk is open), it is drawn compact: the bus without the spaces
/// around it, no blank columns inside the box, and no y beside ŷ (the predictions show y), so
/// that two layers' columns fit in 36 columns.
struct NetworkPane: Pane {
    /// The step the current state would take: its forward values and its δ, for every sample.
    let trace: StepTrace
    /// The column (0 the inputs, l layer l) kept in view when not all fit, when it is not the
    /// selected parameter's: the next layer's, whose δ a question about the error sent back
    /// asks for, or the layer the walk's phase is in.
    var focusColumn: Int? = nil
    /// The neuron (column, row) whose δ a waiting question about the error sent back would give
    /// away (δˡ_j = g'(aˡ_j)·eˡ_j has eˡ_j's sign): shown as `?` until the answer.
    var hiddenDelta: (column: Int, neuron: Int)? = nil

    /// Columns between two neuron columns: a space, the bus with its stubs, a space.
    private static let gapWidth = 5
    /// Columns between two neuron columns when compact: the stub, the junction and the arrow.
    private static let compactGapWidth = 3
    /// Blank columns inside the box, left and right of the neurons.
    private static let padding = 1

    /// The size (box included) that shows every neuron of a network of `sizes` (inputs first)
    /// and the title, for a data set of fewer than ten samples.
    static func naturalSize(sizes: [Int], number: NumberFormat, glyphs: Glyphs) -> Size {
        let widths = columnHeaders(layerCount: sizes.count - 1, glyphs: glyphs).map {
            columnWidth($0, number: number)
        }
        let content = widths.reduce(0, +) + gapWidth * max(0, widths.count - 1) + 2 * padding
        let title = titleCandidates(sample: 1, count: 9, glyphs: glyphs)[0].count + 2
        return Size(width: 2 + max(content, title), height: (sizes.max() ?? 0) + 3)
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let count = trace.inputs.rows
        // The selected sample is a sample of the data; the trace's rows are the step's samples
        // (a batch), so the pane draws the selected sample's row, or the step's first.
        let sample = min(max(0, trace.row(of: context.sample) ?? 0), max(0, count - 1))
        let number = trace.samples.isEmpty ? sample + 1 : trace.samples[sample] + 1
        // With a test split the step's rows are the training samples, so the sample's number in
        // the data is not its place among the step's rows: the title says both, apart.
        let row = number == sample + 1 ? nil : sample + 1
        let title = Self.titleCandidates(
            sample: number, count: count, row: row, batch: trace.isMiniBatch ? trace.position : nil, glyphs: glyphs
        ).first {
            $0.count + 4 <= area.width
        }
        canvas.drawBox(area, title: title ?? (row == nil ? "\(number)/\(count)" : "\(number)"), glyphs: glyphs)
        guard count > 0 else { return }

        let inside = area.inset(by: 1)
        let sizes = [trace.inputs.columns] + trace.layers.map { $0.output.columns }
        let compact = area.width < Self.naturalSize(sizes: sizes, number: context.number, glyphs: glyphs).width
        let headers = Self.columnHeaders(layerCount: trace.layers.count, glyphs: glyphs, withTargets: !compact)
        let widths = headers.map { Self.columnWidth($0, number: context.number) }
        let focus = min(max(1, focusColumn ?? (context.selection.layer + 1)), sizes.count - 1)
        let gap = compact ? Self.compactGapWidth : Self.gapWidth
        let padding = compact ? 0 : Self.padding
        let columns = Self.visibleColumns(widths: widths, room: inside.width - 2 * padding, focus: focus, gap: gap)
        let room = inside.height - 1
        var notes: [String] = []
        if let columns {
            notes += Self.hiddenColumnsNote(left: columns.lowerBound, right: sizes.count - 1 - columns.upperBound)
        } else {
            notes.append("too narrow: all \(sizes.count) columns hidden")
        }
        if room < 1 { notes.append("too short: \(sizes.reduce(0, +)) neurons hidden") }
        if area.width >= 2, area.height >= 2 {
            // The bottom edge says what is hidden, or else what the two numbers of a neuron are.
            // Compact drops y; saying so comes after what is hidden, when there is room.
            // The ellipsis alone, the last resort, still says that something is hidden.
            let hidden = notes.isEmpty ? [] : ["\(glyphs.ellipsis) " + notes.joined(separator: ", "), glyphs.ellipsis]
            let withTargets =
                compact ? ["\(glyphs.ellipsis) " + (notes + ["no y: see Predictions"]).joined(separator: ", ")] : []
            if !canvas.drawBottomNote(withTargets + hidden, in: area, style: .plain), notes.isEmpty {
                let forward = trace.layers.count > 1 ? "h" : glyphs.prediction
                canvas.drawBottomNote(
                    ["\(forward): forward pass\(glyphs.separator)\(glyphs.delta): backward pass"], in: area,
                    style: Style(dim: true))
            }
        }
        guard let columns, inside.height > 0 else { return }

        // Each shown column: its left edge and, per neuron drawn, the row it is on.
        var left = inside.x + padding
        var lefts: [Int: Int] = [:]
        var rows: [Int: [Int: Int]] = [:]
        for column in columns {
            lefts[column] = left
            rows[column] = drawColumn(
                column, headers: headers[column], x: left, count: sizes[column], sample: sample, on: &canvas,
                inside: inside, context: context)
            left += widths[column] + gap
        }
        for column in columns.dropLast() {
            // The bus's stub, junction and arrow are the gap's middle three columns, or all of
            // a compact gap.
            let x = (lefts[column] ?? 0) + widths[column] - (compact ? 1 : 0)
            drawBus(
                from: rows[column] ?? [:], to: rows[column + 1] ?? [:], leftColumn: column, x: x,
                on: &canvas, clip: inside, context: context)
        }
    }

    /// Draws one column (headers, neurons, "… N more" lines) and returns the row of every neuron
    /// it drew.
    private func drawColumn(
        _ column: Int, headers: [String], x: Int, count: Int, sample: Int, on canvas: inout Canvas, inside: Rect,
        context: PaneContext
    ) -> [Int: Int] {
        let number = context.number
        let fieldWidths = headers.map { Self.fieldWidth($0, number: number) }
        var fieldX = x
        for (header, width) in zip(headers, fieldWidths) {
            canvas.put(Self.pad(header, width), x: fieldX, y: inside.y, style: Style(bold: true), clip: inside)
            fieldX += width + 1
        }
        let top = inside.y + 1
        let room = inside.height - 1
        let selected = Self.selectedNeuron(in: column, selection: context.selection)
        let window = NeuronWindow(count: count, room: room, keeping: selected)
        let columnWidth = Self.columnWidth(headers, number: number)
        if let row = window.beforeRow {
            let text = Self.hiddenNeuronsText(
                window.hiddenBefore, word: "above", width: columnWidth, glyphs: context.glyphs)
            canvas.put(text, x: x, y: top + row, style: Style(dim: true), clip: inside)
        }
        if let row = window.afterRow {
            let text = Self.hiddenNeuronsText(
                window.hiddenAfter, word: "more", width: columnWidth, glyphs: context.glyphs)
            canvas.put(text, x: x, y: top + row, style: Style(dim: true), clip: inside)
        }
        // The neuron itself (x, or h and δ) is reversed when selected; the target y beside ŷ is not.
        let neuronFields = column == 0 ? 1 : 2
        var rows: [Int: Int] = [:]
        for neuron in window.first..<(window.first + window.shown) {
            guard let row = window.row(of: neuron) else { continue }
            let y = top + row
            rows[neuron] = y
            let isSelected = neuron == selected
            var fieldX = x
            for (field, value) in values(column: column, neuron: neuron, sample: sample, fields: headers.count)
                .enumerated()
            {
                var style = ChangeMark(value: value, previous: nil, number: number, glyphs: context.glyphs).valueStyle
                style.reverse = isSelected && field < neuronFields
                // x and y are data, written as the data writes them.
                let isData = column == 0 || headers[field] == "y"
                let isHidden = field == 1 && hiddenDelta.map { $0.column == column && $0.neuron == neuron } == true
                let text = isHidden ? Self.pad("?", number.width) : isData ? number.data(value) : number.string(value)
                let end = canvas.put(
                    Self.pad(text, fieldWidths[field]), x: fieldX, y: y, style: style, clip: inside)
                if isSelected && field + 1 < neuronFields {
                    canvas.put(" ", x: end, y: y, style: Style(reverse: true), clip: inside)
                }
                fieldX = end + 1
            }
        }
        return rows
    }

    /// The numbers of one neuron for `sample`, in the order of the column's headers: `fields`
    /// of them (the target y only when the headers have it).
    private func values(column: Int, neuron: Int, sample: Int, fields: Int) -> [Double] {
        if column == 0 { return [trace.inputs[sample, neuron]] }
        let layer = trace.layers[column - 1]
        let values = [layer.output[sample, neuron], layer.delta[sample, neuron]]
        // Only the last column has a y; a hidden neuron's index may be past y's columns.
        return fields > 2 ? values + [trace.targets[sample, neuron]] : values
    }

    /// The bus between column `leftColumn` and the next: a stub from every neuron on the left,
    /// one vertical line, an arrow into every neuron on the right. A selected weight's own path
    /// (its input's stub, the line between the two rows, the arrow into its output) is reversed.
    private func drawBus(
        from leftRows: [Int: Int], to rightRows: [Int: Int], leftColumn: Int, x: Int, on canvas: inout Canvas,
        clip: Rect, context: PaneContext
    ) {
        let lefts = Set(leftRows.values)
        let rights = Set(rightRows.values)
        guard let top = lefts.union(rights).min(), let bottom = lefts.union(rights).max() else { return }
        let ascii = context.glyphs.isASCII
        var path: ClosedRange<Int>? = nil
        var pathLeft: Int? = nil
        var pathRight: Int? = nil
        if case .weight(let layer, let row, let column) = context.selection, layer == leftColumn,
            let from = leftRows[row], let to = rightRows[column]
        {
            path = min(from, to)...max(from, to)
            pathLeft = from
            pathRight = to
        }
        let plain = Style(dim: true)
        let highlighted = Style(reverse: true)
        for y in top...bottom {
            let hasLeft = lefts.contains(y)
            let hasRight = rights.contains(y)
            if hasLeft {
                canvas.put(
                    String(context.glyphs.horizontal), x: x + 1, y: y, style: y == pathLeft ? highlighted : plain,
                    clip: clip)
            }
            let junction = Self.busCharacter(
                up: y > top, down: y < bottom, left: hasLeft, right: hasRight, ascii: ascii)
            canvas.put(
                String(junction), x: x + 2, y: y, style: path?.contains(y) == true ? highlighted : plain, clip: clip)
            if hasRight {
                canvas.put(ascii ? ">" : "→", x: x + 3, y: y, style: y == pathRight ? highlighted : plain, clip: clip)
            }
        }
    }

    /// The neuron of column `column` (0 the inputs, l layer l) that `selection` touches: a
    /// weight's input i on the left of its layer and output j in it, a bias's output j.
    private static func selectedNeuron(in column: Int, selection: ParameterIndex) -> Int? {
        switch selection {
        case .weight(let layer, let row, let output):
            if column == layer { return row }
            return column == layer + 1 ? output : nil
        case .bias(let layer, let output):
            return column == layer + 1 ? output : nil
        }
    }

    /// The shown columns: the selected parameter's layer, then the column before it (a weight's
    /// input), then their neighbours, left before right, while they fit in `room`; `nil` when
    /// none fits.
    private static func visibleColumns(widths: [Int], room: Int, focus: Int, gap: Int) -> ClosedRange<Int>? {
        guard !widths.isEmpty else { return nil }
        let start = [focus, focus - 1].first { widths.indices.contains($0) && widths[$0] <= room }
        guard let start else { return nil }
        var shown = start...start
        var used = widths[start]
        var grew = true
        while grew {
            grew = false
            for next in [shown.lowerBound - 1, shown.upperBound + 1] where widths.indices.contains(next) {
                guard used + gap + widths[next] <= room else { continue }
                used += gap + widths[next]
                shown = min(shown.lowerBound, next)...max(shown.upperBound, next)
                grew = true
            }
        }
        return shown
    }

    /// What the bottom edge says about hidden columns.
    private static func hiddenColumnsNote(left: Int, right: Int) -> [String] {
        func columns(_ n: Int) -> String { n == 1 ? "1 column" : "\(n) columns" }
        switch (left > 0, right > 0) {
        case (true, true): return ["hidden: \(columns(left)) left, \(right) right"]
        case (true, false): return ["hidden: \(columns(left)) left"]
        case (false, true): return ["hidden: \(columns(right)) right"]
        case (false, false): return []
        }
    }

    /// "… 13 more", or shorter forms down to "…13" when the column is narrow.
    private static func hiddenNeuronsText(_ hidden: Int, word: String, width: Int, glyphs: Glyphs) -> String {
        let ellipsis = glyphs.ellipsis
        let forms = ["\(ellipsis) \(hidden) \(word)", "\(ellipsis)\(hidden) \(word)", "\(ellipsis) \(hidden)"]
        return forms.first { $0.count <= width } ?? "\(ellipsis)\(hidden)"
    }

    /// The title, from the fullest form to the shortest: the pane picks the first that fits.
    /// `sample` is counted from 1 in the data; `count` is the step's samples, of `batch` when
    /// the step is a mini-batch's.
    /// The title, longest first: which sample (its number in the data), and of what: its batch,
    /// or the step's `count` rows, with its own `row` among them when that is another number.
    private static func titleCandidates(
        sample: Int, count: Int, row: Int? = nil, batch: BatchPosition? = nil, glyphs: Glyphs
    ) -> [String] {
        let which: String
        if let batch {
            which = "sample \(sample) of batch \(batch.batch)/\(batch.batches)"
        } else if let row {
            which = "sample \(sample) (\(ordinal(row)) of \(count) in the step)"
        } else {
            which = "sample \(sample) of \(count)"
        }
        return ["Network\(glyphs.separator)\(which)  (< > choose)", "Network\(glyphs.separator)\(which)", which]
    }

    /// 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st.
    private static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// Each column's headers, one per number: `x`; `h¹ δ¹` for each hidden layer; `ŷ δᴸ y`, or
    /// `ŷ δᴸ` without the targets.
    private static func columnHeaders(layerCount: Int, glyphs: Glyphs, withTargets: Bool = true) -> [[String]] {
        guard layerCount >= 1 else { return [["x"]] }
        let ascii = glyphs.isASCII
        func layerMark(_ layer: Int) -> String {
            // A single layer is the single-layer program's, whose screens write plain δ.
            guard layerCount > 1 else { return "" }
            return ascii ? "[\(layer)]" : superscript(layer)
        }
        var headers: [[String]] = [["x"]]
        for layer in 1..<layerCount { headers.append(["h" + layerMark(layer), glyphs.delta + layerMark(layer)]) }
        headers.append([glyphs.prediction, glyphs.delta + layerMark(layerCount)] + (withTargets ? ["y"] : []))
        return headers
    }

    /// A column's width: its numbers (each as wide as the number format or its header) and one
    /// space between them.
    private static func columnWidth(_ headers: [String], number: NumberFormat) -> Int {
        headers.map { fieldWidth($0, number: number) }.reduce(0, +) + max(0, headers.count - 1)
    }

    private static func fieldWidth(_ header: String, number: NumberFormat) -> Int {
        max(number.width, header.count)
    }

    /// `n` in superscript digits: 12 -> "¹²".
    private static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    /// One cell of the bus, from the lines that meet in it.
    private static func busCharacter(up: Bool, down: Bool, left: Bool, right: Bool, ascii: Bool) -> Character {
        if ascii {
            if up || down { return left || right ? "+" : "|" }
            return left || right ? "-" : " "
        }
        switch (up, down, left, right) {
        case (true, true, true, true): return "┼"
        case (true, true, true, false): return "┤"
        case (true, true, false, true): return "├"
        case (true, true, false, false): return "│"
        case (false, true, true, true): return "┬"
        case (true, false, true, true): return "┴"
        case (false, true, true, false): return "┐"
        case (false, true, false, true): return "┌"
        case (true, false, true, false): return "┘"
        case (true, false, false, true): return "└"
        case (true, false, false, false), (false, true, false, false): return "│"
        case (false, false, true, _), (false, false, false, true): return "─"
        case (false, false, false, false): return " "
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

extension NetworkPane {
    /// Rows the pane needs to be worth drawing: its box, the column headers and one neuron.
    static let minimumHeight = 4

    /// The network of `frame`'s step, when it has two layers or more (one layer is all in the
    /// layer and predictions panes).
    static func pane(for frame: FrameInput) -> (any Pane)? {
        guard frame.trace.layers.count > 1 else { return nil }
        var hidden: (column: Int, neuron: Int)? = nil
        if case .errorSentBack(let layer, let neuron, _)? = frame.asked { hidden = (layer + 1, neuron) }
        // The column kept in view (0 the inputs, l layer l): the δ the error asked for is made
        // of, or the walk's phase's layer (its h going forward, its δ going back; ŷ for the cost).
        let focus: Int?
        if let quiz = frame.state.quiz {
            focus = quiz.question.layerSendingBack.map { $0 + 1 }
        } else {
            switch frame.state.walkPhase {
            case .forward(let layer)?, .backward(let layer)?: focus = layer + 1
            case .cost?: focus = frame.trace.layers.count
            default: focus = nil
            }
        }
        return NetworkPane(trace: frame.trace, focusColumn: focus, hiddenDelta: hidden)
    }

    /// Every neuron and the title.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        let sizes = [trace.inputs.columns] + trace.layers.map { $0.output.columns }
        let natural = NetworkPane.naturalSize(sizes: sizes, number: offer.number, glyphs: offer.glyphs)
        return PaneNeeds(wantedWidth: natural.width, wantedHeight: natural.height)
    }
}
