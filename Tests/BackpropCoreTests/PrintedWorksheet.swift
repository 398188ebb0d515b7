import Foundation

/// A worksheet read back from its printed Markdown, knowing nothing of how it was made: the
/// settings, the givens' tables and each question's table of printed cells.
struct PrintedWorksheet {
    /// One printed table: row labels, column labels, cells as printed.
    struct Table: Equatable {
        var rows: [String] = []
        var columns: [String] = []
        var cells: [[String]] = []
    }

    /// One question: its number, its title (an equation of matrices) and its table.
    struct Question {
        var number: Int
        var title: String
        var table: Table
    }

    var activations: [String] = []
    var loss = ""
    var reduction = ""
    var learningRate = 0.0
    var samples = Table()
    var layers: [Table] = []
    var questions: [Question] = []
    /// Whether the sheet has a "Working:" line (only an answer key has).
    var hasWorkings = false

    /// Reads `markdown`; a line it cannot read fails the parse.
    init(markdown: String) throws {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        var context = ""
        var pendingQuestion: (Int, String)?
        while index < lines.count {
            let line = PrintedWorksheet.unescaped(lines[index])
            if line.hasPrefix("|") {
                var tableLines: [String] = []
                while index < lines.count, lines[index].hasPrefix("|") {
                    tableLines.append(PrintedWorksheet.unescaped(lines[index]))
                    index += 1
                }
                let table = try PrintedWorksheet.table(tableLines)
                if context == "samples" {
                    samples = table
                } else if context == "layer" {
                    layers.append(table)
                } else if let (number, title) = pendingQuestion {
                    questions.append(Question(number: number, title: title, table: table))
                    pendingQuestion = nil
                } else {
                    throw ParseError("a table with nothing before it that names it")
                }
                context = ""
                continue
            }
            if line.hasPrefix("- The network: ") {
                activations = line.matches(of: /\(([a-z]+)\)/).map { String($0.1) }
            } else if line.hasPrefix("- Loss ") {
                loss = String(line.dropFirst(7).prefix { $0 != ":" })
            } else if line.hasPrefix("- Reduction ") {
                reduction = String(line.dropFirst(12).prefix { $0.isLetter })
            } else if line.hasPrefix("- Learning rate: lr = ") {
                learningRate = try PrintedWorksheet.number(String(line.dropFirst(22)))
            } else if line.hasPrefix("**Samples**") {
                context = "samples"
            } else if line.hasPrefix("**Layer ") || line.hasPrefix("**The layer") {
                context = "layer"
            } else if let match = line.wholeMatch(of: /### (\d+)\. (.*)/) {
                pendingQuestion = (Int(match.1)!, String(match.2))
            } else if line == "Working:" {
                hasWorkings = true
            }
            index += 1
        }
    }

    /// A number as printed, or a parse error.
    static func number(_ text: String) throws -> Double {
        guard let value = Double(text) else { throw ParseError("\"\(text)\" is not a number") }
        return value
    }

    private static func table(_ lines: [String]) throws -> Table {
        guard lines.count >= 2 else { throw ParseError("a table without rows") }
        let split = { (line: String) -> [String] in
            var cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            cells.removeFirst()
            cells.removeLast()
            return cells
        }
        var table = Table()
        table.columns = Array(split(lines[0]).dropFirst())
        for line in lines.dropFirst(2) {
            let cells = split(line)
            guard cells.count == table.columns.count + 1 else { throw ParseError("a ragged row: \(line)") }
            table.rows.append(cells[0])
            table.cells.append(Array(cells.dropFirst()))
        }
        return table
    }

    /// The text with Markdown's backslash escapes taken out.
    private static func unescaped(_ line: String) -> String {
        var result = ""
        var escaping = false
        for character in line {
            if character == "\\" && !escaping {
                escaping = true
                continue
            }
            escaping = false
            result.append(character)
        }
        return result
    }

    /// Why a printed sheet could not be read.
    struct ParseError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
