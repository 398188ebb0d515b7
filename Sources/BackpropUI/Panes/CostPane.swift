import Foundation

/// The cost curve of the whole run, from step 0 to now, drawn from the bounded `CostCurve`.
///
/// Each column covers an equal share of the steps and is filled from the bottom up to the
/// largest cost among them (so an oscillating run shows its envelope), the top cell filled to
/// the eighth (Unicode blocks) so the curve moves smoothly. The y range (0 to the largest cost, or log10 between the smallest positive
/// and the largest) and the step range are printed on the axes.
struct CostPane {
    let state: AppState
    let number: NumberFormat
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        let scaleName = state.costScale == .log ? "log" : "linear"
        canvas.drawBox(area, title: "Cost C (\(scaleName), g toggles)", glyphs: glyphs)
        let inside = area.inset(by: 1)
        let curve = state.costCurve
        let labelWidth = number.width + 2
        // In a short pane (80x24 with the inspector open) every row goes to the curve; the
        // status bar already says which step it is.
        let showsStepAxis = inside.height >= 4
        let plot = Rect(
            x: inside.x + labelWidth + 1, y: inside.y, width: inside.width - labelWidth - 2,
            height: showsStepAxis ? inside.height - 2 : inside.height)
        guard plot.width > 0, plot.height > 0, let overall = curve.overall else { return }
        let axisStyle = Style(dim: true)
        let labelStyle = Style(dim: true)

        // Axes.
        let axisX = plot.x - 1
        for row in plot.y..<plot.maxY {
            canvas.put(String(glyphs.vertical), x: axisX, y: row, style: axisStyle, clip: inside)
        }
        if showsStepAxis {
            canvas.put(String(glyphs.axisCorner), x: axisX, y: plot.maxY, style: axisStyle, clip: inside)
            canvas.put(
                String(repeating: glyphs.horizontal, count: plot.width), x: plot.x, y: plot.maxY, style: axisStyle,
                clip: inside)
        }

        guard let scale = AxisScale(overall: overall, kind: state.costScale) else {
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
                number.string(scale.value(atFraction: fraction)), x: inside.x + 1, y: row, style: labelStyle,
                clip: inside)
            canvas.put(String(glyphs.axisTick), x: axisX, y: row, style: axisStyle, clip: inside)
        }

        // x labels: the step range of the axis. Until the run has more steps than the plot has
        // columns, each step gets one column and the curve grows from the left; after that the
        // whole run is squeezed into the width.
        let steps = curve.lastStep + 1
        let axisSteps = max(steps, plot.width)
        if showsStepAxis {
            let labelY = plot.maxY + 1
            canvas.put("0", x: plot.x, y: labelY, style: labelStyle, clip: inside)
            let last = "\(axisSteps - 1)"
            canvas.put(last, x: plot.maxX - last.count, y: labelY, style: labelStyle, clip: inside)
            canvas.put("step", x: plot.x + (plot.width - 4) / 2, y: labelY, style: labelStyle, clip: inside)
        }

        // The curve.
        let curveStyle = Style(foreground: .yellow)
        let eighthsPerRow = 8
        let totalEighths = plot.height * eighthsPerRow
        for column in 0..<plot.width {
            let lower = column * axisSteps / plot.width
            let upper = max(lower + 1, (column + 1) * axisSteps / plot.width)
            if lower >= steps { break }
            guard let bucket = curve.summary(steps: lower, upper), bucket.hasFiniteCost else { continue }
            // The height in eighths of a row; a cost at the bottom of the range still shows as
            // one eighth, so every step taken is visible.
            let top = max(1, min(totalEighths, Int((scale.fraction(of: bucket.max) * Double(totalEighths)).rounded())))
            let topRow = (top - 1) / eighthsPerRow
            for row in 0...topRow {
                let filled = row == topRow ? top - row * eighthsPerRow : eighthsPerRow
                canvas.put(
                    String(glyphs.eighths[filled - 1]), x: plot.x + column, y: plot.maxY - 1 - row, style: curveStyle,
                    clip: plot)
            }
        }
    }
}
