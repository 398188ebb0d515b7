import BackpropCore

/// The confusion matrix (`K`): for each true class y (a row) and each class ŷ names (a
/// column), how many samples of that class the network reads as that one, over the test
/// samples of a split (else over the training samples; the title says which). The diagonal is
/// the right ones: in brackets (`[35]`), green; a mistake is red, a zero dim, so the text says
/// it all without colour. The title gives the accuracy, the count on the diagonal.
///
/// The cell cursor (reverse video) is the cell whose samples `<` `>` walk: the bottom edge
/// names it (`3 → 8: 2 samples, 1/2`) and the predictions pane lists its samples. More classes
/// than fit scroll around the cursor, and the bottom edge says which are shown.
struct ConfusionPane: Pane {
    /// The classes' names, in order.
    let names: [String]
    /// The counts of the set.
    let counts: ConfusionCounts
    /// The cell under the cursor.
    let cell: ConfusionCell
    /// The samples of that cell, in the data's order.
    let cellSamples: [Int]
    /// Whether the set is the test samples (else the training samples).
    let isTest: Bool

    /// Columns of a row's class name.
    private var labelWidth: Int { max(1, names.map(\.count).max() ?? 1) }

    /// Columns of a cell: its count or its column's name, with room for the brackets of the
    /// diagonal.
    private var cellWidth: Int {
        let largest = counts.counts.flatMap { $0 }.max() ?? 0
        return max(String(largest).count, names.map(\.count).max() ?? 1) + 2
    }

    /// The box, a blank, the row names and a blank, and every column.
    private var naturalWidth: Int { 2 + 1 + labelWidth + 1 + names.count * cellWidth + 1 }

    /// Rows of the fewest classes the pane shows before it scrolls: ten, the digits'.
    private static let fewestRowsShown = 10

