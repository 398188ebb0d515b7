/// Where a trainer keeps x, y and every intermediate of a step, laid out so that the run path
/// touches two allocations made once, when the trainer is created: `data` (x then y, never
/// written) and `buffers` (each layer's a, h, g'(a), e, δ, ∂C/∂W and ∂C/∂b, in that order).
struct TrainingWorkspace: Equatable, Sendable {
    /// Where everything is: the sizes and each layer's offsets (no storage, so a copy of it
    /// never shares, and so never copies, the buffers).
    let layout: WorkspaceLayout
    /// x (N x n⁰) then y (N x nᴸ); a mini-batch's workspace writes the batch's rows here before
    /// each step.
    var data: [Double]
    /// Every layer's intermediates.
    var buffers: [Double]

    init(inputs x: Matrix, targets y: Matrix, sizes: [Int]) {
        precondition(sizes.first == x.columns && sizes.last == y.columns && x.rows == y.rows)
        layout = WorkspaceLayout(samples: x.rows, sizes: sizes)
        data = x.elements + y.elements
        buffers = Array(repeating: 0, count: layout.bufferCount)
    }

    /// The rows `rows` of x and y (in that order), each in 0..<x.rows.
    init(rows: [Int], of x: Matrix, _ y: Matrix, sizes: [Int]) {
        self.init(capacity: rows.count, sizes: sizes)
        for (r, row) in rows.enumerated() { copyRow(row, of: x.elements, y.elements, to: r) }
    }

    /// Room for `capacity` samples, filled by `copyRow` (a mini-batch's workspace).
    init(capacity: Int, sizes: [Int]) {
        layout = WorkspaceLayout(samples: capacity, sizes: sizes)
        data = Array(repeating: 0, count: capacity * (sizes[0] + sizes[sizes.count - 1]))
        buffers = Array(repeating: 0, count: layout.bufferCount)
    }

    /// Copies sample `row` of x and y (laid out as another workspace's `data`, or as matrices'
    /// elements) into row `slot` of this one's. Allocates nothing.
    mutating func copyRow(_ row: Int, of x: [Double], _ y: [Double], to slot: Int) {
        let (n, m) = (layout.sizes[0], layout.sizes[layout.sizes.count - 1])
        let targets = layout.targetsOffset
        data.withUnsafeMutableBufferPointer { data in
            for i in 0..<n { data[slot * n + i] = x[row * n + i] }
            for j in 0..<m { data[targets + slot * m + j] = y[row * m + j] }
        }
    }

    /// A block of `buffers` as a matrix (allocates: for the UI, never on the run path).
    func matrix(at offset: Int, rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: Array(buffers[offset..<(offset + rows * columns)]))
    }
}
