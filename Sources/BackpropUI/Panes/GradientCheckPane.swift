import BackpropCore
import Foundation

/// Backprop's gradient beside an independent estimate, the central finite difference
/// (C(θ + h) - C(θ - h)) / 2h, and their relative error, for every weight and bias of every
/// layer: students see that backprop computes the true slope. Entries flow into as many columns
/// as fit; when there are more than fit, the pane shows the run of entries around the selected
/// parameter (Tab walks through them all) and its title says which.
struct GradientCheckPane: Pane {
    /// The step the current state would take: backprop's gradients.
    let trace: StepTrace
    /// The finite-difference estimates, computed once per state (`FrameData`).
    let estimate: FiniteDifference
    /// How the screen names the network's numbers.
    let names: SymbolNames

    /// The box's title, before the range of entries shown.
    static let title = "Gradient check (c)"

    /// Columns of the longest parameter name of a network of `sizes`.
    static func nameWidth(sizes: [Int], names: SymbolNames) -> Int {
        sizes.indices.dropLast().map {
            names.parameter(.weight(layer: $0, row: sizes[$0] - 1, column: sizes[$0 + 1] - 1)).count
        }.max() ?? 3
    }

    /// The columns of one entry: name, backprop, estimate, relative error.
    static func columnWidth(_ number: NumberFormat, nameWidth: Int) -> Int { 2 * number.width + nameWidth + 13 }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        guard area.width > 0, area.height >= 3 else { return }
        let glyphs = context.glyphs
        let network = trace.networkBefore
        let count = network.parameters.count
        let inside = area.inset(by: 1)
        let nameWidth = GradientCheckPane.nameWidth(sizes: network.sizes, names: names)
        let number = context.number.fitting(trace.gradient + estimate.gradient)
        let width = GradientCheckPane.columnWidth(number, nameWidth: nameWidth)
        let columns = max(1, min(count, inside.width / width))
        let rows = max(1, inside.height - 1)
        let window = ScrollWindow(count: count, room: columns * rows, keeping: network.offset(of: context.selection))
        var title = GradientCheckPane.title
        if window.isPartial {
            title +=
                " \(glyphs.separator.trimmingCharacters(in: .whitespaces)) \(window.first + 1)-\(window.first + window.shown) of \(count)"
        }
        canvas.drawBox(area, title: title, glyphs: glyphs)
        // Short headings when the numbers are narrow, so the header never runs past its column.
        let backpropHeading = number.width >= 8 ? "backprop" : "bprop"
        let finiteHeading = number.width >= 11 ? "finite diff" : "f.diff"
        let header =
            " " + pad("", nameWidth) + " " + pad(backpropHeading, number.width) + " "
            + pad(finiteHeading, number.width) + " " + pad("rel.err", 8)
        let perColumn = min(rows, window.shown)
        for column in 0..<min(columns, (window.shown + perColumn - 1) / max(1, perColumn)) {
            canvas.put(header, x: inside.x + column * width, y: inside.y, style: Style(bold: true), clip: inside)
        }
        for (position, offset) in window.range.enumerated() {
            let parameter = ParameterIndex(offset: offset, in: network)
            let column = position / perColumn
            let row = position % perColumn
            let backprop = trace.gradient[offset]
            let finite = estimate.gradient[offset]
            let error = FiniteDifference.relativeError(backprop, finite)
            let x = inside.x + column * width
            let y = inside.y + 1 + row
            let style = parameter == context.selection ? Style(reverse: true) : Style(bold: true)
            canvas.put(
                " " + pad(names.parameter(parameter), nameWidth, left: true), x: x, y: y, style: style, clip: inside)
            let text = " " + number.string(backprop) + " " + number.string(finite) + " " + pad(errorText(error), 8)
            canvas.put(
                text, x: x + 1 + nameWidth, y: y, style: error < 1e-4 ? .plain : Style(foreground: .red, bold: true),
                clip: inside)
        }
    }

    /// "3.1e-11": two significant digits are enough to see "tiny".
    private func errorText(_ value: Double) -> String {
        guard value.isFinite else { return LearningRateText.cost(value) }
        return value == 0 ? "0" : NumberFormat.exponent(value, places: 1)
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        guard text.count < width else { return text }
        let padding = String(repeating: " ", count: width - text.count)
        return left ? text + padding : padding + text
    }
}

extension GradientCheckPane {
    /// `frame`'s finite differences when the check is open, covered while a quiz question asks
    /// about a gradient.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        guard let estimate = frame.data.gradientCheck else { return nil }
        let pane = GradientCheckPane(trace: frame.trace, estimate: estimate, names: frame.names)
        if case .gradient? = frame.asked { return AnswerHiddenPane(covering: pane, title: title) }
        return pane
    }

    /// One column of entries, box included.
    func needs(_ offer: PaneOffer) -> PaneNeeds {
        let nameWidth = GradientCheckPane.nameWidth(sizes: trace.networkBefore.sizes, names: names)
        return PaneNeeds(wantedWidth: GradientCheckPane.columnWidth(offer.number, nameWidth: nameWidth) + 2)
    }
}
