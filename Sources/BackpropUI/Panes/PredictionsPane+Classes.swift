import BackpropCore

/// The predictions a class a row, for one-hot targets whose outputs do not all fit across
/// (the digits' 10 at 80 or 120 columns): per sample its number, its class y, the class ŷ
/// names, that class's ŷ (its probability under softmax), right or wrong (✓ ✗, `ok` `no` in
/// ASCII, green and red), and its share of the cost.
///
/// Below the width that shows every output's columns, the outputs around the selected one
/// would say little about ten classes; this says what a class asks first: what did the network
/// read, how sure was it, was it right. Where every output fits (the article's two, rings' three
/// on a wide terminal) the pane keeps them, ŷ_j beside y_j and ŷ_j - y_j, which is δᴸ.
extension PredictionsPane {
    /// Columns of a class name (`y`, `ŷ`): the longest name, and at least 2 (ASCII's `y^`).
    static func classWidth(_ verdicts: ClassVerdicts) -> Int {
        max(2, verdicts.names.map(\.count).max() ?? 1)
    }

    /// The width of the class form, box included: the marker column, #, y, ŷ, its value, the
    /// right-or-wrong mark, the cost, and a blank before the border.
    static func classFormWidth(samples: Int, verdicts: ClassVerdicts, number: NumberFormat, glyphs: Glyphs) -> Int {
        let name = classWidth(verdicts)
        let mark = max(DisplayWidth.of(glyphs.right), DisplayWidth.of(glyphs.wrong))
        // The cost's change mark takes the last column, the blank before the border.
        return 2 + 1 + indexWidth(samples: samples) + 2 * (1 + name) + (1 + number.width) + (1 + mark)
            + (1 + number.width) + 1 + 1
    }

    /// Whether the pane is drawn a class a row in `width` columns: one-hot targets (one output
    /// a class) whose outputs, even without the x columns, do not all fit.
    func showsClasses(width: Int, number: NumberFormat) -> Bool {
        guard let verdicts, targets.columns >= 2, verdicts.classCount == targets.columns else { return false }
        let everyOutput =
            3 + PredictionsPane.indexWidth(samples: inputs.rows)
            + targetWidths.reduce(0) { $0 + PredictionsPane.outputWidth(target: $1, number: number) }
            + PredictionsPane.costWidth(number) + 1
        return everyOutput > width
    }

    /// Draws the class form: the header, a row a sample of `order` in the window `samples`, and
    /// what is hidden.
    func drawClasses(
        on canvas: inout Canvas, in area: Rect, context: PaneContext, order: [Int?], samples: ScrollWindow
    ) {
        guard let verdicts else { return }
        let glyphs = context.glyphs
        let number = context.number
        let inside = area.inset(by: 1)
        let walk = WalkHighlight(phase: context.walkPhase, layerCount: layerCount)
        let title = layerCount == 1 ? "Predictions \(glyphs.prediction) = g(xW + b)" : "Predictions"
        canvas.drawBox(area, title: fullTitle(title, width: area.width, context: context), glyphs: glyphs)
        guard inside.width > 0, inside.height > 0 else { return }
        let indexWidth = PredictionsPane.indexWidth(samples: inputs.rows)
        let name = PredictionsPane.classWidth(verdicts)
        let markWidth = max(DisplayWidth.of(glyphs.right), DisplayWidth.of(glyphs.wrong))
        // Narrowed beside the Confusion pane, the cost column goes first, and the bottom edge
        // says so.
        let showsCost =
            area.width
            >= PredictionsPane.classFormWidth(samples: inputs.rows, verdicts: verdicts, number: number, glyphs: glyphs)
        if !showsCost { canvas.drawBottomNote(["cost hidden"], in: area, style: Style(dim: true)) }
        let trainingSet = Set(trainingSamples)
        let hasTest = trainingSamples.count < inputs.rows
        let bold = Style(bold: true)

        // Header: y is the class a sample is, ŷ the class the network reads; under softmax its ŷ
        // is the probability it gives that class.
        var x = inside.x + 1
        x = canvas.put(pad("#", indexWidth), x: x, y: inside.y, style: bold, clip: inside)
        x = canvas.put(" " + pad("y", name), x: x, y: inside.y, style: bold, clip: inside)
        x = canvas.put(" " + pad(glyphs.prediction, name), x: x, y: inside.y, style: bold, clip: inside)
        let value = loss == .ce ? "p(\(glyphs.prediction))" : "\(glyphs.prediction) max"
        x = canvas.put(" " + pad(value, number.width), x: x, y: inside.y, style: bold, clip: inside)
        x += 1 + markWidth
        if showsCost { canvas.put(" " + pad("cost", number.width), x: x, y: inside.y, style: bold, clip: inside) }

        for (position, row) in samples.range.enumerated() {
            let y = inside.y + 1 + position
            x = inside.x + 1
            guard let sample = order[row] else {
                canvas.put(
                    testHeading(order: order, width: inside.maxX - x, ellipsis: glyphs.ellipsis), x: x, y: y,
                    style: Style(dim: true), clip: inside)
                continue
            }
            let isTest = hasTest && !trainingSet.contains(sample)
            markRow(of: sample, isTest: isTest, at: x - 1, y, glyphs: glyphs, on: &canvas, clip: area)
            let chosen = sample == context.sample && (layerCount > 1 || listing != .every)
            x = canvas.put(
                pad("\(sample + 1)", indexWidth), x: x, y: y, style: chosen ? Style(reverse: true) : bold, clip: inside)
            let right = verdicts.isRight(sample)
            let verdict = Style(foreground: right ? .green : .red, bold: !right)
            x = canvas.put(" " + pad(verdicts.names[verdicts.labels[sample]], name), x: x, y: y, clip: inside)
            // A tie or a NaN names no class: `?`, and its value says why.
            let guess = verdicts.predicted[sample].map { verdicts.names[$0] } ?? "?"
            x = canvas.put(" ", x: x, y: y, clip: inside)
            x = canvas.put(pad(guess, name), x: x, y: y, style: verdict, clip: inside)
            x = canvas.put(" ", x: x, y: y, clip: inside)
            let confidence = verdicts.confidence[sample]
            var mark = ChangeMark(value: confidence, previous: nil, number: number, glyphs: glyphs)
            if walk.predictions { mark = mark.underlined() }
            x = canvas.put(number.string(confidence), x: x, y: y, style: mark.valueStyle, clip: inside)
            x = canvas.put(" ", x: x, y: y, clip: inside)
            x = canvas.put(
                pad(right ? glyphs.right : glyphs.wrong, markWidth), x: x, y: y, style: verdict, clip: inside)
            x = canvas.put(" ", x: x, y: y, clip: inside)
            if showsCost {
                drawCost(of: sample, isTest: isTest, x: x, y: y, on: &canvas, clip: inside, context: context)
            }
        }
        drawHiddenCount(on: &canvas, inside: inside, order: order, samples: samples, glyphs: glyphs)
    }
}
