/// Where a trainer keeps x, y and every intermediate of a step, laid out so that the run path
/// touches two allocations made once, when the trainer is created: `data` (x then y, never
/// written) and `buffers` (each layer's a, h, g'(a), e, δ, ∂C/∂W and ∂C/∂b, in that order).
struct TrainingWorkspace: Equatable, Sendable {
    /// Where everything is: the sizes and each layer's offsets (no storage, so a copy of it
    /// never shares, and so never copies, the buffers).
    let layout: WorkspaceLayout
    /// x (N x n⁰) then y (N x nᴸ).
    let data: [Double]
    /// Every layer's intermediates.
    var buffers: [Double]

    init(inputs x: Matrix, targets y: Matrix, sizes: [Int]) {
        precondition(sizes.first == x.columns && sizes.last == y.columns && x.rows == y.rows)
        layout = WorkspaceLayout(samples: x.rows, sizes: sizes)
        data = x.elements + y.elements
        buffers = Array(repeating: 0, count: layout.bufferCount)
    }

    /// A block of `buffers` as a matrix (allocates: for the UI, never on the run path).
    func matrix(at offset: Int, rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: Array(buffers[offset..<(offset + rows * columns)]))
    }
}
