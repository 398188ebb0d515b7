/// The cost curve of the whole run, from step 0 to the step reached, drawn as a line from the
/// bounded `CostCurve`.
///
/// The line is made of dots, several to a cell (`CurveDots`: braille 2x4, or ASCII marks at 4
/// heights), so it moves smoothly and a short pane still shows its shape. The x axis runs from
/// step 0 at the left edge to the step reached at the right edge:
/// - a run with more steps than there are dot columns gives each column an equal share of the
///   steps and draws the share's lowest to highest cost, so an oscillating run shows its
///   envelope rather than a line that happens to hit one side of it;
/// - a shorter run is stretched over the width, each step at its own column and straight lines
///   between them.
/// Consecutive columns are joined vertically, so a steep fall stays one unbroken line. Steps
/// whose cost is NaN or infinite are left out, and the line is not joined across them.
/// The y range (0 to the largest cost, or log10 between the smallest positive and the largest)
/// and the step range are printed on the axes.
///
/// In a race the y range covers every runner's finite costs; the run on screen keeps its line,
/// and each other runner is drawn on the same x axis with its lane's marker (`o + x *`) in each
/// cell column its curve passes, from the column's lowest to its highest cost, in its lane's
/// colour; cells that several runners pass through take turns among them. A legend line at the top names each runner's mark, optimizer and
/// current cost (in the top border when the pane has fewer than 4 inner rows).
struct CostPane: Pane {
    /// Every cost of the run, summarised; its last step is the step reached.
    let curve: CostCurve
    /// Linear or log y axis.
    let scale: CostScale
    /// The runners of a race, lane 0 (whose curve is `curve`) first; empty without a race.
    var runners: [RaceRunner] = []
    /// Whether the run has mini-batches or a test split: its costs are per sample from step 0,
    /// before the first batch's cost is recorded, so the title does not change under the class.
    var runIsPerSample = false

    /// Whether every series is drawn per sample: for a run with mini-batches or a split, and
    /// for as long as the curve holds a test or batch cost (a run back to full batches keeps
    /// the unit its curve began with). A race compares whole costs.
    private var perSample: Bool { runners.count <= 1 && (runIsPerSample || curve.showsPerSample) }

    /// A pane needs this many inner rows to keep an x axis line and a row of step labels inside
    /// it; below that, the step labels go in the bottom border.
    static let rowsForStepAxisInside = 10

