import BackpropCore
import Foundation

/// The loss landscape: the cost over two parameters, the selection across and its partner up,
/// every other parameter at its current value (a slice through the current state of the surface
/// training descends), with the path of descent of the last states drawn on it, the current
/// point and where the next step goes.
///
/// ```
/// ┌ Landscape C(ω¹11, ω¹12) · slice at step 120 · log ┐
/// │  1.0000 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀ │
/// │    ω¹12 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀··•·•●·▸▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀ │
/// │ -1.0000 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀ │
/// │         -1.0000          ω¹11           1.0000 │
/// │         C 0.0123 ▀▀▀▀▀▀▀▀▀▀ 2.31  ● now ▸ next │
/// └────────────────────────────────────────────────┘
/// ```
/// Painted as the input plane is (`PlanePainter`, `PlaneRamp`): in colour two grid cells a
/// character, one above the other; without colour (or with `--ascii`) one a character, from the
/// ramp ` .:-=+*#%@`, the valley floor blank and the peaks `@`. Shaded by C, or by log10 C when
/// the grid spans more than two decades (the title then says `log`), so the valley floor is not
/// one flat colour. Each state of the path is drawn in the cell it falls in (`•`, ASCII `o`),
/// the current one `●` (`X`), the next step's move as dots `·` (`,`) ending in `▸` (`>`):
/// marks no shade of the ramp uses; points outside the window (zoomed in) are left out. While a
/// run moves the window on, the last finished grid is drawn over its own window.
struct LandscapePane: Pane {
    /// The parameters across (the selection) and up (its partner).
    let x: ParameterIndex
    let y: ParameterIndex
    /// The screen's names of the two parameters (x across, y up).
    let xName: String
    let yName: String
    /// What the cells are: `C`, `training C` with a split, with `+ L2` when a penalty is on.
    let costName: String
    /// The step of the state sliced.
    let step: Int
    /// The part of the plane shown, edge to edge.
    let window: LandscapeWindow
    /// The path of descent to the current state, and the next step.
    let path: DescentPath
    /// Whether the next step's move is drawn: not while a quiz asks which way it goes.
    var showsNext = true
    /// Colour half blocks, or characters.
    let color: Bool
    /// The grids made so far (`FrameData`), from which the one for this pane's grid is drawn.
    let grids: LandscapeGrids?
    /// Whether a cell is more work than the visualiser makes between frames
    /// (`Landscape.interactiveCellWork`): the pane draws the path and says so, with no surface.
    var isTooLarge = false

    /// Rows besides the plot: the box, the x axis labels and the legend.
    static let rowsBesidePlot = 4
    /// The fewest rows worth drawing: a plot of 4 rows (8 grid rows in colour); fewer show no valley.
    static let minimumHeight = rowsBesidePlot + 4
    /// The columns it asks for beside the cost curve on terminals too narrow for its column.
    static let wantedWidth = 46

    func needs(_ offer: PaneOffer) -> PaneNeeds {
        let labelWidth = Self.labelWidth(number: offer.number, yName: yName)
        let plotColumns = offer.width - 2 - labelWidth - 1
        // A plot twice as wide as tall is about square: a character is twice as tall as wide.
        return PaneNeeds(
            minimumWidth: 30, wantedWidth: Self.wantedWidth, minimumHeight: Self.minimumHeight,
            wantedHeight: max(Self.minimumHeight, plotColumns / 2 + Self.rowsBesidePlot))
    }

    /// The y labels' column: the number format's width, or the partner's name when wider.
    static func labelWidth(number: NumberFormat, yName: String) -> Int {
        max(number.width, DisplayWidth.of(yName))
    }

    /// The cells painted in `area`: under the title, right of the y labels, above the x labels
    /// and the legend; nil when too small to show anything.
    static func plot(in area: Rect, labelWidth: Int) -> Rect? {
        let inside = area.inset(by: 1)
        let plot = Rect(
            x: inside.x + labelWidth + 1, y: inside.y, width: inside.width - labelWidth - 1,
            height: inside.height - 2)
        return plot.width >= 4 && plot.height >= 2 ? plot : nil
    }

