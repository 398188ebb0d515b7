import BackpropCore

/// Paints the values of one neuron over the input plane into a rectangle of cells: in colour two
/// pixels a cell (the upper half block ▀, the top pixel its foreground and the bottom one its
/// background), without colour one character a cell from the ramp ` .:-=+*#%@`.
struct PlanePainter {
    /// The part of the plane painted.
    let axes: PlaneAxes
    /// Whether the frame is shown in colour.
    let color: Bool

    /// Pixel rows per cell row.
    var pixelsPerCell: Int { color ? 2 : 1 }

    /// The points whose values fill a plot of `columns` x `rows` cells, row by row from the top.
    func points(columns: Int, rows: Int) -> Matrix {
        axes.grid(columns: columns, rows: rows * pixelsPerCell)
    }

    /// Paints `plot` with column `output` of `values` (one row per point of `points(columns:rows:)`
    /// for the plot's size), shaded by `ramp`.
    func paint(_ values: Matrix, output: Int, ramp: PlaneRamp, plot: Rect, on canvas: inout Canvas) {
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                let cell: Cell
                if color {
                    let top = values[(2 * row) * plot.width + column, output]
                    let bottom = values[(2 * row + 1) * plot.width + column, output]
                    cell = Cell(
                        "▀",
                        style: Style(foreground: .ramp(ramp.level(of: top)), background: .ramp(ramp.level(of: bottom))))
                } else {
                    cell = Cell(ramp.character(of: values[row * plot.width + column, output]))
                }
                canvas[plot.x + column, plot.y + row] = cell
            }
        }
    }

    /// The value a whole cell shows: the mean of its two pixels in colour.
    func cellValue(_ values: Matrix, output: Int, plotWidth: Int, column: Int, row: Int) -> Double {
        guard color else { return values[row * plotWidth + column, output] }
        let top = values[(2 * row) * plotWidth + column, output]
        let bottom = values[(2 * row + 1) * plotWidth + column, output]
        return (top + bottom) / 2
    }
}
