import BackpropCore

/// The picture being drawn (`D`) and the network's ŷ for it, one bar a class:
///
/// ```
/// ┌ Drawing 8x8 · cursor on x28, row 4 column 4: ink 1 ───────────────┐
/// │                      0 ▏            0.0012                        │
/// │       ████           1 ██████████▋  0.8931 ◂ picked               │
/// │      [][]██          2 ▎            0.0102                        │
/// │        ████          …                                            │
/// └───────────────────────────────────────────────────────────────────┘
/// ```
/// The pixels are square blocks (`PixelPicture`, ink from black to white), each `magnification`
/// columns wide and half as many rows tall, as large as the rows allow (2, 4 or 6 columns).
/// The cursor's pixel is bracketed, `[` and `]` in bold red on its own shade, so it reads on
/// ink and on paper alike, and in characters too; the title says its input and its ink.
///
/// ŷ is one forward pass of the drawing through the current network (`FrameData`), so it moves
/// with every stroke and every step.
struct DrawingPane: Pane {
    /// The picture and its cursor.
    let drawing: DrawingCanvas
    /// ŷ_j of the drawing for each class j.
    let probabilities: [Double]
    /// Half blocks in colour, or characters.
    let color: Bool

    /// The largest magnification drawn: 48 columns for 8 pixels, wider than the bars would like.
    static let largestMagnification = 6
    /// Columns between the canvas and the bars.
    static let gap = 3

    /// The class names: the class numbers, as the label prompt takes them.
    var names: [String] { probabilities.indices.map { "\($0)" } }

    private var bars: ClassProbabilityBars {
        ClassProbabilityBars(probabilities: probabilities, label: nil, names: names)
    }

    /// The canvas's cells at magnification `m`.
    private func canvasSize(_ m: Int) -> Size {
        Size(width: drawing.shape.width * m, height: drawing.shape.height * m / 2)
    }

    /// The columns of bars `rows` rows hold: one, or more when there are more classes than rows.
    private func barColumns(rows: Int) -> Int {
        max(1, (bars.height + max(1, rows) - 1) / max(1, rows))
    }

    /// The narrowest a column of bars can be.
    private func narrowestBars(_ number: NumberFormat) -> Int {
        bars.width(barWidth: ClassProbabilityBars.minimumBarWidth, number: number)
    }

    /// Columns for the box, a blank on each side, the canvas at magnification `m` and `columns`
    /// columns of bars at their narrowest.
    private func width(_ m: Int, columns: Int, number: NumberFormat) -> Int {
        4 + canvasSize(m).width + columns * (Self.gap + narrowestBars(number))
    }

    func needs(_ offer: PaneOffer) -> PaneNeeds {
        // At least: square 2-column pixels, and the bars in two columns if rows are short (80x24
        // gives this place 10 rows). Wanted: pixels twice that, and one bar a line.
        let classes = bars.height
        let fewest = max(canvasSize(2).height, (classes + 1) / 2)
        return PaneNeeds(
            minimumWidth: width(2, columns: barColumns(rows: fewest), number: offer.number),
            wantedWidth: width(4, columns: 1, number: offer.number), minimumHeight: 2 + fewest,
            wantedHeight: 2 + max(canvasSize(4).height, classes))
    }

    /// The largest even magnification, 2 at least, whose canvas and bars fit `area`; 0 when
    /// not even 2 does.
    func magnification(in area: Rect, number: NumberFormat) -> Int {
        let rows = area.height - 2
        let columns = barColumns(rows: rows)
        var m = 0
        while m + 2 <= Self.largestMagnification, canvasSize(m + 2).height <= rows,
            width(m + 2, columns: columns, number: number) <= area.width
        {
            m += 2
        }
        return m
    }

    /// Where the canvas goes in `area`, the pane's rectangle; nil when it does not fit.
    /// `Frame` records it in the `ScreenMap`, so clicks land on the pixels drawn.
    func placement(in area: Rect, number: NumberFormat) -> CanvasPlacement? {
        let m = magnification(in: area, number: number)
        guard m > 0 else { return nil }
        return CanvasPlacement(x: area.x + 2, y: area.y + 1, magnification: m, shape: drawing.shape)
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        canvas.drawBox(area, title: title(glyphs: glyphs), glyphs: glyphs)
        let inside = area.inset(by: 1)
        guard let placement = placement(in: area, number: context.number) else {
            let need = needs(PaneOffer(number: context.number, width: area.width, glyphs: glyphs))
            canvas.put(
                " the canvas needs \(need.minimumWidth)x\(need.minimumHeight) cells; a larger terminal shows it",
                x: inside.x, y: inside.y, clip: inside)
            return
        }
        let picture = PixelPicture(shape: drawing.shape, values: drawing.pixels, scale: .ink)
        picture.draw(
            at: placement.x, placement.y, magnification: placement.magnification, color: color, on: &canvas)
        markCursor(placement, picture: picture, on: &canvas)
        // The bars in as few columns as the rows allow, each no longer than a glance takes in.
        let columns = barColumns(rows: inside.height)
        let perColumn = (bars.height + columns - 1) / columns
        var x = placement.x + canvasSize(placement.magnification).width + Self.gap
        let room = (inside.maxX - x - (columns - 1) * Self.gap) / columns
        let width = min(
            room, bars.width(barWidth: ClassProbabilityBars.minimumBarWidth * 8, number: context.number))
        for column in 0..<columns {
            let classes = (column * perColumn)..<min(bars.height, (column + 1) * perColumn)
            bars.draw(
                on: &canvas, in: Rect(x: x, y: inside.y, width: width, height: inside.height), context: context,
                classes: classes)
            x += width + Self.gap
        }
    }

    /// `[` and `]` at the left and right edges of the cursor's pixel, on every row of it, in bold
    /// red on the pixel's own shade: the ink stays readable around and under the marks.
    private func markCursor(_ placement: CanvasPlacement, picture: PixelPicture, on canvas: inout Canvas) {
        let cells = placement.cells(of: drawing.cursor)
        let shade = Color.ink(picture.level(of: drawing[drawing.cursor]))
        let style = Style(foreground: .red, background: color ? shade : nil, bold: true, reverse: !color)
        for row in cells.y..<cells.maxY where canvas.contains(x: cells.x, y: row) {
            canvas[cells.x, row] = Cell("[", style: style)
            if canvas.contains(x: cells.maxX - 1, y: row) { canvas[cells.maxX - 1, row] = Cell("]", style: style) }
        }
    }

    /// What is drawn and where the cursor is: the input it is (the layer pane's row) and its ink.
    private func title(glyphs: Glyphs) -> String {
        let cursor = drawing.cursor
        let input = drawing.shape.input(column: cursor.column, row: cursor.row) + 1
        let ink = DecimalNumber.text(drawing[cursor])
        return
            "Drawing \(drawing.shape.description)\(glyphs.separator)cursor on x\(input), row \(cursor.row + 1) column \(cursor.column + 1): ink \(ink)"
    }
}

extension DrawingPane {
    /// The canvas and its ŷ while drawing; nil otherwise.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        guard let drawing = frame.state.drawing, let prediction = frame.data.drawingPrediction,
            prediction.pixels == drawing.pixels
        else { return nil }
        let options = frame.state.options
        return DrawingPane(
            drawing: drawing, probabilities: prediction.probabilities, color: options.color && !options.ascii)
    }
}