    /// A race's legend takes an inner row when the pane has this many; below that, it goes in
    /// the top border, so that the curves keep at least 3 rows.
    static let rowsForLegendInside = 4

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let number = context.number
        let scaleName = scale == .log ? "log" : "linear"
        let isRace = runners.count > 1
        let legendInside = isRace && area.height - 2 >= CostPane.rowsForLegendInside
        // The scale outranks the key that toggles it.
        // What tells the series apart: the test cost's mark, and each batch's cost drawn faint
        // (grey); "dim" would read as a dimension. Shorter words where the full ones do not fit.
        let series = curve.hasTest ? "train \(glyphs.curveMark) test \(glyphs.testMark)" : nil
        func kinds(_ batch: String) -> String {
            let all = [series, curve.hasBatch ? batch : nil].compactMap { $0 }.joined(separator: ", ")
            return all.isEmpty ? "" : ": \(all)"
        }
        let (long, short) = (kinds("each batch's cost faint"), kinds("batches faint"))
        let title = LineFit.first(
            perSample
                ? [
                    "Cost per sample\(long) (\(scaleName), g toggles)", "Cost per sample\(long) (\(scaleName))",
                    "Cost per sample\(short) (\(scaleName))", "C/N\(long) (\(scaleName))",
                    "C/N\(short) (\(scaleName))", "C/N (\(scaleName))",
                ]
                : ["Cost C (\(scaleName), g toggles)", "Cost C (\(scaleName))", "C (\(scaleName))"],
            width: area.width - 4, ellipsis: glyphs.ellipsis)
        canvas.drawBox(area, title: isRace && !legendInside ? "" : title, glyphs: glyphs)
        if isRace {
            // The legend's row: the first inner row after a blank (where the y labels start),
            // or the top border after its corner.
            let row =
                legendInside
                ? Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: 1)
                : Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
            drawLegend(on: &canvas, in: row, glyphs: glyphs, padded: !legendInside)
        }
        var inside = area.inset(by: 1)
        if legendInside {
            inside = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
        }
        let labelWidth = number.width + 2
        // An axis line and a label row cost two rows of curve. In a short pane (5 inner rows at
        // 80x24) those two rows are 40% of the plot, and the curve is what the pane is for, so
        // every inner row goes to the curve and the step range is written into the bottom
        // border, which is drawn anyway and sits right under the plot. A tall pane can spare
        // the rows, and a real axis line with its corner reads more like a chart.
        let showsStepAxisInside = inside.height >= CostPane.rowsForStepAxisInside
        let plot = Rect(
            x: inside.x + labelWidth + 1, y: inside.y, width: inside.width - labelWidth - 2,
            height: showsStepAxisInside ? inside.height - 2 : inside.height)
        // With a test split or mini-batches every series is per sample, so that they compare.
        let factor = perSample ? curve.perSample(1) : 1
        var overall =
            isRace ? runners.compactMap(\.costCurve.overall).reduce(nil) { $0?.merged(with: $1) ?? $1 } : curve.overall
        if perSample, var training = overall {
            (training.min, training.max) = (training.min * factor, training.max * factor)
            overall = [curve.overall(of: .test), curve.overall(of: .batch)].compactMap { $0 }
                .reduce(training) { $0.merged(with: $1) }
        }
        guard plot.width > 0, plot.height > 0, let overall else { return }
        let axisStyle = Style(dim: true)
        let labelStyle = Style(dim: true)

        // Axes.
        let axisX = plot.x - 1
        for row in plot.y..<plot.maxY {
            canvas.put(String(glyphs.vertical), x: axisX, y: row, style: axisStyle, clip: inside)
        }
        if showsStepAxisInside {
            canvas.put(String(glyphs.axisCorner), x: axisX, y: plot.maxY, style: axisStyle, clip: inside)
            canvas.put(
                String(repeating: glyphs.horizontal, count: plot.width), x: plot.x, y: plot.maxY, style: axisStyle,
                clip: inside)
        }

        // x labels: step 0 under the first column, the step reached under the last.
        let lastStep = max(0, curve.lastStep)
        if showsStepAxisInside {
            drawStepLabels(on: &canvas, plot: plot, lastStep: lastStep, y: plot.maxY + 1, padding: "", clip: inside)
        } else if area.height >= 2 {
            let border = Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1)
            drawStepLabels(on: &canvas, plot: plot, lastStep: lastStep, y: border.y, padding: " ", clip: border)
        }

        guard let axis = AxisScale(overall: overall, kind: scale) else {
            canvas.put("no finite cost to draw", x: plot.x + 1, y: plot.y, style: labelStyle, clip: inside)
            return
        }

        // y labels: the top edge is the largest cost, the bottom edge the smallest shown; with
        // room, a middle row is labelled with the cost at its centre.
        var labels = plot.height > 1 ? [(plot.y, 1.0), (plot.maxY - 1, 0.0)] : [(plot.y, 1.0)]
        if plot.height >= 5 {
            let middle = plot.height / 2
            labels.append((plot.maxY - 1 - middle, (Double(middle) + 0.5) / Double(plot.height)))
        }
        // A linear axis's labels share their decimals; a log axis spans decades, each label
        // written on its own.
        let values = labels.map { axis.value(atFraction: $0.1) }
        let texts = axis.isLog ? values.map(number.string) : number.axisLabels(values)
        for ((row, _), text) in zip(labels, texts) {
            canvas.put(text, x: inside.x + 1, y: row, style: labelStyle, clip: inside)
            canvas.put(String(glyphs.axisTick), x: axisX, y: row, style: axisStyle, clip: inside)
        }

        let steps = curve.lastStep + 1
        let dots = glyphs.curveDots
        if perSample && curve.hasBatch {
            // Each batch's cost first, lighter: the exact C is drawn over it.
            // Grey, not a dim yellow: on many terminals a dim colour is hard to tell from the
            // colour, and the exact C must stand out of the noise.
            var noise = DotLine(plot: plot, dots: dots, style: Style(dim: true))
            CostPane.walk(
                curve, steps: steps, columns: plot.width * dots.columnsPerCell, rows: plot.height * dots.rowsPerCell,
                axis: axis, series: .batch
            ) { column, low, high in
                noise.add(column: column, low: low, high: high, on: &canvas)
            }
            noise.finish(on: &canvas)
        }
        var line = DotLine(plot: plot, dots: dots, style: Style(foreground: .yellow))
        CostPane.walk(
            curve, steps: steps, columns: plot.width * dots.columnsPerCell, rows: plot.height * dots.rowsPerCell,
            axis: axis, factor: factor
        ) { column, low, high in
            line.add(column: column, low: low, high: high, on: &canvas)
        }
        line.finish(on: &canvas)
        if perSample && curve.hasTest {
            // The test cost as a mark a cell, in its own colour: told apart without colour too.
            let style = Style(foreground: .cyan, bold: true)
            CostPane.walk(curve, steps: steps, columns: plot.width, rows: plot.height, axis: axis, series: .test) {
                column, low, high in
                for row in low...high {
                    canvas[plot.x + column, plot.maxY - 1 - row] = Cell(Character(glyphs.testMark), style: style)
                }
            }
        }
        if runners.count > 1 { drawRivals(on: &canvas, plot: plot, steps: steps, axis: axis) }
    }

    /// The other runners' markers, one a cell, not joined. Where several runners pass through
    /// one cell (curves that meet, or all of them near 0 on a linear axis) the cells take turns,
    /// by column and row, among the runners there, the line included: a shared stretch reads
    /// `o+⠤o+⠤`, so no runner hides behind another however close they run.
    private func drawRivals(on canvas: inout Canvas, plot: Rect, steps: Int, axis: AxisScale) {
        // Bit l of a cell: lane l passes through it. The line (lane 0) is already drawn, and
        // nothing else is in the plot yet.
        var lanes = [UInt8](repeating: 0, count: plot.width * plot.height)
        for row in 0..<plot.height {
            for column in 0..<plot.width where canvas[plot.x + column, plot.y + row].character != " " {
                lanes[row * plot.width + column] = 1
            }
        }
        for runner in runners.dropFirst() {
            let bit = UInt8(1) << runner.lane
            CostPane.walk(runner.costCurve, steps: steps, columns: plot.width, rows: plot.height, axis: axis) {
                column, low, high in
                for row in low...high { lanes[(plot.height - 1 - row) * plot.width + column] |= bit }
            }
        }
        let byLane = Dictionary(uniqueKeysWithValues: runners.map { ($0.lane, $0) })
        for row in 0..<plot.height {
            for column in 0..<plot.width where lanes[row * plot.width + column] > 1 {
                let here = lanes[row * plot.width + column]
                let present = (0..<8).filter { here & (1 << $0) != 0 }
                let lane = present[(column + row) % present.count]
                guard let runner = byLane[lane], let marker = runner.marker else { continue }
                canvas[plot.x + column, plot.y + row] = Cell(marker, style: Style(foreground: runner.color))
            }
        }
    }

    /// Each runner's mark, optimizer and cost, two spaces apart: full names with costs if they
    /// fit `row`, else short names, else the marks and names alone, at last one space apart
    /// (every runner stays named: the legend is what makes the marks readable). `padded` puts a
    /// space either side, to stand out of a border line.
    private func drawLegend(on canvas: inout Canvas, in row: Rect, glyphs: Glyphs, padded: Bool) {
        let width = row.width - (padded ? 2 : 0)
        let marks = runners.map { $0.marker.map { String($0) } ?? glyphs.curveMark }
        typealias Form = (texts: [String], gap: String)
        func form(short: Bool, costs: Bool, gap: String = "  ") -> Form {
            let texts = runners.map { runner in
                let name = short ? runner.name.abbreviation : runner.name.rawValue
                return costs ? "\(name) \(runner.costText)" : name
            }
            return (texts, gap)
        }
        func length(_ form: Form) -> Int {
            zip(marks, form.texts).map { $0.count + 1 + $1.count }.reduce(0, +) + form.gap.count * (marks.count - 1)
        }
        let forms = [
            form(short: false, costs: true), form(short: true, costs: true), form(short: false, costs: false),
            form(short: true, costs: false), form(short: true, costs: false, gap: " "),
        ]
        let chosen = forms.first { length($0) <= width } ?? forms[forms.count - 1]
        var x = row.x
        if padded { x = canvas.put(" ", x: x, y: row.y, clip: row) }
        for (index, runner) in runners.enumerated() {
            if index > 0 { x = canvas.put(chosen.gap, x: x, y: row.y, clip: row) }
            let style = Style(foreground: runner.color)
            x = canvas.put(
                marks[index] + " ", x: x, y: row.y, style: Style(foreground: runner.color, bold: true), clip: row)
            let text = chosen.texts[index]
            let name = text.prefix { $0 != " " }
            x = canvas.put(String(name), x: x, y: row.y, style: style, clip: row)
            x = canvas.put(String(text.dropFirst(name.count)), x: x, y: row.y, clip: row)
        }
        if padded { canvas.put(" ", x: x, y: row.y, clip: row) }
    }

    /// "0", "step" and the last step on row `y`, the numbers under the first and last columns of
    /// the plot, each with `padding` either side (to stand out of a border line). "step" is left
    /// out where it would touch a number.
    private func drawStepLabels(
        on canvas: inout Canvas, plot: Rect, lastStep: Int, y: Int, padding: String, clip: Rect
    ) {
        let style = Style(dim: true)
        let pad = padding.count
        let first = "\(padding)0\(padding)"
        let last = "\(padding)\(lastStep)\(padding)"
        let firstEnd = canvas.put(first, x: plot.x - pad, y: y, style: style, clip: clip)
        let lastX = plot.maxX - last.count + pad
        let word = "\(padding)step\(padding)"
        let wordX = plot.x + (plot.width - word.count) / 2
        if wordX > firstEnd, wordX + word.count < lastX {
            canvas.put(word, x: wordX, y: y, style: style, clip: clip)
        }
        canvas.put(last, x: lastX, y: y, style: style, clip: clip)
    }

    /// Hands `add` the rows of `curve` column by column from the left, on an x axis from step 0
    /// to step `steps - 1` over `columns` columns and a y axis of `rows` rows from the bottom
    /// (dots for the line, cells for a race's markers). Columns where the curve has no finite
    /// cost (before a runner joined a race, after it diverged) are skipped.
    private static func walk(
        _ curve: CostCurve, steps: Int, columns: Int, rows: Int, axis: AxisScale, series: CostSeries = .training,
        factor: Double = 1, _ add: (_ column: Int, _ low: Int, _ high: Int) -> Void
    ) {
        func summary(_ lower: Int, _ upper: Int) -> CostBucket? {
            guard var bucket = curve.summary(steps: lower, upper, of: series) else { return nil }
            if factor != 1 { (bucket.min, bucket.max) = (bucket.min * factor, bucket.max * factor) }
            return bucket
        }
        if steps > columns {
            // Each column covers an equal share of the steps, from its lowest cost to its
            // highest.
            for column in 0..<columns {
                let lower = column * steps / columns
                let upper = (column + 1) * steps / columns
                guard let bucket = summary(lower, upper), bucket.hasFiniteCost else { continue }
                add(column, axis.division(of: bucket.min, count: rows), axis.division(of: bucket.max, count: rows))
            }
        } else {
            // Step s sits at column s(columns - 1)/(steps - 1): step 0 at the left edge, the step
            // reached at the right. The columns between two steps follow the straight line
            // between their dots (straight on the screen, so also on a log axis).
            var previous: (column: Int, row: Double)?
            for step in 0..<steps {
                let column = steps == 1 ? 0 : step * (columns - 1) / (steps - 1)
                guard let bucket = summary(step, step + 1), bucket.hasFiniteCost else {
                    previous = nil
                    continue
                }
                let low = axis.division(of: bucket.min, count: rows)
                let high = axis.division(of: bucket.max, count: rows)
                let row = Double(low + high) / 2
                if let previous, previous.column + 1 < column {
                    for between in (previous.column + 1)..<column {
                        let t = Double(between - previous.column) / Double(column - previous.column)
                        let betweenRow = Int((previous.row + t * (row - previous.row)).rounded())
                        add(between, betweenRow, betweenRow)
                    }
                }
                add(column, low, high)
                previous = (column, row)
            }
        }
    }
}