    /// The grid a pane of `x` and `y` drawn in `area` with `number` shows: a cell a character
    /// across, and down one (characters) or two (colour half blocks).
    static func grid(
        x: ParameterIndex, y: ParameterIndex, window: LandscapeWindow, yName: String, in area: Rect,
        number: NumberFormat, color: Bool
    ) -> Landscape? {
        guard let plot = plot(in: area, labelWidth: labelWidth(number: number, yName: yName)) else { return nil }
        return Landscape(x: x, y: y, window: window, columns: plot.width, rows: plot.height * (color ? 2 : 1))
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let labelWidth = Self.labelWidth(number: context.number, yName: yName)
        let wanted = Self.grid(
            x: x, y: y, window: window, yName: yName, in: area, number: context.number, color: color)
        let made = wanted.flatMap { grids?.picture(for: $0) }
        let picture = made?.grid
        // While a run moves on, the picture can be of an earlier state than the path: its own step.
        let step = made?.step ?? self.step
        // The picture's own window: while a run moves the window on, the last finished grid is
        // drawn over the window it was made for, axes and path with it, until the next is made.
        let window = picture?.window ?? self.window
        let isLog = picture?.spansDecades ?? false
        let separator = glyphs.separator
        let pair = "\(costName)(\(xName), \(yName))"
        let log = isLog ? "\(separator)log" : ""
        let titles = [
            // Narrower, "slice at step" stays longest, then the log scale: the other parameters
            // are as at that step, which is what a class must not forget.
            "Landscape \(pair)\(separator)slice at step \(step)\(log)", "Slice \(pair) at step \(step)\(log)",
            "Slice \(pair) at step \(step)", "Slice at step \(step)\(log)", "Slice at step \(step)",
            "Slice \(pair)\(log)", "\(pair)\(log)",
        ]
        canvas.drawBox(
            area, title: LineFit.first(titles, width: area.width - 4, ellipsis: glyphs.ellipsis), glyphs: glyphs)
        let inside = area.inset(by: 1)
        guard let plot = Self.plot(in: area, labelWidth: labelWidth) else { return }
        let ramp = Self.ramp(of: picture, log: isLog)
        if isTooLarge {
            // Where the surface would be: the path is still drawn over it.
            let lines = [
                "too large to draw here:", "each cell is a pass over", "every sample;", "--headless --landscape",
                "makes it",
            ]
            for (index, line) in lines.enumerated() where index < plot.height {
                canvas.put(line, x: plot.x + 1, y: plot.y + index, style: Style(dim: true), clip: plot)
            }
        }
        if let picture {
            paint(picture, ramp: ramp, log: isLog, plot: plot, on: &canvas)
            if !picture.isFinished {
                canvas.drawBottomNote(
                    [
                        "making the landscape: \(picture.rowsMade)/\(picture.rows) rows",
                        "making \(picture.rowsMade)/\(picture.rows) rows",
                    ],
                    in: area, style: Style(dim: true))
            }
        }
        drawPath(on: &canvas, plot: plot, window: window, picture: picture, ramp: ramp, log: isLog, glyphs: glyphs)

        // Axes: y's ends beside the top and bottom rows and its name between; x's under the ends.
        let label = Style(dim: true)
        let yLabels = context.number.axisLabels([window.y.upperBound, window.y.lowerBound])
        canvas.put(pad(yLabels[0], labelWidth), x: inside.x, y: plot.y, style: label, clip: inside)
        canvas.put(pad(yLabels[1], labelWidth), x: inside.x, y: plot.maxY - 1, style: label, clip: inside)
        if plot.height >= 3 {
            canvas.put(pad(yName, labelWidth), x: inside.x, y: plot.y + plot.height / 2, style: label, clip: inside)
        }
        let xLabels = context.number.axisLabels([window.x.lowerBound, window.x.upperBound]).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let axisRow = plot.maxY
        canvas.put(xLabels[0], x: plot.x, y: axisRow, style: label, clip: inside)
        canvas.put(xLabels[1], x: plot.maxX - DisplayWidth.of(xLabels[1]), y: axisRow, style: label, clip: inside)
        let middle = plot.x + plot.width / 2 - DisplayWidth.of(xName) / 2
        if middle > plot.x + DisplayWidth.of(xLabels[0]),
            middle + DisplayWidth.of(xName) < plot.maxX - DisplayWidth.of(xLabels[1])
        {
            canvas.put(xName, x: middle, y: axisRow, style: label, clip: inside)
        }
        drawLegend(on: &canvas, x: plot.x, y: axisRow + 1, clip: inside, picture: picture, context: context)
    }

