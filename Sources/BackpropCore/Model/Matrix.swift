/// A dense matrix of `Double`, stored row-major.
///
/// The article writes samples as rows (x is N x n) and weights as ω_ij with i the input and j the
/// output (W is n x m), so row-major storage matches how every pane prints them.
public struct Matrix: Equatable, Hashable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, row after row: entry (i, j) is `elements[i * columns + j]`.
    public var elements: [Double]

    /// A `rows` x `columns` matrix with every entry set to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "a matrix cannot have a negative size")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its rows. Every row must have the same length (validation of user input
    /// happens earlier, in `Scenario`, with a readable message).
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "ragged rows")
        self.rows = rowArrays.count
        self.columns = columns
        self.elements = rowArrays.flatMap { $0 }
    }

    /// A matrix over existing row-major storage.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(elements.count == rows * columns, "storage does not match the shape")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Entry (i, j), both 0-based.
    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// The rows as nested arrays, the shape JSON and the article's printout use.
    public var rowArrays: [[Double]] {
        (0..<rows).map { Array(elements[($0 * columns)..<(($0 + 1) * columns)]) }
    }

    /// "3x2": how shapes are named in messages.
    public var shapeDescription: String { "\(rows)x\(columns)" }

    /// Equal when the shapes match and every entry has the same bits (NaN included).
    public static func == (left: Matrix, right: Matrix) -> Bool {
        left.rows == right.rows && left.columns == right.columns && left.elements.hasSameBits(as: right.elements)
    }
}
