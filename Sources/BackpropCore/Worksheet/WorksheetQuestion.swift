/// One numbered question: a matrix of numbers to work out, as a table (rows are samples, or a
/// weight's input; columns are neurons).
public struct WorksheetQuestion: Equatable, Sendable {
    /// The question's number on the sheet, from 1.
    public let number: Int
    /// The part of the step it belongs to.
    public let part: WorksheetPart
    /// What is asked, as an equation of matrices: "a¹ = xW¹ + b¹".
    public let title: String
    /// What the numbers are, in words: "the weighted input of each neuron of layer 1".
    public let meaning: String
    /// One number of the table in symbols, with its indices as letters: "a¹j = Σi xi·ω¹ij + b¹j".
    public let rule: String
    /// The rows' labels: "sample 1", or the input a weight comes from ("x1", "h¹2").
    public let rowLabels: [String]
    /// The columns' labels: the names of the numbers a row holds ("a¹1"), or the neuron a
    /// weight leads to.
    public let columnLabels: [String]
    /// The answers, `rowLabels.count` rows of `columnLabels.count`.
    public let cells: [[WorksheetAnswer]]
    /// Whether each row is a sample, so a cell's working names its sample.
    public let rowsAreSamples: Bool

    /// A question from its parts; `Worksheet` is the usual source.
    public init(
        number: Int, part: WorksheetPart, title: String, meaning: String, rule: String, rowLabels: [String],
        columnLabels: [String], cells: [[WorksheetAnswer]], rowsAreSamples: Bool
    ) {
        precondition(cells.count == rowLabels.count && cells.allSatisfy { $0.count == columnLabels.count })
        self.number = number
        self.part = part
        self.title = title
        self.meaning = meaning
        self.rule = rule
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.cells = cells
        self.rowsAreSamples = rowsAreSamples
    }

    /// Every answer's working, row by row, prefixed with its sample where rows are samples:
    /// "sample 2: a¹1 = … = 0.1200".
    public var workings: [String] {
        cells.indices.flatMap { row in
            cells[row].map { rowsAreSamples ? "\(rowLabels[row]): \($0.working)" : $0.working }
        }
    }
}