/// The dots of the curve, handed over one dot column at a time from left to right, written to
/// the canvas one cell column at a time: no buffer, each cell written once, no allocation.
private struct DotLine {
    let plot: Rect
    let dots: CurveDots
    let style: Style
    /// The cell column being filled; -1 before the first.
    private var cellColumn = -1
    /// Its dots, as the lowest and highest dot row (0 at the bottom of the plot) of each dot
    /// column in it; low > high where a column has none.
    private var lows = (Int.max, Int.max)
    private var highs = (Int.min, Int.min)
    /// The dot column added last and its own span (before joining), to join the next one to.
    private var previous: (column: Int, low: Int, high: Int)?

    init(plot: Rect, dots: CurveDots, style: Style) {
        self.plot = plot
        self.dots = dots
        self.style = style
    }

    /// Dots from row `low` to `high` in dot column `column`, joined to the column before it when
    /// that one was drawn: a column above or below the previous one reaches to the row next to
    /// it, so the line has no gap however steep.
    mutating func add(column: Int, low: Int, high: Int, on canvas: inout Canvas) {
        var (from, to) = (low, high)
        if let previous, previous.column == column - 1 {
            if from > previous.high + 1 { from = previous.high + 1 }
            if to < previous.low - 1 { to = previous.low - 1 }
        }
        previous = (column, low, high)
        let cell = column / dots.columnsPerCell
        if cell != cellColumn {
            finish(on: &canvas)
            cellColumn = cell
        }
        if column % dots.columnsPerCell == 0 {
            (lows.0, highs.0) = (from, to)
        } else {
            (lows.1, highs.1) = (from, to)
        }
    }

