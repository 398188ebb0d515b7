import BackpropCore

/// Paints the values of one neuron over the input plane into a rectangle of cells: in colour two
/// pixels a cell (the upper half block ▀, the top pixel its foreground and the bottom one its
/// background), without colour one character a cell from the ramp ` .:-=+*#%@`.
struct PlanePainter {
    /// The part of the plane painted: x1 and x2 as the data gives them.
    let axes: PlaneAxes
    /// Whether the frame is shown in colour.
    let color: Bool
    /// The inputs the network sees, computed from each point's x1 and x2; nil when it sees
    /// x1 and x2 themselves.
    var features: [Feature]? = nil

    /// Pixel rows per cell row.
    var pixelsPerCell: Int { color ? 2 : 1 }

    /// The grid of points a plot of `columns` x `rows` cells is computed on, for a network whose
    /// forward pass costs `workPerPoint` a point: every pixel, or fewer when that would take
    /// longer than a frame (see `PlaneGrid`).
    func grid(columns: Int, rows: Int, workPerPoint: Int) -> PlaneGrid {
        PlaneGrid(pixelColumns: columns, pixelRows: rows * pixelsPerCell, workPerPoint: workPerPoint)
    }

    /// Every pixel of a plot of `columns` x `rows` cells, however much it costs: for the small
    /// neuron maps, whose cost is a few neurons a point.
    func fullGrid(columns: Int, rows: Int) -> PlaneGrid {
        PlaneGrid(pixelColumns: columns, pixelRows: rows * pixelsPerCell, workPerPoint: 0)
    }

    /// The network's inputs at the points of `grid`, row by row from the top: the features of
    /// each point when the network sees features, so the picture is the network's over (x1, x2).
    func points(_ grid: PlaneGrid) -> Matrix {
        let plane = axes.grid(columns: grid.columns, rows: grid.rows)
        return features.map { Feature.matrix($0, of: plane) } ?? plane
    }

    /// Paints `plot` with column `output` of `values` (computed for the plot's size), shaded by
    /// `ramp`.
    func paint(_ values: PlaneValues, output: Int, ramp: PlaneRamp, plot: Rect, on canvas: inout Canvas) {
        PlanePainter.paint(plot: plot, color: color, on: &canvas) { column, pixelRow in
            ramp.level(of: values.value(output: output, column: column, row: pixelRow))
        }
    }

    /// Paints `plot` with the ramp's level of each pixel, `level(column, pixelRow)` (pixel rows
    /// from the top): in colour two pixel rows a cell, the upper half block ▀ with the top pixel's
    /// shade as foreground and the bottom one's as background; without colour one a cell, the
    /// ramp's character. The input plane and the loss landscape paint alike.
    static func paint(
        plot: Rect, color: Bool, on canvas: inout Canvas, level: (_ column: Int, _ pixelRow: Int) -> Int
    ) {
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                let cell: Cell
                if color {
                    cell = Cell(
                        "▀",
                        style: Style(
                            foreground: .ramp(level(column, 2 * row)), background: .ramp(level(column, 2 * row + 1))))
                } else {
                    cell = Cell(PlaneRamp.characters[level(column, row)])
                }
                canvas[plot.x + column, plot.y + row] = cell
            }
        }
    }

    /// The value a whole cell shows: the mean of its two pixels in colour.
    func cellValue(_ values: PlaneValues, output: Int, column: Int, row: Int) -> Double {
        guard color else { return values.value(output: output, column: column, row: row) }
        let top = values.value(output: output, column: column, row: 2 * row)
        let bottom = values.value(output: output, column: column, row: 2 * row + 1)
        return (top + bottom) / 2
    }
}