    /// The ramp over the grid's lowest to highest cost (their logarithms when `log`).
    static func ramp(of picture: Landscape?, log: Bool) -> PlaneRamp {
        guard let range = picture?.costRange else { return PlaneRamp(low: 0, high: 1) }
        guard log else { return PlaneRamp(low: range.lowerBound, high: range.upperBound) }
        let positive = picture?.positiveCostRange ?? 1...10
        return PlaneRamp(low: log10(positive.lowerBound), high: log10(positive.upperBound))
    }

    /// The value a cost is shaded by: itself, or its logarithm (a cost of 0 at the floor).
    static func shade(_ cost: Double, ramp: PlaneRamp, log: Bool) -> Int {
        guard log else { return ramp.level(of: cost) }
        return cost > 0 ? ramp.level(of: log10(cost)) : (cost == 0 ? 0 : ramp.level(of: .nan))
    }

    /// The rows made of `picture`, the lowest y at the bottom; rows not made yet stay blank.
    private func paint(_ picture: Landscape, ramp: PlaneRamp, log: Bool, plot: Rect, on canvas: inout Canvas) {
        let pixelsPerCell = color ? 2 : 1
        let made = picture.rowsMade
        PlanePainter.paint(plot: plot, color: color, on: &canvas) { column, pixelRow in
            let row = plot.height * pixelsPerCell - 1 - pixelRow
            guard row < made, column < picture.columns else { return 0 }
            return Self.shade(picture.cost(column: column, row: row), ramp: ramp, log: log)
        }
        // Rows still to be made are left blank rather than painted as the valley floor.
        let blankRows = (picture.rows - made) / pixelsPerCell
        if blankRows > 0 { canvas.fill(x: plot.x, y: plot.y, width: plot.width, height: blankRows) }
    }

    /// The cell (column, row from the top) of `plot` that `point` falls in when it shows
    /// `window`; nil outside it.
    static func cell(of point: LandscapePoint, in plot: Rect, window: LandscapeWindow) -> (column: Int, row: Int)? {
        guard point.isFinite, window.x.contains(point.x), window.y.contains(point.y) else { return nil }
        let across = (point.x - window.x.lowerBound) / (window.x.upperBound - window.x.lowerBound)
        let up = (point.y - window.y.lowerBound) / (window.y.upperBound - window.y.lowerBound)
        let column = min(plot.width - 1, Int(across * Double(plot.width)))
        let rowFromBottom = min(plot.height - 1, Int(up * Double(plot.height)))
        return (column, plot.height - 1 - rowFromBottom)
    }

    /// The path's states, the next step's move and the current point, in that order, so the
    /// current point is always on top.
    private func drawPath(
        on canvas: inout Canvas, plot: Rect, window: LandscapeWindow, picture: Landscape?, ramp: PlaneRamp, log: Bool,
        glyphs: Glyphs
    ) {
        let unicode = glyphs.ellipsis == "…"
        func mark(_ point: LandscapePoint, _ symbol: Character) {
            guard let (column, row) = Self.cell(of: point, in: plot, window: window) else { return }
            var style = Style(bold: true)
            if color {
                // A dark mark on the cell's own shade: darker than every level, as the plane's
                // samples are, so it shows on the valley floor and the peaks alike.
                style.foreground = .sampleMark(high: true)
                style.background = .ramp(
                    cellLevel(column: column, row: row, plot: plot, picture: picture, ramp: ramp, log: log))
            }
            canvas[plot.x + column, plot.y + row] = Cell(symbol, style: style)
        }
        for point in path.points.dropLast() { mark(point, unicode ? "•" : "o") }
        if showsNext, let next = path.next, next.isFinite {
            let current = path.current
            for fraction in [0.25, 0.5, 0.75] {
                mark(
                    LandscapePoint(
                        x: current.x + fraction * (next.x - current.x), y: current.y + fraction * (next.y - current.y)),
                    unicode ? "·" : ",")
            }
            // Not `+`: that is a shade of the ramp a monochrome or ASCII picture is drawn with.
            mark(next, Self.arrowhead(from: current, to: next, window: window, unicode: unicode))
        }
        mark(path.current, unicode ? "●" : "X")
    }

