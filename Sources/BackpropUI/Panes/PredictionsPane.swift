import BackpropCore

/// One row per sample: its inputs x, then for each output ŷ_j beside its target y_j and the
/// error ŷ_j - y_j, then the sample's share of the cost. The data columns are as narrow as the
/// data; the computed columns share one number format, chosen from the values shown. When the
/// targets are classes (`TargetClasses`), the title says how many samples are right.
///
/// More samples than rows: the rows around the selected sample (`<` `>`), and a last line that
/// says how many are hidden. More outputs than fit across: the outputs around the selected
/// parameter's (when it is in the last layer), the x columns dropped first, and the title says
/// which are shown; but one-hot classes whose outputs do not all fit across are drawn a class
/// a row instead (`PredictionsPane+Classes`): the label, the class ŷ names, its ŷ and right or
/// wrong, which a class reads at a glance where ŷ3-ŷ4 of 10 would say little.
///
/// It lists every sample, or only the wrong ones (`X`), or the samples of the Confusion pane's
/// cell (`listing`); the title says which and how many.
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
    /// The data indices of the test samples (none without a split).
    var testSamples: [Int] = []
    var nextBatch: Set<Int> = []
    /// Each sample's class and the class ŷ names, when every sample is one class.
    var verdicts: ClassVerdicts? = nil
    /// The samples listed: every one, the wrong ones, or a Confusion cell's.
    var listing = PredictionListing.every

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

    /// The rows, in order: the training samples listed, then (under a heading row, `nil`, when
    /// some are held out) the test samples listed, so a class reads the two sets apart. Made from
    /// the lists as they are, with no pass over every sample: the layout asks for it too.
    var order: [Int?] {
        let (training, test) = listing.parts ?? (trainingSamples, testSamples)
        guard hasTestHeading else { return training + test }
        return training + [nil] + test
    }

    /// Rows of `order`, counted without making it.
    var rowCount: Int {
        let (training, test) = listing.parts ?? (trainingSamples, testSamples)
        return training.count + test.count + (hasTestHeading ? 1 : 0)
    }

    /// Whether the test samples listed have their heading row: with a split, always when every
    /// sample is listed, else when some test samples are.
    private var hasTestHeading: Bool {
        guard !testSamples.isEmpty else { return false }
        return listing.parts.map { !$0.test.isEmpty } ?? true
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let order = order
        let samples = sampleWindow(order: order, in: area, context: context)
        if showsClasses(width: area.width, number: context.number) {
            drawClasses(on: &canvas, in: area, context: context, order: order, samples: samples)
        } else {
            drawOutputs(on: &canvas, in: area, context: context, order: order, samples: samples)
        }
    }

    /// The rows of `order` that fit in `area`, around the sample followed; the row of the
    /// window's `position`-th is `inside.y + 1 + position` in both forms of the pane.
    func sampleWindow(order: [Int?], in area: Rect, context: PaneContext) -> ScrollWindow {
        ScrollWindow(
            count: order.count, room: area.inset(by: 1).height - 1, keeping: order.firstIndex(of: context.sample),
            markerRoom: 1)
    }

    /// Each sample's row, across the pane: a click selects the sample.
    func hits(in area: Rect, context: PaneContext) -> [ScreenHit] {
        let inside = area.inset(by: 1)
        guard inside.width > 0, inside.height > 0 else { return [] }
        let order = order
        let samples = sampleWindow(order: order, in: area, context: context)
        return samples.range.enumerated().compactMap { position, row in
            order[row].map {
                ScreenHit(Rect(x: inside.x, y: inside.y + 1 + position, width: inside.width, height: 1), .sample($0))
            }
        }
    }

    /// The wheel walks the samples as `<` `>` do; the rows follow the sample chosen.
    var wheel: PaneWheel? { .samples }

    /// The pane a column group an output: x, then ŷ_j, y_j and ŷ_j - y_j for each output shown.
    private func drawOutputs(
        on canvas: inout Canvas, in area: Rect, context: PaneContext, order: [Int?], samples: ScrollWindow
    ) {
        let glyphs = context.glyphs
        let inside = area.inset(by: 1)
        let walk = WalkHighlight(phase: context.walkPhase, layerCount: layerCount)
        let trainingSet = Set(trainingSamples)
        let hasTest = trainingSamples.count < inputs.rows
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
        canvas.drawBox(area, title: fullTitle(title, width: area.width, context: context), glyphs: glyphs)
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
                canvas.put(
                    testHeading(order: order, width: inside.maxX - x, ellipsis: glyphs.ellipsis), x: x, y: y,
                    style: Style(dim: true), clip: inside)
                continue
            }
            let chosen = sample == context.sample && (layerCount > 1 || listing != .every)
            // The column before the number: the next step's batch (▸, > in ASCII), a held-out
            // test sample (t, its number dim).
            let isTest = hasTest && !trainingSet.contains(sample)
            markRow(of: sample, isTest: isTest, at: x - 1, y, glyphs: glyphs, on: &canvas, clip: area)
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
            drawCost(of: sample, isTest: isTest, x: x, y: y, on: &canvas, clip: inside, context: context)
        }
        drawHiddenCount(on: &canvas, inside: inside, order: order, samples: samples, glyphs: glyphs)
    }

    /// The line under the rows: how many samples are above and below those shown, or, when the
    /// listing is empty, why.
    func drawHiddenCount(on canvas: inout Canvas, inside: Rect, order: [Int?], samples: ScrollWindow, glyphs: Glyphs) {
        if order.isEmpty {
            let none =
                switch listing {
                case .every: ""
                case .wrong: "none: ŷ gets every sample right (X lists all)"
                case .cell(let name, _, _): "none: no sample is \(name) (arrows: another cell)"
                }
            let text = LineFit.words(none, width: inside.width - 1, ellipsis: glyphs.ellipsis)
            canvas.put(text, x: inside.x + 1, y: inside.y + 1, style: Style(dim: true), clip: inside)
            return
        }
        guard samples.isPartial else { return }
        // Samples, not rows: the test heading is no sample.
        let before = order[..<samples.range.lowerBound].count { $0 != nil }
        let after = order[samples.range.upperBound...].count { $0 != nil }
        let candidates =
            before == 0
            ? ["\(after) more \(after == 1 ? "sample" : "samples")", "\(after) more"]
            : [
                "\(counted(before, "sample")) above, \(after) below", "\(before) above, \(after) below",
                "\(after) below",
            ]
        let text = LineFit.first(
            candidates.map { "\(glyphs.ellipsis) \($0)" }, width: inside.width - 1, ellipsis: glyphs.ellipsis)
        canvas.put(text, x: inside.x + 1, y: inside.y + 1 + samples.shown, style: Style(dim: true), clip: inside)
    }

    /// The column before a sample's number: the next step's batch (▸, > in ASCII), else a
    /// held-out test sample (t, dim). Both forms of the pane mark their rows alike.
    func markRow(of sample: Int, isTest: Bool, at x: Int, _ y: Int, glyphs: Glyphs, on canvas: inout Canvas, clip: Rect)
    {
        if nextBatch.contains(sample) {
            canvas.put(glyphs.isASCII ? ">" : "▸", x: x, y: y, style: Style(foreground: .cyan, bold: true), clip: clip)
        } else if isTest {
            canvas.put("t", x: x, y: y, style: Style(dim: true), clip: clip)
        }
    }

    /// The heading row above the test samples, in `width` columns: how many there are (and how
    /// many of them are listed, when not all are), and that they never train.
    func testHeading(order: [Int?], width: Int, ellipsis: String) -> String {
        let count = inputs.rows - trainingSamples.count
        guard listing != .every else { return "test samples (\(count), held out: they never train)" }
        let listed = order.drop { $0 != nil }.dropFirst().count
        return LineFit.first(
            [
                "test samples (\(listed) of \(count) listed, held out: they never train)",
                "test samples (\(listed) of \(count) listed)", "test samples (\(listed) of \(count))",
            ], width: width, ellipsis: ellipsis)
    }

    /// `title` followed by what the rows are: the listing and its count, or how many training
    /// samples ŷ gets right; the longest of these that fits `width`, dropping the first layer's
    /// formula before the count, which is what a class cares about.
    func fullTitle(_ title: String, width: Int, context: PaneContext) -> String {
        let glyphs = context.glyphs
        var phrases: [String]
        switch listing {
        case .every:
            phrases = rightCount.map { ["\($0)/\(trainingCount) right"] } ?? []
        case .wrong(let wrongTraining, let wrongTest):
            let (training, test) = (wrongTraining.count, wrongTest.count)
            let testCount = testSamples.count
            phrases =
                testCount > 0
                ? [
                    "only the wrong: \(thousandsSeparated(training)) of \(thousandsSeparated(trainingCount)) training, \(thousandsSeparated(test)) of \(thousandsSeparated(testCount)) test (X lists all)",
                    "only the wrong: \(thousandsSeparated(training)) of \(thousandsSeparated(trainingCount)) training, \(thousandsSeparated(test)) of \(thousandsSeparated(testCount)) test",
                    "wrong only: \(thousandsSeparated(training + test)) of \(thousandsSeparated(inputs.rows))",
                ]
                : [
                    "only the wrong: \(thousandsSeparated(training)) of \(thousandsSeparated(trainingCount)) (X lists all)",
                    "wrong only: \(thousandsSeparated(training)) of \(thousandsSeparated(trainingCount))",
                ]
            phrases.append("\(thousandsSeparated(training + test)) wrong")
        case .cell(let name, let samples, let isTest):
            let counted =
                "\(thousandsSeparated(samples.count)) \(isTest ? "test " : "")\(samples.count == 1 ? "sample" : "samples")"
            let position = samples.firstIndex(of: context.sample).map { ", \($0 + 1)/\(samples.count)" } ?? ""
            let plain = "\(thousandsSeparated(samples.count)) \(samples.count == 1 ? "sample" : "samples")"
            phrases = ["\(name): \(counted)\(position)", "\(name): \(plain)\(position)", name + position]
        }
        let short = title.replacingOccurrences(of: " = g(xW + b)", with: "")
        var candidates = phrases.flatMap { [title + glyphs.separator + $0, short + glyphs.separator + $0] }
        if case .cell = listing {
            // Beside the matrix a cell's rows say what they are without the pane's name, which
            // goes before the count does.
            candidates =
                Array(candidates.prefix(4)) + phrases.prefix(2) + candidates.dropFirst(4) + phrases.dropFirst(2)
        }
        candidates.append(title)
        return LineFit.first(candidates, width: width - 4, ellipsis: glyphs.ellipsis)
    }

    /// Sample `sample`'s share of the cost at `x`, marked with its change in the last step.
    func drawCost(
        of sample: Int, isTest: Bool, x: Int, y: Int, on canvas: inout Canvas, clip: Rect, context: PaneContext
    ) {
        let number = context.number
        // mse divides by N of the sample's own set, as C and the test C do.
        let setSize = isTest ? inputs.rows - trainingSamples.count : trainingSamples.count
        let cost = loss.cost(
            ofSample: sample, preActivation: preActivation, prediction: prediction, targets: targets, samples: setSize)
        var previousCost: Double?
        if let previousPrediction, let previousPreActivation {
            previousCost = loss.cost(
                ofSample: sample, preActivation: previousPreActivation, prediction: previousPrediction,
                targets: targets, samples: setSize)
        }
        var costMark = ChangeMark(value: cost, previous: previousCost, number: number, glyphs: context.glyphs)
        if WalkHighlight(phase: context.walkPhase, layerCount: layerCount).cost { costMark = costMark.underlined() }
        costMark.draw(number.string(cost), x: x, y: y, on: &canvas, clip: clip)
    }

    func pad(_ text: String, _ width: Int) -> String {
        let columns = DisplayWidth.of(text)
        return columns >= width ? text : String(repeating: " ", count: width - columns) + text
    }
}

