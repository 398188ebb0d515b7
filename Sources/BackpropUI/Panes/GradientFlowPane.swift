import BackpropCore
import Foundation

/// The Gradient flow pane (`F`): log10 ‖∂C/∂Wˡ‖ of every layer over the steps, and beside it
/// one line per layer saying how many of its neurons stopped learning.
///
/// Each layer's curve is drawn with its own mark (`1 2 3 …`), in its own colour, so the curves
/// are told apart without colour too; the marks start the lines of words on the right. The y
/// axis is logarithmic, from the power of ten under the smallest norm to the one over the
/// largest, labelled with powers of ten; the x axis runs from step 0 to the last step recorded,
/// like the cost curve's. On a deep sigmoid network layer 1's curve runs far below the last
/// layer's: the vanishing gradient.
struct GradientFlowPane: Pane {
    /// The norms at each state the run reached, one curve per layer.
    let series: GradientFlowSeries
    /// Every layer's saturated and dead neurons at the current state.
    let health: [NeuronHealth]

    /// Columns the curves need at least, beside the words.
    static let minimumPlotWidth = 12
    /// The label of the power of ten 10^`decade`, by the rule every number follows, with the
    /// decimals it needs: `100`, `1`, `0.01`, `0.0001`, then `1e-5`, and `1e5` from there up.
    static func label(decade: Int) -> String {
        let value = pow(10, Double(decade))
        // A power of ten needs no digit after the point in exponent form: `1e-5`, not `1.0e-5`.
        guard decade >= -4 && decade < 5 else { return NumberFormat.exponent(value, places: 0) }
        return NumberFormat(width: 6, decimals: max(0, -decade)).compact(value)
    }

    /// The mark of layer `l` (0-based): its number, then letters past 9.
    static func mark(_ l: Int) -> Character {
        let marks = Array("123456789abcdefghijklmnopqrstuvwxyz")
        return marks[l % marks.count]
    }

    /// Layer `l`'s colour: a cycle of six.
    static func color(_ l: Int) -> Color {
        [.yellow, .cyan, .magenta, .green, .blue, .red][l % 6]
    }

    /// The title, longest first.
    static func titles(_ glyphs: Glyphs) -> [String] {
        glyphs.isASCII
            ? ["Gradient flow |dC/dW^l| (log)", "Gradient flow (log)", "|dC/dW| (log)"]
            : ["Gradient flow ‖∂C/∂Wˡ‖ (log)", "Gradient flow (log)", "‖∂C/∂W‖ (log)"]
    }

    /// The ways to say layer `health`'s state, longest first: `layer 1: 8 neurons, 6 saturated`,
    /// `layer 2: 3 dead of 8`, `layer 3: 8 neurons, healthy`, or for a layer that is not
    /// checked (linear, softmax) its activation.
    static func words(_ health: NeuronHealth) -> [String] {
        let (l, n) = (health.layer + 1, health.neurons)
        let neurons = "\(n) neuron\(n == 1 ? "" : "s")"
        if let saturated = health.saturated, saturated > 0 {
            return [
                "layer \(l): \(neurons), \(saturated) saturated", "\(l): \(saturated) of \(n) saturated",
                "\(l): \(saturated)/\(n) sat",
            ]
        }
        if let dead = health.dead, dead > 0 {
            return ["layer \(l): \(dead) dead of \(n)", "\(l): \(dead) of \(n) dead", "\(l): \(dead)/\(n) dead"]
        }
        if health.saturated != nil || health.dead != nil {
            return ["layer \(l): \(neurons), healthy", "layer \(l): healthy", "\(l): healthy"]
        }
        let name = health.activation.rawValue
        return ["layer \(l): \(neurons), \(name)", "layer \(l): \(name)", "\(l): \(name)"]
    }

    /// Whether each line of words starts with the curve's mark: only past 9 layers, whose marks
    /// are letters; below, the layer's number starting the words is the mark, in its colour.
    private var marksWords: Bool { health.count > 9 }

    /// `health`'s words in the forms `words` gives, with the mark before them where needed.
    private func forms(_ layer: NeuronHealth) -> [String] {
        let forms = GradientFlowPane.words(layer)
        return marksWords ? forms.map { "\(GradientFlowPane.mark(layer.layer)) \($0)" } : forms
    }

    /// The widest line of words in its longest form.
    private var wordsWidth: Int {
        health.map { DisplayWidth.of(forms($0)[0]) }.max() ?? 0
    }

    /// Columns the pane asks for: with 30 for the cost curve, an 80-column place holds both, so
    /// the class sees the cost stall while the gradients shrink (the words then take their
    /// shorter forms).
    static let wantedWidth = 50