    /// The head of the next step's move, pointing the way it goes on screen (the larger of its
    /// moves across and up, each as a share of the window): `▸ ◂ ▴ ▾`, in ASCII `> < ^ v`.
    static func arrowhead(from current: LandscapePoint, to next: LandscapePoint, window: LandscapeWindow, unicode: Bool)
        -> Character
    {
        let across = (next.x - current.x) / (window.x.upperBound - window.x.lowerBound)
        // A character is about twice as tall as wide: a move up looks twice as long as across.
        let up = 2 * (next.y - current.y) / (window.y.upperBound - window.y.lowerBound)
        if abs(across) >= abs(up) { return across >= 0 ? (unicode ? "▸" : ">") : (unicode ? "◂" : "<") }
        return up > 0 ? (unicode ? "▴" : "^") : (unicode ? "▾" : "v")
    }

    /// The level a whole character cell shows: the mean shade of its grid cells.
    private func cellLevel(column: Int, row: Int, plot: Rect, picture: Landscape?, ramp: PlaneRamp, log: Bool) -> Int {
        guard let picture, column < picture.columns else { return 0 }
        let pixels = color ? 2 : 1
        let levels = (0..<pixels).compactMap { pixel -> Int? in
            let gridRow = picture.rows - 1 - (row * pixels + pixel)
            guard gridRow >= 0, gridRow < picture.rowsMade else { return nil }
            return Self.shade(picture.cost(column: column, row: gridRow), ramp: ramp, log: log)
        }
        return levels.isEmpty ? 0 : levels.reduce(0, +) / levels.count
    }

    /// `C 0.0123 ▀▀▀▀▀▀▀▀▀▀ 2.31  ● now ▸ next`: the lowest and highest cost of the grid with the
    /// ramp's shades between, and the marks.
    private func drawLegend(
        on canvas: inout Canvas, x: Int, y: Int, clip: Rect, picture: Landscape?, context: PaneContext
    ) {
        let label = Style(dim: true)
        guard let range = picture?.costRange else {
            // A grid made with no finite cost: a diverged state, or a window far out of it.
            let words =
                isTooLarge
                ? "no surface: too large"
                : picture?.isFinished == true ? "no finite C here: b or x" : "making the landscape"
            canvas.put(words, x: x, y: y, style: label, clip: clip)
            return
        }
        var column = canvas.put(
            "C low \(context.number.compact(range.lowerBound)) ", x: x, y: y, style: label, clip: clip)
        for level in 0..<PlaneRamp.levels {
            let cell =
                color ? Cell(" ", style: Style(background: .ramp(level))) : Cell(PlaneRamp.characters[level])
            if clip.containsRow(y), column < clip.maxX { canvas[column, y] = cell }
            column += 1
        }
        column = canvas.put(
            " \(context.number.compact(range.upperBound)) high", x: column, y: y, style: label, clip: clip)
        let unicode = context.glyphs.ellipsis == "…"
        let marks = unicode ? "  ● now • path ▸ next" : "  X now o path > next"
        if column + DisplayWidth.of(marks) <= clip.maxX {
            canvas.put(marks, x: column, y: y, style: label, clip: clip)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}

extension LandscapePane {
    /// The Landscape pane of `frame` when `S` opened it: the selection across, its partner up,
    /// over the window that fits their path at the zoom chosen.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let state = frame.state
        guard state.landscape.isShown, let path = frame.data.landscapePath else { return nil }
        let trainer = state.trainer
        var cost = trainer.scenario.split.hasTest ? "training C" : "C"
        if trainer.penalty.isActive {
            // The objective the weights descend (`Trainer.costs`).
            let data = trainer.reduction.averagesWeights ? "\(cost)/N" : cost
            cost = "(\(data) + \(trainer.penalty.name.uppercased()))"
        }
        let (x, y) = (state.selection, state.landscape.partner)
        let pane = LandscapePane(
            x: x, y: y, xName: frame.names.parameter(x), yName: frame.names.parameter(y), costName: cost,
            step: trainer.stepCount, window: path.window(zoom: state.landscape.zoom), path: path,
            showsNext: frame.asked == nil, color: state.options.color && !state.options.ascii,
            grids: frame.data.landscapeGrids,
            isTooLarge: Landscape.cellWork(of: trainer) > Landscape.interactiveCellWork)
        // The shading's slope at the current point is the sign of ∂C/∂ of either axis, and the
        // surface says where C goes: a question about those covers the pane until it is answered.
        switch frame.asked {
        case .gradient(let asked)? where asked == x || asked == y:
            return AnswerHiddenPane(covering: pane, title: "Landscape")
        case .cost?: return AnswerHiddenPane(covering: pane, title: "Landscape")
        default: return pane
        }
    }
}
