import BackpropCore
import Foundation

/// Backprop's gradient beside an independent estimate, the central finite difference
/// (C(θ + h) - C(θ - h)) / 2h, and their relative error, for every weight and bias: students
/// see that backprop computes the true slope. With few rows, entries flow into more columns.
struct GradientCheckPane {
    let state: AppState
    let trace: StepTrace
    /// The finite-difference estimates, computed once per state (`FrameData`).
    let estimate: FiniteDifference
    let number: NumberFormat
    let glyphs: Glyphs

    /// The columns of one entry: name, backprop, estimate, relative error.
    static func columnWidth(_ number: NumberFormat) -> Int { 2 * number.width + 20 }

    func draw(on canvas: inout Canvas, in area: Rect) {
        guard area.width > 0, area.height >= 3 else { return }
        canvas.drawBox(area, title: "Gradient check (c)", glyphs: glyphs)
        let inside = area.inset(by: 1)
        let scenario = state.trainer.scenario
        let parameters = Parameter.all(inputs: scenario.inputCount, outputs: scenario.outputCount)
        let width = GradientCheckPane.columnWidth(number)
        let columns = max(1, min(parameters.count, inside.width / width))
        let room = inside.height - 1
        let perColumn = (parameters.count + columns - 1) / columns
        let rows = RowWindow(count: perColumn, room: room)
        let header =
            " " + pad("", 5) + pad("backprop", number.width) + " " + pad("finite diff", number.width + 1)
            + pad("rel.err", 9)
        for column in 0..<columns {
            canvas.put(header, x: inside.x + column * width, y: inside.y, style: Style(bold: true), clip: inside)
        }
        for (index, parameter) in parameters.enumerated() {
            let column = index / perColumn
            let row = index % perColumn
            guard row < rows.shown else { continue }
            let backprop = trace.gradient(of: parameter.index)
            let finite = estimate[parameter.index]
            let error = FiniteDifference.relativeError(backprop, finite)
            let x = inside.x + column * width
            let y = inside.y + 1 + row
            let style = parameter == state.selection ? Style(reverse: true) : Style(bold: true)
            canvas.put(" " + pad(parameter.name(glyphs), 4), x: x, y: y, style: style, clip: inside)
            let text =
                " " + number.string(backprop) + " " + number.string(finite) + " " + pad(errorText(error), 9)
            canvas.put(
                text, x: x + 5, y: y, style: error < 1e-4 ? .plain : Style(foreground: .red, bold: true), clip: inside)
        }
        let hidden = parameters.count - min(parameters.count, rows.shown * columns)
        if hidden > 0 {
            canvas.put(
                "\(glyphs.ellipsis) \(hidden) more", x: inside.x + 1, y: inside.y + 1 + rows.shown,
                style: Style(dim: true),
                clip: inside)
        }
    }

    /// "3.1e-11": two significant digits are enough to see "tiny".
    private func errorText(_ value: Double) -> String {
        guard value.isFinite else { return LearningRateText.cost(value) }
        return value == 0 ? "0" : String(format: "%.1e", value).replacingOccurrences(of: "e-0", with: "e-")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
