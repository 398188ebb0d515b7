/// The cost over a grid of two parameters with every other parameter at its current value: a
/// slice through the current state of the surface training descends. Each cell holds the exact
/// cost at its centre, by the trainer's own forward pass and loss over the training samples;
/// with a penalty on, the objective the weights descend (C/N + the penalty under a mean
/// reduction, C + the penalty otherwise: `Trainer.costs`).
///
/// Made a row at a time (`computeNextRow`), so a frame can draw what is made and go on later.
/// Rows go from the lowest value of `y` up, columns from the lowest value of `x`; the cell
/// centres are `window`'s ranges cut into `columns` by `rows` equal cells.
public struct Landscape: Equatable, Sendable {
    /// The parameter along the x axis.
    public let x: ParameterIndex
    /// The parameter along the y axis.
    public let y: ParameterIndex
    /// The values shown, edge to edge.
    public let window: LandscapeWindow
    /// Cells across.
    public let columns: Int
    /// Cells up.
    public let rows: Int
    /// The costs of the rows made so far, row after row, each from its lowest x.
    public private(set) var costs: [Double] = []

    /// An unmade landscape of `columns` by `rows` cells (each at least 1) over `window`.
    public init(x: ParameterIndex, y: ParameterIndex, window: LandscapeWindow, columns: Int, rows: Int) {
        precondition(columns > 0 && rows > 0, "a landscape has at least one cell")
        self.x = x
        self.y = y
        self.window = window
        self.columns = columns
        self.rows = rows
    }

    /// How many rows are made.
    public var rowsMade: Int { costs.count / columns }

    /// Whether every row is made.
    public var isFinished: Bool { rowsMade == rows }

    /// The value of `x` at the centre of column `column`.
    public func xValue(column: Int) -> Double {
        Landscape.centre(of: column, cells: columns, in: window.x)
    }

    /// The value of `y` at the centre of row `row` (row 0 the lowest).
    public func yValue(row: Int) -> Double {
        Landscape.centre(of: row, cells: rows, in: window.y)
    }

    /// The cost of the cell at `column`, `row`, once its row is made.
    public func cost(column: Int, row: Int) -> Double {
        costs[row * columns + column]
    }

    /// Makes the next row with `trainer`'s current state: one forward pass over its training
    /// samples for each cell.
    public mutating func computeNextRow(with trainer: Trainer) {
        guard !isFinished else { return }
        let row = rowsMade
        costs += trainer.costs(
            setting: x, to: (0..<columns).map(xValue(column:)), and: y, to: yValue(row: row))
    }

    /// Makes every row left.
    public mutating func finish(with trainer: Trainer) {
        while !isFinished { computeNextRow(with: trainer) }
    }

    /// The lowest and highest finite costs made, or nil when none is.
    public var costRange: ClosedRange<Double>? {
        var lowest = Double.infinity
        var highest = -Double.infinity
        for cost in costs where cost.isFinite {
            lowest = min(lowest, cost)
            highest = max(highest, cost)
        }
        return lowest <= highest ? lowest...highest : nil
    }

    /// Whether the costs span more than two decades (the highest over 100 times the lowest
    /// positive one): then a shading by the logarithm of the cost shows the valley floor,
    /// which a linear one paints all the same.
    public var spansDecades: Bool {
        guard let range = positiveCostRange else { return false }
        return range.upperBound > 100 * range.lowerBound
    }

    /// The lowest and highest finite positive costs made (what a log scale spans), or nil when
    /// none is.
    public var positiveCostRange: ClosedRange<Double>? {
        let positive = costs.filter { $0.isFinite && $0 > 0 }
        guard let lowest = positive.min(), let highest = positive.max() else { return nil }
        return lowest...highest
    }

    /// The grid as CSV: `csvHeader`, then `csvLine` for every cell of the rows made so far, x
    /// varying fastest.
    public func csv(xName: String, yName: String) -> String {
        var text = Landscape.csvHeader(xName: xName, yName: yName) + "\n"
        for row in 0..<rowsMade {
            for column in 0..<columns { text += csvLine(column: column, row: row) + "\n" }
        }
        return text
    }

    /// The CSV header: the two parameters' names (as the trace's CSV columns name them), then
    /// `cost`.
    public static func csvHeader(xName: String, yName: String) -> String {
        "\(xName),\(yName),cost"
    }

    /// The CSV line of a made cell: its centre and its cost, each as Swift prints a Double
    /// (the shortest form that reads back as the same number).
    public func csvLine(column: Int, row: Int) -> String {
        "\(xValue(column: column)),\(yValue(row: row)),\(cost(column: column, row: row))"
    }

    /// The grid `--headless --landscape` and the visualiser's `E` make unless told otherwise: odd
    /// both ways, so a cell sits on the window's centre.
    public static let standardGrid = (columns: 41, rows: 31)

    /// The work of one cell for `trainer`: a forward pass over its training samples, in samples
    /// times the work of a point (`Network.forwardWorkPerPoint`).
    public static func cellWork(of trainer: Trainer) -> Int {
        trainer.scenario.trainingCount * trainer.network.forwardWorkPerPoint
    }

    /// The most work a cell may take for the visualiser to make a landscape between frames: a
    /// row of 40 such cells takes about a frame, so keys are answered. `--headless --landscape`
    /// has no such bound (Ctrl-C stops it between rows).
    public static let interactiveCellWork = 2_000_000

    /// The centre of cell `index` of `cells` equal cells across `range`.
    static func centre(of index: Int, cells: Int, in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (Double(index) + 0.5) * (range.upperBound - range.lowerBound) / Double(cells)
    }
}
