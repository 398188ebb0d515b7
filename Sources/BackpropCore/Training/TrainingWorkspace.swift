/// One contiguous buffer for x, y and every intermediate of a step, so the run path touches a
/// single allocation made once, when the trainer is created.
struct TrainingWorkspace: Equatable, Sendable {
    let samples: Int
    let inputs: Int
    let outputs: Int
    var storage: [Double]

    // Offsets of each block in `storage`, in the order the blocks are laid out.
    var xOffset: Int { 0 }
    var yOffset: Int { xOffset + samples * inputs }
    var preActivationOffset: Int { yOffset + samples * outputs }
    var predictionOffset: Int { preActivationOffset + samples * outputs }
    var activationDerivativeOffset: Int { predictionOffset + samples * outputs }
    var costGradientOffset: Int { activationDerivativeOffset + samples * outputs }
    var deltaOffset: Int { costGradientOffset + samples * outputs }
    var weightGradientOffset: Int { deltaOffset + samples * outputs }
    var biasGradientOffset: Int { weightGradientOffset + inputs * outputs }
    var count: Int { biasGradientOffset + outputs }

    init(inputs x: Matrix, targets y: Matrix) {
        samples = x.rows
        self.inputs = x.columns
        outputs = y.columns
        storage = []  // set before `count` can be read, which needs every stored property
        // x and y come first (see the offsets); every intermediate after them starts at zero.
        let data = x.elements + y.elements
        storage = data + Array(repeating: 0, count: count - data.count)
    }

    /// A block as a matrix (allocates: for the UI, never on the run path).
    func matrix(at offset: Int, rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: Array(storage[offset..<(offset + rows * columns)]))
    }
}