    /// The rows the cost curve's place is found while this pane shares it (as it is found the
    /// curve's own): 8 rows of curves, so five layers' curves lie apart.
    static let roomyHeight = 10

    func needs(_ offer: PaneOffer) -> PaneNeeds {
        PaneNeeds(
            minimumWidth: CostPane.minimumWidth, wantedWidth: GradientFlowPane.wantedWidth,
            minimumHeight: CostPane.minimumHeight, wantedHeight: max(CostPane.wantedHeight, health.count + 3))
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        canvas.drawBox(
            area,
            title: LineFit.first(GradientFlowPane.titles(glyphs), width: area.width - 4, ellipsis: glyphs.ellipsis),
            glyphs: glyphs)
        let inside = area.inset(by: 1)
        guard inside.width > 0, inside.height > 0 else { return }
        let dim = Style(dim: true)

        // The y range: whole powers of ten around every finite, positive norm.
        let logs = series.layers.compactMap(\.overall).flatMap { [$0.min, $0.max] }.filter { $0 > 0 && $0.isFinite }
            .map(log10)
        let bottom = (logs.min() ?? 0).rounded(.down)
        var top = (logs.max() ?? 1).rounded(.up)
        if top <= bottom { top = bottom + 1 }
        let labels = Array(Int(bottom)...Int(top)).map(GradientFlowPane.label(decade:))
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 1

        // The words take the right, in their longest forms that leave the curves at least half
        // of the room (and never less than their minimum).
        let most = inside.width - labelWidth - 3 - GradientFlowPane.minimumPlotWidth
        let room = min(most, (inside.width - labelWidth - 3) / 2)
        // With more layers than rows the shortest forms share lines, which takes the most room.
        let fitting =
            health.count <= inside.height
            ? health.map { layer in forms(layer).map(DisplayWidth.of).first { $0 <= room } ?? room }
            : [packedWidth(rows: inside.height, most: most)]
        let wordsWidth = min(health.count <= inside.height ? self.wordsWidth : most, max(0, fitting.max() ?? 0))
        let plot = Rect(
            x: inside.x + labelWidth + 2, y: inside.y,
            width: inside.width - labelWidth - 3 - (wordsWidth > 0 ? wordsWidth + 1 : 0), height: inside.height)
        if wordsWidth > 0 {
            let column = Rect(x: plot.maxX + 1, y: inside.y, width: wordsWidth, height: inside.height)
            drawWords(on: &canvas, in: column, glyphs: glyphs)
        }
        guard plot.width > 0 else { return }

        // Axis and labels: the top row is 10^top, the bottom row 10^bottom, a decade between
        // them labelled where it falls on a row of its own.
        let axisX = plot.x - 1
        for row in plot.y..<plot.maxY {
            canvas.put(String(glyphs.vertical), x: axisX, y: row, style: dim, clip: inside)
        }
        func row(ofLog value: Double) -> Int {
            let fraction = (value - bottom) / (top - bottom)
            return plot.maxY - 1 - Int((fraction * Double(plot.height - 1)).rounded())
        }
        var labelled: [Int] = []
        for (k, decade) in (Int(bottom)...Int(top)).enumerated().reversed() {
            let y = row(ofLog: Double(decade))
            let isEnd = decade == Int(bottom) || decade == Int(top)
            guard isEnd || labelled.allSatisfy({ abs($0 - y) > 1 }) else { continue }
            guard !labelled.contains(y) else { continue }
            labelled.append(y)
            canvas.put(NumberFormat.pad(labels[k], labelWidth), x: inside.x, y: y, style: dim, clip: inside)
            canvas.put(String(glyphs.axisTick), x: axisX, y: y, style: dim, clip: inside)
        }

        // Steps in the bottom border, as the short cost curve writes them.
        let lastStep = max(0, series.lastStep)
        if area.height >= 2 {
            let border = Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1)
            canvas.put(" 0 ", x: plot.x - 1, y: border.y, style: dim, clip: border)
            let last = " \(lastStep) "
            canvas.put(last, x: plot.maxX - last.count + 1, y: border.y, style: dim, clip: border)
        }

