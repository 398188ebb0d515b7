import Foundation

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
struct CostPane: Pane {
    /// Every cost of the run, summarised; its last step is the step reached.
    let curve: CostCurve
    /// Linear or log y axis.
    let scale: CostScale

    /// A pane needs this many inner rows to keep an x axis line and a row of step labels inside
    /// it; below that, the step labels go in the bottom border.
    static let rowsForStepAxisInside = 10

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let number = context.number
        let scaleName = scale == .log ? "log" : "linear"
        canvas.drawBox(area, title: "Cost C (\(scaleName), g toggles)", glyphs: glyphs)
        let inside = area.inset(by: 1)
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
        guard plot.width > 0, plot.height > 0, let overall = curve.overall else { return }
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
        for (row, fraction) in labels {
            canvas.put(
                number.string(axis.value(atFraction: fraction)), x: inside.x + 1, y: row, style: labelStyle,
                clip: inside)
            canvas.put(String(glyphs.axisTick), x: axisX, y: row, style: axisStyle, clip: inside)
        }

        drawLine(on: &canvas, plot: plot, axis: axis, dots: glyphs.curveDots)
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

    /// The curve, dot column by dot column from the left.
    private func drawLine(on canvas: inout Canvas, plot: Rect, axis: AxisScale, dots: CurveDots) {
        let columns = plot.width * dots.columnsPerCell
        let rows = plot.height * dots.rowsPerCell
        var line = DotLine(plot: plot, dots: dots, style: Style(foreground: .yellow))
        let steps = curve.lastStep + 1
        if steps > columns {
            // Each dot column covers an equal share of the steps, from its lowest cost to its
            // highest.
            for column in 0..<columns {
                let lower = column * steps / columns
                let upper = (column + 1) * steps / columns
                guard let bucket = curve.summary(steps: lower, upper), bucket.hasFiniteCost else { continue }
                line.add(
                    column: column, low: axis.division(of: bucket.min, count: rows),
                    high: axis.division(of: bucket.max, count: rows), on: &canvas)
            }
        } else {
            // Step s sits at column s(columns - 1)/(steps - 1): step 0 at the left edge, the step
            // reached at the right. The columns between two steps follow the straight line
            // between their dots (straight on the screen, so also on a log axis).
            var previous: (column: Int, row: Double)?
            for step in 0..<steps {
                let column = steps == 1 ? 0 : step * (columns - 1) / (steps - 1)
                guard let bucket = curve.summary(steps: step, step + 1), bucket.hasFiniteCost else {
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
                        line.add(column: between, low: betweenRow, high: betweenRow, on: &canvas)
                    }
                }
                line.add(column: column, low: low, high: high, on: &canvas)
                previous = (column, row)
            }
        }
        line.finish(on: &canvas)
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
