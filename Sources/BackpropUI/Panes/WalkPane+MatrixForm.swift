import BackpropCore

/// The walk in matrix form (`M`): the phase's formulas over whole matrices, one line each with
/// their shapes and numpy, the numbers of the matrices beneath where they fit, and above them,
/// where rows are left, the phases already walked, a line each.
extension WalkPane {
    /// One line of the matrix form and how it is drawn.
    struct MatrixLine: Equatable {
        let text: String
        var style: Style = .plain
    }

    /// The trace whose numbers `phase` shows: the step just taken in the update phase (its W and
    /// b before and after), else the step the walk goes through.
    var matrixTrace: StepTrace? { phase == .update ? takenStep : trace }

    /// The phases walked before `phase`, first first.
    func earlierPhases() -> [StepPhase] {
        var phases: [StepPhase] = []
        var current = StepPhase.first
        while current != phase {
            phases.append(current)
            current = current.next(layerCount: names.layerCount)
            if current == .first { break }
        }
        return phases
    }

    /// The formulas of `phase` for `selection` (the update shows the selected parameter's layer).
    func matrixFormulas(_ phase: StepPhase, in trace: StepTrace, selection: ParameterIndex) -> [MatrixFormula] {
        let form = MatrixForm(names: names)
        if phase == .update { return form.update(layer: selection.layer, in: trace) }
        return form.formulas(for: phase, in: trace)
    }

    /// The matrix form's lines for `rows` rows of `width` columns.
    func matrixLines(width: Int, rows: Int, context: PaneContext) -> [MatrixLine] {
        guard let trace = matrixTrace, rows > 0, width > 0 else { return [] }
        let glyphs = context.glyphs
        let formulas = matrixFormulas(phase, in: trace, selection: context.selection)
        let heads = WalkPane.formulaLines(formulas, width: width, rows: rows)
        let numbers = MatrixNumbers(text: EquationText(number: context.number, glyphs: glyphs, loss: trace.loss))
        // Rows left once every formula has its line: the first formula's numbers first, then the
        // phases walked before, then the other formulas' numbers.
        var left = rows - heads.reduce(0) { $0 + $1.count }
        var blocks = [[String]](repeating: [], count: formulas.count)
        if !formulas.isEmpty {
            blocks[0] = numbers.lines(
                formulas[0].terms, width: width, rows: min(left, formulas[0].terms.map(\.matrix.rows).max()! + 1))
            left -= blocks[0].count
        }
        let walked = earlierPhases().suffix(max(0, left))
        left -= walked.count
        for index in formulas.indices.dropFirst() where left >= 2 {
            blocks[index] = numbers.lines(
                formulas[index].terms, width: width,
                rows: min(left, formulas[index].terms.map(\.matrix.rows).max()! + 1))
            left -= blocks[index].count
        }
        var lines: [MatrixLine] = walked.map { earlier in
            let maths = matrixFormulas(earlier, in: self.trace, selection: context.selection).map(\.math)
            let title = earlier.title(layerCount: names.layerCount)
            return MatrixLine(
                text: LineFit.words(
                    glyphs.spelled("\(title): " + maths.joined(separator: ", ")), width: width,
                    ellipsis: glyphs.ellipsis), style: Style(dim: true))
        }
        for (head, block) in zip(heads, blocks) {
            lines += head.enumerated().map { index, text in
                MatrixLine(
                    text: LineFit.words(glyphs.spelled(text), width: width, ellipsis: glyphs.ellipsis),
                    style: Style(bold: index == 0))
            }
            lines += block.map { MatrixLine(text: glyphs.spelled($0)) }
        }
        return Array(lines.prefix(rows))
    }

    /// Each formula's line (and its numpy line under it, when it goes there), the fullest way
    /// that fits `width` and `rows`: formula, shapes and numpy in aligned columns; the same
    /// closer together; each line on its own; numpy under each formula (when that leaves rows
    /// for numbers); then line by line, numpy without the shapes where the three do not fit.
    static func formulaLines(_ formulas: [MatrixFormula], width: Int, rows: Int) -> [[String]] {
        let fits = { (line: String) in DisplayWidth.of(line) <= width }
        for gap in [3, 2] {
            let mathWidth = formulas.map { DisplayWidth.of($0.math) }.max() ?? 0
            let shapesWidth = formulas.map { DisplayWidth.of($0.shapes) }.max() ?? 0
            let aligned = formulas.map { formula in
                [
                    pad(formula.math, mathWidth + gap) + pad(formula.shapes, shapesWidth + gap) + formula.numpy
                ]
            }
            if aligned.allSatisfy({ fits($0[0]) }) { return aligned }
        }
        let wholes = formulas.map { "\($0.math)  \($0.shapes)  \($0.numpy)" }
        if wholes.allSatisfy(fits) { return wholes.map { [$0] } }
        let below = formulas.map { [$0.line(), "  " + $0.numpy] }
        // Under each formula only while two rows are left for numbers beneath.
        if formulas.count * 2 + 2 <= rows && below.allSatisfy({ $0.allSatisfy(fits) }) { return below }
        return zip(formulas, wholes).map { formula, whole in
            if fits(whole) { return [whole] }
            let withoutShapes = "\(formula.math)  \(formula.numpy)"
            return [fits(withoutShapes) ? withoutShapes : formula.line(gap: "  ")]
        }
    }

    /// `text` with blanks after it up to `width` columns.
    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