        // The curves. Where several pass through one cell (layers whose norms are close) the
        // cell takes turns among them by column, so that no curve hides behind another: a
        // shared stretch reads `1212`.
        var layersAt = [[Int]](repeating: [], count: plot.width * plot.height)
        for l in series.layers.indices {
            for (column, low, high) in points(of: series.layers[l], steps: lastStep + 1, columns: plot.width, row: row)
            {
                for y in min(low, high)...max(low, high) where y >= plot.y && y < plot.maxY {
                    let cell = (y - plot.y) * plot.width + column
                    if layersAt[cell].last != l { layersAt[cell].append(l) }
                }
            }
        }
        for (cell, present) in layersAt.enumerated() where !present.isEmpty {
            let column = cell % plot.width
            let l = present[column % present.count]
            canvas.put(
                String(GradientFlowPane.mark(l)), x: plot.x + column, y: plot.y + cell / plot.width,
                style: Style(foreground: GradientFlowPane.color(l), bold: true), clip: plot)
        }
    }

    /// The cells of one curve, column by column: each column's lowest and highest norm (its
    /// share of the steps, or a step stretched over several columns), and between two columns
    /// with norms the straight line joining them. Norms that are 0 or not finite are left out.
    private func points(of curve: CostCurve, steps: Int, columns: Int, row: (Double) -> Int) -> [(Int, Int, Int)] {
        var marked: [(column: Int, low: Int, high: Int)] = []
        func add(column: Int, lower: Int, upper: Int) {
            guard let bucket = curve.summary(steps: lower, upper), bucket.min > 0, bucket.hasFiniteCost else { return }
            marked.append((column, row(log10(bucket.min)), row(log10(bucket.max))))
        }
        if steps > columns {
            for column in 0..<columns {
                add(column: column, lower: column * steps / columns, upper: (column + 1) * steps / columns)
            }
        } else {
            for step in 0..<steps {
                add(column: steps == 1 ? 0 : step * (columns - 1) / (steps - 1), lower: step, upper: step + 1)
            }
        }
        var cells: [(Int, Int, Int)] = []
        for (k, point) in marked.enumerated() {
            if k > 0, case let before = marked[k - 1], before.column + 1 < point.column {
                let (from, to) = (Double(before.low + before.high) / 2, Double(point.low + point.high) / 2)
                for column in (before.column + 1)..<point.column {
                    let t = Double(column - before.column) / Double(point.column - before.column)
                    let y = Int((from + t * (to - from)).rounded())
                    cells.append((column, y, y))
                }
            }
            cells.append((point.column, point.low, point.high))
        }
        return cells
    }

    /// The fewest columns in which the shortest forms, several to a line two spaces apart, take
    /// at most `rows` lines; `most` when none up to it does.
    private func packedWidth(rows: Int, most: Int) -> Int {
        let widths = health.map { DisplayWidth.of(forms($0).last ?? "") }
        guard let widest = widths.max(), widest <= most else { return most }
        for width in widest...most {
            var (lines, used) = (1, 0)
            for item in widths {
                if used > 0 && used + 2 + item > width {
                    lines += 1
                    used = item
                } else {
                    used += used > 0 ? 2 + item : item
                }
            }
            if lines <= rows { return width }
        }
        return most
    }

    /// One line per layer in the longest form that fits, its number (or mark) up to the colon
    /// in the layer's colour. With more layers than rows, the shortest forms share the lines,
    /// as many to a line as fit; layers that still find no place are counted on the last line.
    private func drawWords(on canvas: inout Canvas, in column: Rect, glyphs: Glyphs) {
        func draw(_ text: String, of layer: NeuronHealth, x: Int, y: Int) -> Int {
            let name = text.prefix { $0 != ":" } + ":"
            let style = Style(foreground: GradientFlowPane.color(layer.layer), bold: true)
            let x = canvas.put(String(name), x: x, y: y, style: style, clip: column)
            return canvas.put(
                String(text.dropFirst(name.count)), x: x, y: y,
                style: layer.hasStoppedNeurons ? Style(bold: true) : .plain,
                clip: column)
        }
        if health.count <= column.height {
            for (row, layer) in health.enumerated() {
                let text = LineFit.first(forms(layer), width: column.width, ellipsis: glyphs.ellipsis)
                _ = draw(text, of: layer, x: column.x, y: column.y + row)
            }
            return
        }
        // The shortest forms, several to a line: "1: healthy  2: 6/8 sat".
        var (row, x, placed) = (0, column.x, 0)
        for layer in health {
            let text = forms(layer).last ?? ""
            let width = DisplayWidth.of(text)
            if x > column.x && x + 2 + width > column.maxX {
                row += 1
                x = column.x
            }
            guard row < column.height else { break }
            if x > column.x { x += 2 }
            x = draw(text, of: layer, x: x, y: column.y + row)
            placed += 1
        }
        if placed < health.count, column.height > 0 {
            let more = "+\(health.count - placed)"
            canvas.put(more, x: column.maxX - more.count, y: column.maxY - 1, style: Style(dim: true), clip: column)
        }
    }
}

extension GradientFlowPane {
    /// `frame`'s gradient flow, when `F` shows it.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        guard frame.state.isGradientFlowShown else { return nil }
        return GradientFlowPane(series: frame.state.gradientFlow, health: frame.data.neuronHealth)
    }
}
