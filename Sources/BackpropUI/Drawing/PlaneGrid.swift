/// How finely the input plane is computed: a point for every pixel of the plot, or, when the
/// network is so large that a forward pass for every pixel would hold up the frame, a coarser
/// grid of points, each painting the block of pixels around it.
///
/// The plane is painted afresh for every state shown (every step of a run), so its cost is a
/// frame's: pixels times the multiply-adds of one point's forward pass. A grid is chosen so
/// that this stays within `workBudget`, whatever the terminal size and the network, keeping the
/// plot's proportions.
struct PlaneGrid: Equatable, Sendable {
    /// The plot's pixels across and down.
    let pixelColumns: Int
    let pixelRows: Int
    /// The points computed across and down: the pixels' own, or fewer.
    let columns: Int
    let rows: Int

    /// Work (multiply-adds, an activation counting `Network.activationWork`) one plane may
    /// take: about 10 ms of a release build (measured: 100,000 sigmoid neurons a point cost
    /// about 1.2 ms), so that a new state's frame, which also works out the next step, is drawn
    /// in about a frame's time. Only a new network is painted again: other keys reuse the values.
    static let workBudget = 16_000_000

    /// The grid for a plot of `pixelColumns` x `pixelRows` pixels over a network whose forward
    /// pass costs `workPerPoint` multiply-adds a point: every pixel when that fits in `budget`,
    /// else as many points as fit, in the plot's proportions (at least one).
    init(pixelColumns: Int, pixelRows: Int, workPerPoint: Int, budget: Int = PlaneGrid.workBudget) {
        self.pixelColumns = max(0, pixelColumns)
        self.pixelRows = max(0, pixelRows)
        let pixels = self.pixelColumns * self.pixelRows
        let work = max(1, workPerPoint)
        guard pixels > 0, pixels > budget / work else {
            (columns, rows) = (self.pixelColumns, self.pixelRows)
            return
        }
        // Both sides shrink by the same factor, so a block is as square as the pixels are.
        let points = max(1, budget / work)
        let scale = (Double(points) / Double(pixels)).squareRoot()
        var columns = max(1, min(self.pixelColumns, Int(Double(self.pixelColumns) * scale)))
        var rows = max(1, min(self.pixelRows, Int(Double(self.pixelRows) * scale)))
        // Rounding never takes the grid over the budget: the side with the larger blocks'
        // share gives way.
        while columns * rows > points, columns > 1 || rows > 1 {
            let columnsAhead = columns * self.pixelRows >= rows * self.pixelColumns
            if rows == 1 || (columnsAhead && columns > 1) { columns -= 1 } else { rows -= 1 }
        }
        (self.columns, self.rows) = (columns, rows)
    }

    /// Whether a point stands for more than one pixel.
    var isCoarse: Bool { columns < pixelColumns || rows < pixelRows }

    /// The points computed.
    var pointCount: Int { columns * rows }

    /// The point (its row in the values, row by row from the top) whose value pixel (`column`,
    /// `row`) shows: the one whose block holds it.
    func point(column: Int, row: Int) -> Int {
        let across = pixelColumns == columns ? column : column * columns / pixelColumns
        let down = pixelRows == rows ? row : row * rows / pixelRows
        return down * columns + across
    }
}
