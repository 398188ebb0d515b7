/// A worksheet as plain text no wider than `width` columns (80 by default): tables that do not
/// fit are split into several of fewer columns, and a working too long for a line goes on with
/// an indent on the next.
///
/// Every symbol the sheet uses (ω, δ, ŷ, Σ, ∂, ·, ⊙, ᵀ, →, superscript digits) is one column
/// wide, so a line's characters are its columns.
public struct WorksheetTextRenderer: Sendable {
    /// The widest line.
    public let width: Int
    /// What a blank for an answer looks like.
    static let blank = "________"

    /// A renderer of lines at most `width` columns wide.
    public init(width: Int = 80) {
        self.width = width
    }

    /// The sheet; with `answers`, every blank filled and each answer's working under its table.
    public func render(_ sheet: Worksheet, answers: Bool) -> String {
        var lines: [String] = [sheet.heading(answers: answers)]
        lines += wrapped(sheet.source, indent: "")
        lines.append("")
        lines.append("Givens")
        for setting in sheet.settings { lines += wrapped(setting, indent: "  ", continuation: "    ") }
        lines.append("")
        let samples = sheet.sampleTable
        lines.append("  Samples (inputs x, targets y)")
        lines += table(rows: samples.rows, columns: samples.columns, cells: samples.cells, indent: "    ")
        for l in 0..<sheet.givens.network.layerCount {
            let layer = sheet.layerTable(l)
            lines.append("")
            lines += wrapped(layer.title, indent: "  ", continuation: "    ")
            lines += table(rows: layer.rows, columns: layer.columns, cells: layer.cells, indent: "    ")
        }
        lines.append("")
        lines.append("How to work")
        lines += wrapped(Worksheet.roundingRule, indent: "  ")
        var part: WorksheetPart?
        for question in sheet.questions {
            if question.part != part {
                part = question.part
                lines.append("")
                lines.append(question.part.heading)
            }
            lines.append("")
            lines += self.question(question, answers: answers)
        }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    /// One question: its number and title, what it means, the rule for one number, the table,
    /// and with `answers` the working of each number.
    func question(_ question: WorksheetQuestion, answers: Bool) -> [String] {
        let number = "\(question.number)."
        let label = String(repeating: " ", count: max(0, 3 - number.count)) + number + " "
        let indent = String(repeating: " ", count: label.count)
        var lines = wrapped(label + question.title, indent: "", continuation: indent + "  ")
        lines += wrapped(question.meaning, indent: indent, continuation: indent + "  ")
        lines += wrapped(question.rule, indent: indent, continuation: indent + "  ")
        let cells = question.cells.map { row in row.map { answers ? $0.text : WorksheetTextRenderer.blank } }
        lines += table(rows: question.rowLabels, columns: question.columnLabels, cells: cells, indent: indent)
        if answers {
            lines.append(indent + "Working:")
            for working in question.workings {
                lines += wrapped(working, indent: indent + "  ", continuation: indent + "      ")
            }
        }
        return lines
    }

    /// A table: the row labels left-aligned, the columns right-aligned under their labels, two
    /// spaces apart; split into tables of fewer columns, a blank line between, when too wide.
    func table(rows: [String], columns: [String], cells: [[String]], indent: String) -> [String] {
        let labelWidth = rows.map(\.count).max() ?? 0
        let widths = columns.indices.map { c in ([columns[c]] + cells.map { $0[c] }).map(\.count).max() ?? 0 }
        var chunks: [[Int]] = [[]]
        var used = indent.count + labelWidth
        for c in columns.indices {
            if used + 2 + widths[c] > width && !chunks[chunks.count - 1].isEmpty {
                chunks.append([])
                used = indent.count + labelWidth
            }
            chunks[chunks.count - 1].append(c)
            used += 2 + widths[c]
        }
        var lines: [String] = []
        for (index, chunk) in chunks.enumerated() {
            if index > 0 { lines.append("") }
            let pad = { (text: String, width: Int) in String(repeating: " ", count: max(0, width - text.count)) + text }
            let left = { (text: String) in text + String(repeating: " ", count: max(0, labelWidth - text.count)) }
            lines.append(indent + left("") + chunk.map { "  " + pad(columns[$0], widths[$0]) }.joined())
            for r in rows.indices {
                lines.append(indent + left(rows[r]) + chunk.map { "  " + pad(cells[r][$0], widths[$0]) }.joined())
            }
        }
        return lines
    }

    /// `text` in lines of at most `width` columns, broken at spaces: the first line starts with
    /// `indent`, the others with `continuation` (by default `indent`). A word longer than a line
    /// stands alone on one.
    func wrapped(_ text: String, indent: String, continuation: String? = nil) -> [String] {
        let next = continuation ?? indent
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = next + word
            } else {
                line += (lineHasWord ? " " : "") + word
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}

extension String {
    /// The string without the spaces at its end (a table's blank label column leaves some).
    fileprivate var trailingSpacesRemoved: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
