import BackpropCore

/// The input plane: the network's output ŷ_j painted over the plane of the two inputs, x1
/// across and x2 upwards, with every sample on top, as TensorFlow Playground shows it. It is
/// painted from the network of the state shown, so it moves with each step and `b` scrubs it
/// back; its values are computed once per network and grid (kept in `FrameData.plane`), never per step.
///
/// ```
/// ┌ Input plane · ŷ1 (m hides) ─────────┐
/// │ 1.1 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  │
/// │  x2 ▀▀▀▀▀▀▀▀●▀▀▀▀▀▀▀▀▀▀▀▀▀○▀▀▀▀▀▀▀  │
/// │-0.1 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  │
/// │     -0.1          x1          1.1   │
/// │     0 ▀▀▀▀▀▀▀▀▀▀ 1  ● y1 > 0.5      │
/// └─────────────────────────────────────┘
/// ```
/// A sample is ● (x in ASCII) when its target is above the middle of the ramp's range, else ○
/// (o); in colour its mark is a dark colour of its class's end of the ramp, on its cell's shade.
/// The samples of the batch the next step takes are ◉ ◎ (X O), underlined, and held-out test
/// samples ◆ ◇ (& ~) (`PlaneSampleRole`); the box's bottom edge gives the key. The sample `<` and
/// `>` chose is in reverse video.
///
/// With features (`x1^2,x2^2`) the plane is still x1 across and x2 upwards, the data's own
/// inputs: each point goes through the features before the network (`PlanePainter.points`).
struct PlanePane: Pane {
    /// The network whose output is painted.
    let network: Network
    /// x as the data gives it (N x 2: x1 and x2, whatever features the network sees) and y (N x nᴸ).
    let inputs: Matrix
    let targets: Matrix
    /// j of the output painted (0-based).
    let output: Int
    let names: SymbolNames
    /// The part of the plane shown, painted in colour or in characters.
    let painter: PlanePainter
    /// The values computed for this network by an earlier frame (`FrameData`), used when their
    /// grid is the one this pane draws on.
    var computed: PlaneValues? = nil
    /// The data indices of the held-out test samples and of the next step's mini-batch (empty
    /// without a split or without mini-batches).
    var testSamples: Set<Int> = []
    var nextBatch: Set<Int> = []

    /// Rows the pane uses besides the plot: its box, the x axis labels and the legend.
    static let rowsBesidePlot = 4

    /// The rows the pane wants when `width` columns wide with y labels `labelWidth` wide: a plot
    /// whose pixels are square (a cell is about twice as tall as wide, so a plot twice as wide
    /// as tall is square).
    static func naturalHeight(width: Int, labelWidth: Int) -> Int {
        plotRows(insideWidth: width - 2, labelWidth: labelWidth) + rowsBesidePlot
    }

    /// The rows of a square plot inside `insideWidth` columns beside y labels `labelWidth` wide
    /// (and the space after them and before the border).
    private static func plotRows(insideWidth: Int, labelWidth: Int) -> Int {
        max(0, insideWidth - labelWidth - 2) / 2
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let prediction = names.output(layer: network.layerCount - 1, output)
        let titles = [
            "Input plane\(glyphs.separator)\(prediction) (m hides)", "Input plane\(glyphs.separator)\(prediction)",
            "plane\(glyphs.separator)\(prediction)",
        ]
        // The box's corners and the spaces around the title take 4 columns.
        let title = LineFit.first(titles, width: area.width - 4, ellipsis: glyphs.ellipsis)
        canvas.drawBox(area, title: title, glyphs: glyphs)
        let inside = area.inset(by: 1)
        let axes = painter.axes
        let top = PlaneAxes.label(axes.x2.upperBound)
        let bottom = PlaneAxes.label(axes.x2.lowerBound)
        let labelWidth = axes.labelWidth
        guard let plot = Self.plot(in: area, labelWidth: labelWidth) else { return }

        let grid = painter.grid(columns: plot.width, rows: plot.height, workPerPoint: network.forwardWorkPerPoint)
        let values = computed?.grid == grid ? computed! : self.values(on: grid)
        let cells = (0..<inputs.rows).map { sample in
            painter.axes.cell(x1: inputs[sample, 0], x2: inputs[sample, 1], columns: plot.width, rows: plot.height)
        }
        let marks = PlaneMarks(
            cells: cells, columns: plot.width, rows: plot.height, selected: context.sample, preferred: nextBatch)
        drawBottomNote(grid, marks: marks, on: &canvas, area: area, glyphs: glyphs)
        let targetColumn = (0..<targets.rows).lazy.map { targets[$0, output] }
        let ramp = Self.ramp(network: network, targets: targetColumn)
        painter.paint(values, output: output, ramp: ramp, plot: plot, on: &canvas)
        drawSamples(
            marks, cells: cells, on: &canvas, plot: plot, values: values, ramp: ramp, glyphs: glyphs,
            selected: context.sample)

        // Axes: x2's ends beside the top and bottom rows, x1's under the ends of the plot.
        let label = Style(dim: true)
        let labelX = inside.x
        canvas.put(pad(top, labelWidth), x: labelX, y: plot.y, style: label, clip: inside)
        canvas.put(pad(bottom, labelWidth), x: labelX, y: plot.maxY - 1, style: label, clip: inside)
        if plot.height >= 3 {
            canvas.put(pad("x2", labelWidth), x: labelX, y: plot.y + plot.height / 2, style: label, clip: inside)
        }
        let left = PlaneAxes.label(axes.x1.lowerBound)
        let right = PlaneAxes.label(axes.x1.upperBound)
        let axisRow = plot.maxY
        canvas.put(left, x: plot.x, y: axisRow, style: label, clip: inside)
        canvas.put(right, x: plot.maxX - right.count, y: axisRow, style: label, clip: inside)
        canvas.put("x1", x: plot.x + plot.width / 2 - 1, y: axisRow, style: label, clip: inside)
        drawLegend(on: &canvas, x: plot.x, y: axisRow + 1, clip: inside, ramp: ramp, glyphs: glyphs)
    }

