import BackpropCore

/// The cost after one step from the current state for each lr of the ladder 0.01 ... 10, so a
/// class sees where a larger lr starts to overshoot. Rates that would raise the cost are
/// marked in words and red, those that leave it as it is "no change"; the current lr is marked with an arrow.
/// When the rows are too few for one entry a row, the words go and the entries flow into two
/// columns (the ▲ ▼ marks still say it), so every rate of the ladder stays in view.
///
/// Each rate costs a pass over the data (a whole step with another rule than sgd), so on a large
/// network the rates arrive over several frames: those still to come show an ellipsis, and the
/// bottom edge says how far the preview has got ("trying 3 of 10 rates…", v closes it).
struct LearningRatePreviewPane: Pane {
    /// The cost after one step for each lr, made once per state and a rate at a time
    /// (`FrameData`); `nil` before the first.
    let preview: LearningRatePreview?
    /// The lr in force, marked with an arrow.
    let learningRate: Double

    /// The box's title.
    static let title = "lr preview (v): C after one step"

    /// The columns of one entry: marker, lr, cost after, verdict.
    static func columnWidth(_ number: NumberFormat) -> Int { number.width + 24 }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        guard area.width > 0, area.height >= 3 else { return }
        let glyphs = context.glyphs
        let entries = preview?.entries ?? []
        let number = context.number
        canvas.drawBox(
            area,
            title: LineFit.first(
                [LearningRatePreviewPane.title, "lr preview (v)", "lr preview"], width: area.width - 4,
                ellipsis: glyphs.ellipsis), glyphs: glyphs)
        let inside = area.inset(by: 1)
        guard preview?.currentCost.isFinite ?? true else {
            // From an infinite or NaN cost every rate "lowers" or "raises" nothing meaningful.
            let lines = ["training diverged:", "no step to preview;", "x resets, b goes back"]
            for (row, line) in lines.enumerated() {
                let text = LineFit.words(line, width: inside.width - 1, ellipsis: glyphs.ellipsis)
                canvas.put(text, x: inside.x + 1, y: inside.y + row, style: Style(bold: row == 0), clip: inside)
            }
            return
        }
        let rates = preview?.rates ?? LearningRateLadder.previewRates
        let count = rates.count
        let full = LearningRatePreviewPane.columnWidth(number)
        let fullColumns = max(1, min(count, inside.width / full))
        // Marker, lr, cost and the up/down mark, with a gap: words dropped.
        let compactWidth = number.width + 11
        let compact = fullColumns * (inside.height - 1) < count && inside.width / compactWidth > fullColumns
        let width = compact ? compactWidth : full
        let columns = max(1, min(count, inside.width / width))
        let perColumn = (count + columns - 1) / columns
        let rows = ScrollWindow(count: perColumn, room: inside.height - 1, keeping: nil, markerRoom: 1)
        for column in 0..<columns {
            canvas.put(
                "     lr " + pad("C after", number.width + 1), x: inside.x + column * width, y: inside.y,
                style: Style(bold: true), clip: inside)
        }
        for (index, rate) in rates.enumerated() {
            let column = index / perColumn
            let row = index % perColumn
            guard row < rows.shown else { continue }
            let x = inside.x + column * width
            let y = inside.y + 1 + row
            let isCurrent = abs(rate - learningRate) <= 1e-12 * rate
            let marker = isCurrent ? glyphs.arrow : ""
            var end = canvas.put(
                pad(marker, 2) + pad(DecimalNumber.text(rate), 5), x: x, y: y,
                style: Style(bold: isCurrent), clip: inside)
            guard let preview, index < entries.count else {
                // Still to come.
                canvas.put(
                    " " + pad(glyphs.ellipsis, number.width), x: end, y: y, style: Style(dim: true), clip: inside)
                continue
            }
            let entry = entries[index]
            end = canvas.put(" " + number.string(entry.cost), x: end, y: y, clip: inside)
            let verdict = Verdict(cost: entry.cost, currentCost: preview.currentCost)
            if compact {
                let (mark, style) =
                    switch verdict {
                    case .raises: (glyphs.increased, Style(foreground: .red, bold: true))
                    case .lowers: (glyphs.decreased, Style(foreground: .green))
                    case .same: (Character("="), Style(dim: true))
                    }
                canvas.put(" \(mark)", x: end, y: y, style: style, clip: inside)
                continue
            }
            switch verdict {
            case .raises:
                canvas.put(
                    " \(glyphs.increased) raises C", x: end, y: y, style: Style(foreground: .red, bold: true),
                    clip: inside)
            case .lowers:
                canvas.put(" \(glyphs.decreased) lowers", x: end, y: y, style: Style(foreground: .green), clip: inside)
            case .same:
                canvas.put(" = no change", x: end, y: y, style: Style(dim: true), clip: inside)
            }
        }
        let hidden = count - min(count, rows.shown * columns)
        if hidden > 0 {
            canvas.put(
                "\(glyphs.ellipsis) \(hidden) more", x: inside.x + 1, y: inside.y + 1 + rows.shown,
                style: Style(dim: true),
                clip: inside)
        }
        if entries.count < count {
            let progress = "trying \(entries.count) of \(count) rates\(glyphs.ellipsis)"
            canvas.drawBottomNote(
                ["\(progress) (v closes)", progress, "\(entries.count)/\(count)"], in: area, style: Style(bold: true))
        }
    }

    /// What one step at an lr does to the cost: a dead relu layer (every gradient 0) leaves it
    /// exactly as it is, which is neither raising nor lowering.
    enum Verdict: Equatable {
        case raises, lowers, same

        init(cost: Double, currentCost: Double) {
            if !cost.isFinite || cost > currentCost {
                self = .raises
            } else if cost < currentCost {
                self = .lowers
            } else {
                self = .same
            }
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

extension LearningRatePreviewPane {
    /// `frame`'s preview when it is open, covered while a quiz question asks about the cost.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        guard frame.state.isLearningRatePreviewShown else { return nil }
        let pane = LearningRatePreviewPane(
            preview: frame.data.learningRatePreview, learningRate: frame.state.trainer.learningRate)
        if frame.asked == .cost { return AnswerHiddenPane(covering: pane, title: title) }
        return pane
    }

    /// One column of entries, box included.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        PaneNeeds(wantedWidth: LearningRatePreviewPane.columnWidth(offer.number) + 2)
    }
}
