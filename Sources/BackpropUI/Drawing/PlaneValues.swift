import BackpropCore

/// The values painted over a plot of the input plane: one row of `values` for each point of
/// `grid`, one column for each neuron painted, looked up by pixel. The points depend only on the
/// grid and the data's axes, so values made for a grid serve every frame of the same network
/// and data drawn on it.
struct PlaneValues: Sendable {
    /// The points computed and the pixels they cover.
    let grid: PlaneGrid
    /// One row per point of `grid`, row by row from the top.
    let values: Matrix

    /// Column `output` of the point that pixel (`column`, `row`) shows.
    func value(output: Int, column: Int, row: Int) -> Double {
        values[grid.point(column: column, row: row), output]
    }

    /// Every value, for a ramp taken from them.
    var elements: [Double] { values.elements }
}