    /// The plot: a click on a cell names the point (x1, x2) under its centre, on the axes the
    /// plot is painted on, for a sample to be added there.
    func hits(in area: Rect, context: PaneContext) -> [ScreenHit] {
        guard let plot = Self.plot(in: area, labelWidth: painter.axes.labelWidth) else { return [] }
        return [ScreenHit(plot: plot, axes: painter.axes)]
    }

    /// The grid of points the pane computes when drawn in `area`; `nil` when it has no plot.
    func grid(in area: Rect) -> PlaneGrid? {
        guard let plot = Self.plot(in: area, labelWidth: painter.axes.labelWidth) else { return nil }
        return painter.grid(columns: plot.width, rows: plot.height, workPerPoint: network.forwardWorkPerPoint)
    }

    /// ŷ at every point of `grid`: the forward pass the plane paints, a block of points at a time.
    func values(on grid: PlaneGrid) -> PlaneValues {
        PlaneValues(grid: grid, values: network.predictions(for: painter.points(grid)))
    }

    /// The cells painted in a pane drawn in `area`, its y labels `labelWidth` wide: as many rows
    /// as fit above the axis labels and the legend, and twice as many columns, so pixels are
    /// square; nil when not even 4x2 fit.
    static func plot(in area: Rect, labelWidth: Int) -> Rect? {
        let inside = area.inset(by: 1)
        let height = min(inside.height - 2, plotRows(insideWidth: inside.width, labelWidth: labelWidth))
        let width = min(inside.width - labelWidth - 2, 2 * height)
        guard height >= 2, width >= 4 else { return nil }
        return Rect(x: inside.x + labelWidth + 1, y: inside.y, width: width, height: height)
    }

    /// The ramp of the output layer: its activation's range, or the targets' for linear and relu.
    static func ramp(network: Network, targets: some Sequence<Double>) -> PlaneRamp {
        PlaneRamp(activation: network.activations[network.layerCount - 1], values: targets)
    }

    /// What `sample` is to the next step: its mark.
    func role(of sample: Int) -> PlaneSampleRole {
        if nextBatch.contains(sample) { return .nextBatch }
        return testSamples.contains(sample) ? .test : .training
    }

    /// The key to the marks the legend does not explain, longest wording first: `◉◎ next batch
    /// ◆◇ test` when there are a mini-batch and a test split; empty when every sample is a
    /// training sample of a full step.
    func markKey(glyphs: Glyphs) -> [String] {
        let roles = [PlaneSampleRole.nextBatch, .test].filter {
            $0 == .nextBatch ? !nextBatch.isEmpty : !testSamples.isEmpty
        }
        guard !roles.isEmpty else { return [] }
        let full = roles.map { role in
            "\(role.mark(high: true, glyphs: glyphs))\(role.mark(high: false, glyphs: glyphs)) \(role.names[0])"
        }
        let short = roles.map { role in "\(role.mark(high: true, glyphs: glyphs)) \(role.names[1])" }
        return [full.joined(separator: "  "), short.joined(separator: " ")]
    }

