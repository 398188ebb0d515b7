import BackpropCore

/// One row per sample: its inputs x, then for each output ŷ_j beside its target y_j and the
/// error ŷ_j - y_j, then the sample's share of the cost. The data columns are as narrow as the
/// data; the computed columns share one number format, chosen from the values shown. When the
/// targets are classes (`TargetClasses`), the title says how many samples are right.
///
/// More samples than rows: the rows around the selected sample (`<` `>`), and a last line that
/// says how many are hidden. More outputs than fit across: the outputs around the selected
/// parameter's (when it is in the last layer), the x columns dropped first, and the title says
/// which are shown.
struct PredictionsPane: Pane {
    /// x, N x n⁰.
    let inputs: Matrix
    /// y, N x nᴸ.
    let targets: Matrix
    /// ŷ now, and the output layer's a it came from (a cross-entropy's share of C needs a).
    let prediction: Matrix
    let preActivation: Matrix
    /// ŷ and a before the last step, for the change marks.
    let previousPrediction: Matrix?
    let previousPreActivation: Matrix?
    /// How many training samples ŷ gets right, when the targets are classes.
    let rightCount: Int?
    /// The cost function, for each sample's share.
    let loss: Loss
    /// L, the number of layers.
    let layerCount: Int
    /// Columns of each input's and target's data (`dataWidths`).
    let inputWidths: [Int]
    let targetWidths: [Int]
    /// The training samples (every sample without a split).
    var trainingCount: Int { trainingSamples.count }
    /// The data indices of the training samples, and of the next step's batch (marked).
    var trainingSamples: [Int] = []
    var nextBatch: Set<Int> = []

    /// The width of a data column: its label or its values among the first `rows` rows lined
    /// up on their decimal points, at most `limit`.
    static func dataWidths(_ matrix: Matrix, label: String, rows: Int, limit: Int) -> [Int] {
        (0..<matrix.columns).map { column in
            let values = DecimalColumn(matrix, column: column, rows: 0..<min(rows, matrix.rows))
            return min(max("\(label)\(column + 1)".count, values.width), limit)
        }
    }

    /// Columns of the sample number.
    static func indexWidth(samples: Int) -> Int { max(1, String(samples).count) }

    /// Columns of one output's ŷ, mark, y and ŷ - y, with the separator before them.
    static func outputWidth(target: Int, number: NumberFormat) -> Int {
        3 + number.width + 1 + 1 + target + 1 + number.width
    }

    /// Columns of the cost column with its separator and mark.
    static func costWidth(_ number: NumberFormat) -> Int { 3 + number.width + 1 }

