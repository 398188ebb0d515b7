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
            let along2 = x2.upperBound - (Double(row) + 0.5) / Double(rows) * (x2.upperBound - x2.lowerBound)
            for column in 0..<columns {
                let along1 = x1.lowerBound + (Double(column) + 0.5) / Double(columns) * (x1.upperBound - x1.lowerBound)
                points[row * columns + column, 0] = along1
                points[row * columns + column, 1] = along2
            }
        }
        return points
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