    /// The bottom edge says what the picture leaves out, as the network pane's says what it
    /// hides: which samples are marked when not all are ("… 64 of 500 samples marked, 1 cell in
    /// 8"), and that the picture is coarse, and why ("… coarse: 24x12 points, a large network");
    /// the fullest wording of both that fits.
    private func drawBottomNote(
        _ grid: PlaneGrid, marks: PlaneMarks, on canvas: inout Canvas, area: Rect, glyphs: Glyphs
    ) {
        let key = markKey(glyphs: glyphs)
        guard area.width > 2, marks.isThinned || grid.isCoarse || !key.isEmpty else { return }
        let points = "\(grid.columns)x\(grid.rows) points"
        let cells = marks.step.columns * marks.step.rows
        let thinned =
            marks.isThinned
            ? [
                "\(marks.samples.count) of \(marks.total) samples marked, 1 cell in \(cells)",
                "\(marks.samples.count) of \(marks.total) samples marked", "marks thinned",
            ] : [""]
        let coarse = grid.isCoarse ? ["coarse: \(points), a large network", "coarse: \(points)", "coarse"] : [""]
        // Shorter wordings of the thinning first, then of the coarse grid, both kept while they fit.
        var notes: [String] = []
        for coarseNote in coarse {
            for thinnedNote in thinned {
                let parts = [thinnedNote, coarseNote].filter { !$0.isEmpty }
                notes.append("\(glyphs.ellipsis) " + parts.joined(separator: "; "))
            }
        }
        notes += thinned.filter { !$0.isEmpty }.map { "\(glyphs.ellipsis) \($0)" }
        // The key to the batch's and the test samples' marks comes first: without it the marks
        // cannot be read. What the picture leaves out follows while it fits.
        let leftOut = marks.isThinned || grid.isCoarse ? notes : []
        var withKey: [String] = []
        for keyNote in key {
            withKey += leftOut.map { "\(keyNote); \($0)" } + [keyNote]
        }
        canvas.drawBottomNote(withKey + leftOut, in: area, style: Style(dim: true))
    }

    /// The samples `marks` keeps, each in its cell of `cells`; the selected one is drawn last,
    /// so that no other sample in its cell hides it.
    private func drawSamples(
        _ marks: PlaneMarks, cells: [(column: Int, row: Int)], on canvas: inout Canvas, plot: Rect,
        values: PlaneValues, ramp: PlaneRamp, glyphs: Glyphs, selected: Int
    ) {
        for sample in marks.samples {
            let (column, row) = cells[sample]
            let high = ramp.isHigh(targets[sample, output])
            let role = role(of: sample)
            // The batch is also underlined: a terminal without colour still sets it apart, and
            // the predictions pane marks the same samples.
            var style = Style(bold: true, underline: role == .nextBatch)
            if painter.color {
                // On the shade the network gives its cell, so a sample inside a region of its
                // own class reads as belonging there, and one on the wrong side stands out; the
                // mark's dark colour shows on every shade. (On white, 80 spiral samples hid the
                // picture they sit on.)
                let shade = painter.cellValue(values, output: output, column: column, row: row)
                style.foreground = .sampleMark(high: high)
                style.background = .ramp(ramp.level(of: shade))
            }
            // The sample `<` `>` chose, which the network pane and the inspector follow.
            style.reverse = sample == selected
            canvas[plot.x + column, plot.y + row] = Cell(role.mark(high: high, glyphs: glyphs), style: style)
        }
    }

    /// `low ▀▀▀▀▀▀▀▀▀▀ high  ● ŷ1 > middle`: the ramp's ten shades between its ends, and the marks.
    private func drawLegend(
        on canvas: inout Canvas, x: Int, y: Int, clip: Rect, ramp: PlaneRamp, glyphs: Glyphs
    ) {
        let label = Style(dim: true)
        var column = canvas.put(PlaneAxes.label(ramp.low) + " ", x: x, y: y, style: label, clip: clip)
        for level in 0..<PlaneRamp.levels {
            let cell =
                painter.color
                ? Cell(" ", style: Style(background: .ramp(level))) : Cell(PlaneRamp.characters[level])
            if clip.containsRow(y), column < clip.maxX { canvas[column, y] = cell }
            column += 1
        }
        column = canvas.put(" " + PlaneAxes.label(ramp.high), x: column, y: y, style: label, clip: clip)
        let target = "y\(output + 1)"
        let middle = PlaneAxes.label(ramp.middle)
        let high = "\(PlaneSampleRole.training.mark(high: true, glyphs: glyphs)) \(target) > \(middle)"
        if column + 2 + high.count <= clip.maxX {
            canvas.put("  " + high, x: column, y: y, style: label, clip: clip)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension PlanePane {
    /// The plane of `frame`'s data when it has two inputs (before any features): ŷ_j of the selected parameter when it
    /// is in the output layer, else ŷ1.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        guard let painter = frame.planePainter else { return nil }
        let state = frame.state
        let network = state.trainer.network
        let scenario = state.trainer.scenario
        let output = state.selection.layer == network.layerCount - 1 ? state.selection.column : 0
        let trainer = state.trainer
        return PlanePane(
            network: network, inputs: scenario.dataInputs, targets: scenario.targets, output: output,
            names: frame.names, painter: painter, computed: frame.data.plane,
            testSamples: Set(scenario.split.test), nextBatch: frame.data.nextBatch
        )
    }

    /// As many rows as keep the pixels square in the offered columns; any fewer will do.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        PaneNeeds(wantedHeight: PlanePane.naturalHeight(width: offer.width, labelWidth: painter.axes.labelWidth))
    }
}
