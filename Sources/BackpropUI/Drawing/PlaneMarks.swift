/// Which samples the input plane marks. A mark hides the shade of its cell, so when the samples
/// would mark more than a quarter of the plot's cells (500 samples on a 32x16 plot mark nearly
/// every cell, and the picture of what the network learned is gone) only the samples in the
/// cells of a sparse lattice are marked: every 2nd column, else every 4th column of every 2nd
/// row, and so on (cells are about twice as tall as wide, so each lattice is square on
/// screen), the first that keeps the marks within a quarter of the cells. The selected sample
/// is always marked, off the lattice too (one mark over the quarter). In a cell of several
/// samples, a preferred one (of the next step's batch) is the one marked, so the batch shows.
struct PlaneMarks: Equatable, Sendable {
    /// The samples marked, one a cell, in the order they are drawn: the selected one last.
    let samples: [Int]
    /// The lattice's step across and down in cells: (1, 1) when every sample is marked.
    let step: (columns: Int, rows: Int)
    /// How many samples there are.
    let total: Int

    /// Marks may take one cell in this many before they are thinned.
    static let markedShare = 4

    /// The marks for samples in `cells` (each sample's cell) on a plot of `columns` x `rows`
    /// cells, `selected` the sample `<` `>` chose, `preferred` the samples a cell shows before others.
    init(cells: [(column: Int, row: Int)], columns: Int, rows: Int, selected: Int, preferred: Set<Int> = []) {
        total = cells.count
        let budget = max(1, columns * rows / Self.markedShare)
        var step = (columns: 1, rows: 1)
        func marked(_ step: (columns: Int, rows: Int)) -> Int {
            Set(
                cells.lazy.filter { $0.column % step.columns == 0 && $0.row % step.rows == 0 }.map {
                    $0.row * columns + $0.column
                }
            ).count
        }
        while marked(step) > budget && step.columns < columns {
            step = step.columns == 1 ? (2, 1) : (step.columns * 2, step.rows * 2)
        }
        self.step = step
        // One sample a cell, the last (a mark covers the one before it): the count says how
        // many marks there are. The selected sample's cell is its own.
        var byCell: [Int: Int] = [:]
        for sample in cells.indices where cells[sample].column % step.columns == 0 && cells[sample].row % step.rows == 0
        {
            let cell = cells[sample].row * columns + cells[sample].column
            if let kept = byCell[cell], preferred.contains(kept), !preferred.contains(sample) { continue }
            byCell[cell] = sample
        }
        let selectedCell =
            cells.indices.contains(selected) ? cells[selected].row * columns + cells[selected].column : nil
        let shown = byCell.filter { $0.key != selectedCell }.values.sorted()
        samples = shown + (selectedCell != nil ? [selected] : [])
    }

    /// Whether some samples are not marked.
    var isThinned: Bool { step != (1, 1) }

    static func == (left: PlaneMarks, right: PlaneMarks) -> Bool {
        left.samples == right.samples && left.step == right.step && left.total == right.total
    }
}