    /// The width that shows every column, box included.
    static func naturalWidth(samples: Int, inputWidths: [Int], targetWidths: [Int], number: NumberFormat) -> Int {
        3 + indexWidth(samples: samples) + inputWidths.reduce(0) { $0 + 1 + $1 }
            + targetWidths.reduce(0) { $0 + outputWidth(target: $1, number: number) } + costWidth(number) + 1
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let inside = area.inset(by: 1)
        let walk = WalkHighlight(phase: context.walkPhase, layerCount: layerCount)
        // With a test split the training samples come first and the test samples after them,
        // under a heading row (nil), so a class reads the two sets apart.
        let trainingSet = Set(trainingSamples)
        let hasTest = trainingSamples.count < inputs.rows
        let order: [Int?] =
            hasTest
            ? trainingSamples + [nil] + (0..<inputs.rows).filter { !trainingSet.contains($0) }
            : Array(0..<inputs.rows)
        let samples = ScrollWindow(
            count: order.count, room: inside.height - 1, keeping: order.firstIndex(of: context.sample), markerRoom: 1)
        let indexWidth = PredictionsPane.indexWidth(samples: inputs.rows)

        let number = context.number
        let shown = samples.range.compactMap { order[$0] }
        // The data columns line up on their decimal points over the rows shown.
        let inputColumns = (0..<inputs.columns).map { DecimalColumn(inputs, column: $0, rows: shown) }
        let targetColumns = (0..<targets.columns).map { DecimalColumn(targets, column: $0, rows: shown) }

        // What fits across: every x column if the outputs still fit, the outputs around the
        // selected one otherwise.
        let fixed = 1 + indexWidth + PredictionsPane.costWidth(number)
        let inputsWidth = inputWidths.reduce(0) { $0 + 1 + $1 }
        let outputWidths = targetWidths.map { PredictionsPane.outputWidth(target: $0, number: number) }
        let groupWidth = max(1, outputWidths.max() ?? 1)
        // The x columns stay while they cost no output column.
        let withInputs = min(targets.columns, max(0, (inside.width - fixed - inputsWidth) / groupWidth))
        let withoutInputs = min(targets.columns, max(0, (inside.width - fixed) / groupWidth))
        let showsInputs = withInputs >= 1 && withInputs >= withoutInputs
        let room = inside.width - fixed - (showsInputs ? inputsWidth : 0)
        let selectedOutput = context.selection.layer == layerCount - 1 ? context.selection.column : nil
        let outputs = ScrollWindow(count: targets.columns, room: max(1, room / groupWidth), keeping: selectedOutput)

        var title =
            layerCount == 1 ? "Predictions \(glyphs.prediction) = g(xW + b)" : "Predictions \(glyphs.prediction)"
        // What is left out, in parentheses after the symbol: "ŷ ŷ1-ŷ2 of 3 shown" read as two ŷs.
        var hidden: [String] = []
        if outputs.isPartial {
            hidden.append(
                "\(glyphs.prediction)\(outputs.first + 1)-\(glyphs.prediction)\(outputs.first + outputs.shown) of \(targets.columns) shown"
            )
        }
        if !showsInputs { hidden.append("x hidden") }
        if !hidden.isEmpty { title += " (\(hidden.joined(separator: ", ")))" }
        if let rightCount {
            // What a class cares about, before the formula: it goes last only if nothing else fits.
            let right = "\(rightCount)/\(trainingCount) right"
            title = LineFit.first(
                [
                    title + glyphs.separator + right,
                    title.replacingOccurrences(of: " = g(xW + b)", with: "") + glyphs.separator + right, title,
                ], width: area.width - 4, ellipsis: glyphs.ellipsis)
        }
        canvas.drawBox(area, title: title, glyphs: glyphs)
        guard inside.width > 0, inside.height > 0 else { return }
        let bold = Style(bold: true)
        let separator = Style(dim: true)

        // Header.
        var x = inside.x + 1
        let headerY = inside.y
        x = canvas.put(pad("#", indexWidth), x: x, y: headerY, style: bold, clip: inside)
        if showsInputs {
            for (column, width) in inputWidths.enumerated() {
                x = canvas.put(" " + pad("x\(column + 1)", width), x: x, y: headerY, style: bold, clip: inside)
            }
        }
        for output in outputs.range {
            let j = output + 1
            x = canvas.put(" \(glyphs.vertical) ", x: x, y: headerY, style: separator, clip: inside)
            x = canvas.put(
                pad("\(glyphs.prediction)\(j)", number.width) + " ", x: x, y: headerY, style: bold, clip: inside)
            x = canvas.put(" " + pad("y\(j)", targetWidths[output]), x: x, y: headerY, style: bold, clip: inside)
            x = canvas.put(
                " " + pad("\(glyphs.prediction)\(j)-y\(j)", number.width), x: x, y: headerY, style: bold, clip: inside)
        }
        x = canvas.put(" \(glyphs.vertical) ", x: x, y: headerY, style: separator, clip: inside)
        canvas.put(pad("cost", number.width), x: x, y: headerY, style: bold, clip: inside)

        // One row per sample shown: only these are formatted, so 100,000 samples cost no more.
        for (position, row) in samples.range.enumerated() {
            let y = inside.y + 1 + position
            x = inside.x + 1
            guard let sample = order[row] else {
                let count = inputs.rows - trainingSamples.count
                canvas.put(
                    "test samples (\(count), held out: they never train)", x: x, y: y, style: Style(dim: true),
                    clip: inside)
                continue
            }
            let chosen = sample == context.sample && layerCount > 1
            // The column before the number: the next step's batch (▸, > in ASCII), a held-out
            // test sample (t, its number dim).
            let isTest = hasTest && !trainingSet.contains(sample)
            if nextBatch.contains(sample) {
                canvas.put(
                    glyphs.isASCII ? ">" : "▸", x: x - 1, y: y, style: Style(foreground: .cyan, bold: true), clip: area)
            } else if isTest {
                canvas.put("t", x: x - 1, y: y, style: Style(dim: true), clip: area)
            }
            x = canvas.put(
                pad("\(sample + 1)", indexWidth), x: x, y: y, style: chosen ? Style(reverse: true) : bold, clip: inside)
            if showsInputs {
                for (column, width) in inputWidths.enumerated() {
                    x = canvas.put(
                        " " + inputColumns[column].text(inputs[sample, column], width: width), x: x, y: y, clip: inside)
                }
            }
            for output in outputs.range {
                x = canvas.put(" \(glyphs.vertical) ", x: x, y: y, style: separator, clip: inside)
                let value = prediction[sample, output]
                var mark = ChangeMark(
                    value: value, previous: previousPrediction?[sample, output], number: number, glyphs: glyphs)
                if walk.predictions { mark = mark.underlined() }
                x = mark.draw(number.string(value), x: x, y: y, on: &canvas, clip: inside)
                let target = targetColumns[output].text(targets[sample, output], width: targetWidths[output])
                x = canvas.put(" " + target, x: x, y: y, clip: inside)
                let error = value - targets[sample, output]
                let errorMark = ChangeMark(value: error, previous: nil, number: number, glyphs: glyphs)
                x = canvas.put(" ", x: x, y: y, clip: inside)
                x = canvas.put(number.string(error), x: x, y: y, style: errorMark.valueStyle, clip: inside)
            }
            x = canvas.put(" \(glyphs.vertical) ", x: x, y: y, style: separator, clip: inside)
            // mse divides by N of the sample's own set, as C and the test C do.
            let setSize = isTest ? inputs.rows - trainingSamples.count : trainingSamples.count
            let cost = loss.cost(
                ofSample: sample, preActivation: preActivation, prediction: prediction, targets: targets,
                samples: setSize)
            var previousCost: Double?
            if let previousPrediction, let previousPreActivation {
                previousCost = loss.cost(
                    ofSample: sample, preActivation: previousPreActivation, prediction: previousPrediction,
                    targets: targets, samples: setSize)
            }
            var costMark = ChangeMark(value: cost, previous: previousCost, number: number, glyphs: glyphs)
            if walk.cost { costMark = costMark.underlined() }
            costMark.draw(number.string(cost), x: x, y: y, on: &canvas, clip: inside)
        }
        if samples.isPartial {
            // Samples, not rows: the test heading is no sample.
            let before = order[..<samples.range.lowerBound].count { $0 != nil }
            let after = order[samples.range.upperBound...].count { $0 != nil }
            let text =
                before == 0
                ? "\(after) more \(after == 1 ? "sample" : "samples")"
                : "\(counted(before, "sample")) above, \(after) below"
            canvas.put(
                "\(glyphs.ellipsis) \(text)", x: inside.x + 1, y: inside.y + 1 + samples.shown, style: Style(dim: true),
                clip: inside)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

extension PredictionsPane {
    /// Rows the predictions need at most to be worth showing: the box, the header, two samples
    /// (or the marker of hidden ones).
    static let minimumHeight = 5

    /// `frame`'s samples, ŷ and the marks of the last step, the data columns measured on as
    /// many samples as the terminal has rows.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let state = frame.state
        let trainer = state.trainer
        let scenario = trainer.scenario
        let limit = Layout.narrowNumber.width
        // The marks compare with ŷ before the step, kept for the training samples: only when
        // those are every sample do its rows line up with the data's.
        let previous = state.previous.flatMap { $0.prediction.rows == scenario.sampleCount ? $0 : nil }
        // x as the data gives it, not the features the network computes from it.
        return PredictionsPane(
            inputs: scenario.dataInputs, targets: scenario.targets, prediction: frame.data.everyPrediction,
            preActivation: frame.data.everyPreActivation, previousPrediction: previous?.prediction,
            previousPreActivation: previous?.outputPreActivation, rightCount: frame.data.rightCount,
            loss: trainer.loss, layerCount: trainer.network.layerCount,
            inputWidths: dataWidths(scenario.dataInputs, label: "x", rows: frame.rows, limit: limit),
            targetWidths: dataWidths(scenario.targets, label: "y", rows: frame.rows, limit: limit),
            trainingSamples: scenario.split.training,
            nextBatch: frame.data.nextBatch)
    }

    /// Every column; the box, the header and a row per sample.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        // A test split adds the heading row above the test samples.
        let wanted = inputs.rows + 3 + (trainingSamples.count < inputs.rows ? 1 : 0)
        return PaneNeeds(
            wantedWidth: PredictionsPane.naturalWidth(
                samples: inputs.rows, inputWidths: inputWidths, targetWidths: targetWidths, number: offer.number),
            minimumHeight: min(wanted, PredictionsPane.minimumHeight), wantedHeight: wanted)
    }
}
