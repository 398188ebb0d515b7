/// A worksheet as GitHub-flavoured Markdown: a heading per part, a table per matrix (rows are
/// samples or a weight's input, columns neurons), blanks `____` for the answers, and with the
/// answers each one's working as a list under its table.
public struct WorksheetMarkdownRenderer: Sendable {
    /// What a blank for an answer looks like.
    static let blank = "____"

    /// A renderer; the Markdown has no width.
    public init() {}

    /// The sheet; with `answers`, every blank filled and each answer's working under its table.
    public func render(_ sheet: Worksheet, answers: Bool) -> String {
        var blocks: [String] = ["# \(sheet.heading(answers: answers))", "`\(sheet.source)`", "## Givens"]
        blocks.append(sheet.settings.map { "- \(escaped($0))" }.joined(separator: "\n"))
        let samples = sheet.sampleTable
        blocks.append("**Samples** (inputs x, targets y)")
        blocks.append(table(rows: samples.rows, columns: samples.columns, cells: samples.cells))
        for l in 0..<sheet.givens.network.layerCount {
            let layer = sheet.layerTable(l)
            blocks.append("**\(escaped(layer.title))**")
            blocks.append(table(rows: layer.rows, columns: layer.columns, cells: layer.cells))
        }
        blocks.append("## How to work")
        blocks.append(Worksheet.roundingRule)
        var part: WorksheetPart?
        for question in sheet.questions {
            if question.part != part {
                part = question.part
                blocks.append("## \(question.part.heading)")
            }
            blocks.append("### \(question.number). \(escaped(question.title))")
            blocks.append("\(escaped(capitalized(question.meaning))): `\(question.rule)`")
            let cells = question.cells.map { row in row.map { answers ? $0.text : WorksheetMarkdownRenderer.blank } }
            blocks.append(table(rows: question.rowLabels, columns: question.columnLabels, cells: cells))
            if answers {
                blocks.append("Working:")
                blocks.append(question.workings.map { "- `\($0)`" }.joined(separator: "\n"))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A GitHub table: the row labels in a first column without a heading, numbers right-aligned.
    func table(rows: [String], columns: [String], cells: [[String]]) -> String {
        var lines = ["| | " + columns.map(escaped).joined(separator: " | ") + " |"]
        lines.append("|---|" + String(repeating: "---:|", count: columns.count))
        for r in rows.indices {
            lines.append("| \(escaped(rows[r])) | " + cells[r].map(escaped).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Text with Markdown's active characters outside code escaped (`*`, `_`, `|`, `[`, `]`):
    /// the blanks `____` are left as they are, since a run of underscores alone is not emphasis.
    func escaped(_ text: String) -> String {
        guard text != WorksheetMarkdownRenderer.blank else { return text }
        var result = ""
        for character in text {
            if "*_|[]`<>".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    private func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