extension PredictionsPane {
    /// Rows the predictions need at most to be worth showing: the box, the header, two samples
    /// (or the marker of hidden ones).
    static let minimumHeight = 5
    /// Rows the class form asks for at least: the box, the header, four samples and the line
    /// that says how many more there are.
    static let classFormMinimumHeight = 8

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
        let verdicts = frame.data.classVerdicts
        var listing = PredictionListing.every
        if let verdicts, let cell = state.confusionCell?.clamped(classCount: verdicts.classCount),
            frame.showsConfusion
        {
            let name = "\(verdicts.names[cell.truth]) \(frame.glyphs.arrow) \(verdicts.names[cell.predicted])"
            listing = .cell(
                name: name,
                samples: verdicts.samples(state.confusionSamples, truth: cell.truth, predicted: cell.predicted),
                isTest: scenario.split.hasTest)
        } else if let verdicts, state.listsOnlyWrong {
            listing = .wrong(
                training: verdicts.wrong(among: scenario.split.training),
                test: verdicts.wrong(among: scenario.split.test))
        }
        return PredictionsPane(
            inputs: scenario.dataInputs, targets: scenario.targets, prediction: frame.data.everyPrediction,
            preActivation: frame.data.everyPreActivation, previousPrediction: previous?.prediction,
            previousPreActivation: previous?.outputPreActivation, rightCount: frame.data.rightCount,
            loss: trainer.loss, layerCount: trainer.network.layerCount,
            inputWidths: dataWidths(scenario.dataInputs, label: "x", rows: frame.rows, limit: limit),
            targetWidths: dataWidths(scenario.targets, label: "y", rows: frame.rows, limit: limit),
            trainingSamples: scenario.split.training, testSamples: scenario.split.test,
            nextBatch: frame.data.nextBatch, verdicts: verdicts, listing: listing)
    }

    /// Every column (or the class form's, when the outputs do not all fit the offer); the box,
    /// the header and a row per sample listed.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        let rows = rowCount
        // An empty listing still has its line that says why.
        let wanted = max(1, rows) + 3
        if let verdicts, showsClasses(width: offer.width, number: offer.number) {
            // A row is a sample's whole verdict: a few of them side by side are the pane's point,
            // worth more than a few more rows of a layer of 64 inputs.
            let width = PredictionsPane.classFormWidth(
                samples: inputs.rows, verdicts: verdicts, number: offer.number, glyphs: offer.glyphs)
            return PaneNeeds(
                minimumWidth: width - 2 - offer.number.width, wantedWidth: width,
                minimumHeight: min(wanted, PredictionsPane.classFormMinimumHeight), wantedHeight: wanted)
        }
        let natural = PredictionsPane.naturalWidth(
            samples: inputs.rows, inputWidths: inputWidths, targetWidths: targetWidths, number: offer.number)
        // Narrower, the x columns go first (`draw`): without them every output still shows.
        return PaneNeeds(
            minimumWidth: natural - inputWidths.reduce(0) { $0 + 1 + $1 }, wantedWidth: natural,
            minimumHeight: min(wanted, PredictionsPane.minimumHeight), wantedHeight: wanted)
    }
}