    /// Every class, and room for a title that says over which samples and how many are right
    /// (a 3x3 matrix is narrower than that); at least two columns of classes and a row of
    /// them.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        let wanted = 3 + names.count
        let title = DisplayWidth.of(titles(glyphs: offer.glyphs)[2]) + 4
        return PaneNeeds(
            minimumWidth: min(naturalWidth, 2 + 1 + labelWidth + 1 + 2 * cellWidth + 1),
            wantedWidth: max(naturalWidth, title), minimumHeight: min(wanted, 3 + ConfusionPane.fewestRowsShown),
            wantedHeight: wanted)
    }

    /// The title, fullest first: what is counted, over which samples, and how many are right.
    func titles(glyphs: Glyphs) -> [String] {
        let set = isTest ? "test" : "training"
        let undecided = counts.undecided > 0 ? ", \(thousandsSeparated(counts.undecided)) undecided" : ""
        let right = "\(thousandsSeparated(counts.right))/\(thousandsSeparated(counts.total)) right\(undecided)"
        let axes = "y \(glyphs.arrow) \(glyphs.prediction)"
        return [
            "Confusion \(axes) \(glyphs.separator.trimmingCharacters(in: .whitespaces)) \(set) samples\(glyphs.separator)\(right)",
            "Confusion \(axes)\(glyphs.separator)\(set)\(glyphs.separator)\(right)",
            "Confusion\(glyphs.separator)\(set)\(glyphs.separator)\(right)",
            "Confusion\(glyphs.separator)\(thousandsSeparated(counts.right))/\(thousandsSeparated(counts.total)) right",
            "Confusion",
        ]
    }

    /// The bottom edge: the cursor's cell, its samples and the selected one's place among them,
    /// then the classes shown when not all fit.
    func cellNotes(glyphs: Glyphs, selected: Int, rows: ScrollWindow, columns: ScrollWindow) -> [String] {
        let name = "\(names[cell.truth]) \(glyphs.arrow) \(names[cell.predicted])"
        let count = cellSamples.count
        let samples = "\(thousandsSeparated(count)) \(count == 1 ? "sample" : "samples")"
        let position = cellSamples.firstIndex(of: selected).map { ", \($0 + 1)/\(count)" } ?? ""
        var hidden = ""
        if rows.isPartial || columns.isPartial {
            hidden = "\(glyphs.separator)rows \(CountText.run(rows.range, of: rows.count))"
            if columns.isPartial { hidden += ", columns \(CountText.run(columns.range, of: columns.count))" }
        }
        let walk = count > 0 ? "\(glyphs.separator)< > walk them" : ""
        // What is hidden goes before the keys and the count: the matrix must not look whole.
        return [
            "\(name): \(samples)\(position)\(walk)\(hidden)", "\(name): \(samples)\(position)\(hidden)",
            "\(name): \(thousandsSeparated(count))\(position)\(hidden)", "\(name)\(hidden)",
            "\(name): \(samples)\(position)", "\(name): \(thousandsSeparated(count))\(position)", name,
        ]
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let title = LineFit.first(titles(glyphs: glyphs), width: area.width - 4, ellipsis: glyphs.ellipsis)
        canvas.drawBox(area, title: title, glyphs: glyphs)
        let inside = area.inset(by: 1)
        guard inside.width > 0, inside.height > 0 else { return }
        let (labelWidth, cellWidth) = (labelWidth, cellWidth)
        let (rows, columns) = windows(inside: inside)
        canvas.drawBottomNote(
            cellNotes(glyphs: glyphs, selected: context.sample, rows: rows, columns: columns), in: area,
            style: Style(bold: true))

        // The header: the predicted classes, each over its column's digits.
        let left = inside.x + 1
        let bold = Style(bold: true)
        for (place, column) in columns.range.enumerated() {
            let x = left + labelWidth + 1 + place * cellWidth
            canvas.put(pad(names[column], cellWidth - 1), x: x, y: inside.y, style: bold, clip: inside)
        }
        for (line, row) in rows.range.enumerated() {
            let y = inside.y + 1 + line
            canvas.put(pad(names[row], labelWidth), x: left, y: y, style: bold, clip: inside)
            for (place, column) in columns.range.enumerated() {
                let x = cellX(place, inside: inside)
                let count = counts.counts[row][column]
                let digits = pad(String(count), cellWidth - 2)
                let diagonal = row == column
                let text = diagonal ? "[\(digits)]" : " \(digits) "
                var style =
                    diagonal
                    ? Style(foreground: .green, bold: true)
                    : (count == 0 ? Style(dim: true) : Style(foreground: .red, bold: true))
                if row == cell.truth && column == cell.predicted { style = Style(reverse: true) }
                canvas.put(text, x: x, y: y, style: style, clip: inside)
            }
        }
    }

    /// The classes whose rows and columns fit inside the box, around the cursor's cell.
    private func windows(inside: Rect) -> (rows: ScrollWindow, columns: ScrollWindow) {
        (
            ScrollWindow(count: names.count, room: inside.height - 1, keeping: cell.truth),
            ScrollWindow(
                count: names.count, room: max(1, (inside.width - 2 - labelWidth) / cellWidth), keeping: cell.predicted)
        )
    }

    /// The column the `place`-th cell shown in a row starts at.
    private func cellX(_ place: Int, inside: Rect) -> Int { inside.x + 1 + labelWidth + 1 + place * cellWidth }

    /// Each cell shown: a click moves the cursor there.
    func hits(in area: Rect, context: PaneContext) -> [ScreenHit] {
        let inside = area.inset(by: 1)
        guard inside.width > 0, inside.height > 0 else { return [] }
        let (rows, columns) = windows(inside: inside)
        var hits: [ScreenHit] = []
        for (line, row) in rows.range.enumerated() {
            for (place, column) in columns.range.enumerated() {
                let cells = Rect(x: cellX(place, inside: inside), y: inside.y + 1 + line, width: cellWidth, height: 1)
                    .clipped(to: inside)
                if !cells.isEmpty {
                    hits.append(ScreenHit(cells, .confusionCell(ConfusionCell(truth: row, predicted: column))))
                }
            }
        }
        return hits
    }

    /// The wheel moves the cursor up and down a row, as the arrows do.
    var wheel: PaneWheel? { .confusionCells }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

extension ConfusionPane {
    /// The pane of `frame` while `K` has it open on targets that are classes; `nil` otherwise.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let state = frame.state
        guard frame.showsConfusion, let verdicts = frame.data.classVerdicts, let cursor = state.confusionCell else {
            return nil
        }
        let cell = cursor.clamped(classCount: verdicts.classCount)
        let samples = state.confusionSamples
        return ConfusionPane(
            names: verdicts.names, counts: ConfusionCounts(verdicts, over: samples), cell: cell,
            cellSamples: verdicts.samples(samples, truth: cell.truth, predicted: cell.predicted),
            isTest: state.trainer.scenario.split.hasTest)
    }
}
