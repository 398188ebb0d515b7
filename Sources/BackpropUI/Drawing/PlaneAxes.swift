import BackpropCore
import Foundation

/// The part of the input plane that is painted: the range of each input in the data, widened by
/// a margin so that no sample sits on the edge, x1 across and x2 upwards.
struct PlaneAxes: Equatable, Sendable {
    /// The painted range of x1 (across) and of x2 (upwards).
    let x1: ClosedRange<Double>
    let x2: ClosedRange<Double>

    /// Columns of the y labels: the longer of x2's ends, at least those of "x2". Worked out
    /// once: the layout asks for it on every frame, and each label is a formatted number.
    let labelWidth: Int

    /// The share of a range added on each side.
    static let margin = 0.1

    /// The axes around the two columns of `inputs` (N x 2).
    init(around inputs: Matrix) {
        self.init(x1: Self.widened(inputs, column: 0), x2: Self.widened(inputs, column: 1))
    }

    init(x1: ClosedRange<Double>, x2: ClosedRange<Double>) {
        self.x1 = x1
        self.x2 = x2
        labelWidth = max(Self.label(x2.upperBound).count, Self.label(x2.lowerBound).count, 2)
    }

    private static func widened(_ inputs: Matrix, column: Int) -> ClosedRange<Double> {
        var (low, high) = (Double.infinity, -Double.infinity)
        for row in 0..<inputs.rows {
            let value = inputs[row, column]
            guard value.isFinite else { continue }
            low = min(low, value)
            high = max(high, value)
        }
        guard low <= high else { return -1...1 }
        let margin = high > low ? (high - low) * Self.margin : max(0.5, abs(low) * Self.margin)
        return (low - margin)...(high + margin)
    }

    /// The inputs at the centres of a `columns` x `rows` grid of pixels over the plane, row by
    /// row from the top (largest x2) down: the points to paint.
    func grid(columns: Int, rows: Int) -> Matrix {
        var points = Matrix(rows: columns * rows, columns: 2)
        for row in 0..<rows {
            for column in 0..<columns {
                let centre = self.centre(column: column, row: row, columns: columns, rows: rows)
                points[row * columns + column, 0] = centre.x1
                points[row * columns + column, 1] = centre.x2
            }
        }
        return points
    }

    /// The point at the centre of cell (`column`, `row`) of a `columns` x `rows` grid, rows
    /// from the top (largest x2) down.
    func centre(column: Int, row: Int, columns: Int, rows: Int) -> (x1: Double, x2: Double) {
        (
            x1.lowerBound + (Double(column) + 0.5) / Double(columns) * (x1.upperBound - x1.lowerBound),
            x2.upperBound - (Double(row) + 0.5) / Double(rows) * (x2.upperBound - x2.lowerBound)
        )
    }

    /// The point a click on cell (`column`, `row`) of a `columns` x `rows` plot names: the
    /// cell's centre, each coordinate rounded to the fewest decimals (2 at least) that keep it
    /// in that cell, so that a sample added there reads as a class would type it (0.42, not
    /// 0.4183333) and is drawn in the cell clicked.
    func point(column: Int, row: Int, columns: Int, rows: Int) -> (x1: Double, x2: Double) {
        let centre = centre(column: column, row: row, columns: columns, rows: rows)
        let x1 = Self.rounded(centre.x1) {
            self.cell(x1: $0, x2: centre.x2, columns: columns, rows: rows).column == column
        }
        let x2 = Self.rounded(centre.x2) { self.cell(x1: centre.x1, x2: $0, columns: columns, rows: rows).row == row }
        return (x1, x2)
    }

    /// `value` rounded to the fewest decimals, from 2 to 6, for which `keeps` holds; `value`
    /// itself when none does.
    private static func rounded(_ value: Double, keeping keeps: (Double) -> Bool) -> Double {
        var scale = 100.0
        for _ in 2...6 {
            let candidate = (value * scale).rounded() / scale
            if keeps(candidate) { return candidate == 0 ? 0 : candidate }
            scale *= 10
        }
        return value
    }

    /// The cell of a `columns` x `rows` grid that the point (`x1`, `x2`) falls in.
    func cell(x1 value1: Double, x2 value2: Double, columns: Int, rows: Int) -> (column: Int, row: Int) {
        let across = (value1 - x1.lowerBound) / (x1.upperBound - x1.lowerBound) * Double(columns)
        let down = (x2.upperBound - value2) / (x2.upperBound - x2.lowerBound) * Double(rows)
        return (Self.clamped(across, below: columns), Self.clamped(down, below: rows))
    }

    private static func clamped(_ value: Double, below limit: Int) -> Int {
        guard value.isFinite, value > 0 else { return 0 }
        return min(limit - 1, Int(value))
    }

    /// An axis end as a label: at most 2 decimals, no trailing zeros (-0.1, 1.1, 12).
    static func label(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