    /// Writes the cell column being filled.
    mutating func finish(on canvas: inout Canvas) {
        defer {
            lows = (Int.max, Int.max)
            highs = (Int.min, Int.min)
        }
        let low = min(lows.0, lows.1)
        let high = max(highs.0, highs.1)
        guard cellColumn >= 0, low <= high else { return }
        let perCell = dots.rowsPerCell
        for cellRow in (low / perCell)...(high / perCell) {
            let bottom = cellRow * perCell
            let character = dots.character(
                left: mask(lows.0, highs.0, bottom: bottom), right: mask(lows.1, highs.1, bottom: bottom))
            canvas[plot.x + cellColumn, plot.maxY - 1 - cellRow] = Cell(character, style: style)
        }
    }

    /// The dots of rows `low...high` that fall in the cell whose bottom dot row is `bottom`, bit
    /// 0 for its top row.
    private func mask(_ low: Int, _ high: Int, bottom: Int) -> Int {
        var mask = 0
        for k in 0..<dots.rowsPerCell {
            let row = bottom + dots.rowsPerCell - 1 - k
            if row >= low && row <= high { mask |= 1 << k }
        }
        return mask
    }
}

extension CostPane {
    /// Rows the cost pane wants: its box and 5 rows of curve.
    static let wantedHeight = 7
    /// Rows the cost pane needs to be worth drawing: its box and two rows of curve.
    static let minimumHeight = 4
    /// Columns the cost curve needs beside another pane.
    static let minimumWidth = 30

    /// `frame`'s cost curve, with a race's runners.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let trainer = frame.state.trainer
        return CostPane(
            curve: frame.state.costCurve, scale: frame.state.costScale, runners: frame.state.raceRunners,
            runIsPerSample: trainer.miniBatchSize != nil || trainer.scenario.split.hasTest)
    }

    /// 5 rows of curve (and a race's legend row), at least 2 and 30 columns.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        PaneNeeds(
            minimumWidth: CostPane.minimumWidth, minimumHeight: CostPane.minimumHeight,
            wantedHeight: CostPane.wantedHeight + (runners.count > 1 ? 1 : 0))
    }
}
