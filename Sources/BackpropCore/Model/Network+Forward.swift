/// The forward pass alone, for inputs that are not the training data: the points of the input
/// plane the UI paints.
///
/// Each sum is taken in the training kernel's order (Σᵢ hᵢωᵢⱼ from i = 0 up, then + bⱼ, then g
/// over the row), so at the training samples the result is the trainer's prediction, bit for
/// bit. The sums of a wide layer are accumulated together, input by input, which reads W row by
/// row (in the order it is stored) rather than down its columns: the same additions in the same
/// order, without a cache miss for every term.
extension Network {
    /// Doubles a block of points may hold per layer while `predictions(for:)` passes it through
    /// the network: 8 MB, so a plane of thousands of points over a layer of 100,000 neurons
    /// takes a block at a time instead of gigabytes.
    public static let forwardBlockValues = 1 << 20

    /// What one point's forward pass costs, in multiply-adds: one per weight, and
    /// `activationWork` per neuron for its activation.
    public var forwardWorkPerPoint: Int {
        (0..<layerCount).reduce(0) { $0 + sizes[$1] * sizes[$1 + 1] + Network.activationWork * sizes[$1 + 1] }
    }

    /// About the multiply-adds one neuron's activation costs (an exp and a division for sigmoid),
    /// measured in a release build beside the layer's own sums.
    public static let activationWork = 16

    /// From this many outputs on, a layer's sums are accumulated together, input by input (W
    /// read row by row, vectorised); below it, each in a register down W's column, which for a
    /// single output avoids a store and a load per term. The same additions in the same order.
    static let rowWiseWidth = 8

    /// h¹, ..., hᴸ for each row of `inputs` (P x n⁰): one P x nˡ matrix per layer, the last one
    /// ŷ. With `layers`, only the first that many layers are computed (h¹ alone for `layers: 1`).
    /// Holds every layer's values for every point: for many points over a wide network use
    /// `predictions(for:)`.
    public func layerOutputs(for inputs: Matrix, layers: Int? = nil) -> [Matrix] {
        precondition(inputs.columns == inputCount, "one column per input")
        let count = min(layers ?? layerCount, layerCount)
        var outputs: [Matrix] = []
        outputs.reserveCapacity(count)
        var input = inputs
        for l in 0..<count {
            let output = layerOutput(l, for: input, neurons: 0..<sizes[l + 1])
            outputs.append(output)
            input = output
        }
        return outputs
    }

    /// ŷ for each row of `inputs` (P x n⁰), P x nᴸ: the same numbers as the last matrix of
    /// `layerOutputs(for:)`, computed a block of rows at a time so that no layer ever holds more
    /// than about `blockValues` numbers (a row at least), however many points and neurons there
    /// are.
    public func predictions(for inputs: Matrix, blockValues: Int = Network.forwardBlockValues) -> Matrix {
        precondition(inputs.columns == inputCount, "one column per input")
        let widest = sizes.max() ?? 1
        let block = max(1, blockValues / max(1, widest))
        var result = Matrix(rows: inputs.rows, columns: outputCount)
        var start = 0
        while start < inputs.rows {
            let end = min(inputs.rows, start + block)
            var values = Matrix(rows: end - start, columns: inputs.columns)
            for row in start..<end {
                for column in 0..<inputs.columns { values[row - start, column] = inputs[row, column] }
            }
            for l in 0..<layerCount { values = layerOutput(l, for: values, neurons: 0..<sizes[l + 1]) }
            for row in start..<end {
                for column in 0..<outputCount { result[row, column] = values[row - start, column] }
            }
            start = end
        }
        return result
    }

    /// h¹_j for each row of `inputs` (P x n⁰) and only the neurons `neurons` of the first layer,
    /// P x `neurons.count`: the neuron maps show a few of a layer that may have 100,000. The
    /// first layer of a network with more than one is element-wise (softmax is only ever an
    /// output's), so each neuron's value is the one the whole layer would give it.
    public func firstLayerOutputs(for inputs: Matrix, neurons: Range<Int>) -> Matrix {
        precondition(inputs.columns == inputCount, "one column per input")
        precondition(neurons.lowerBound >= 0 && neurons.upperBound <= sizes[1], "neurons of the first layer")
        guard activations[0] == .softmax, neurons != 0..<sizes[1] else {
            return layerOutput(0, for: inputs, neurons: neurons)
        }
        // Softmax needs its whole row; never a hidden layer's, but kept right all the same.
        let whole = layerOutput(0, for: inputs, neurons: 0..<sizes[1])
        var part = Matrix(rows: inputs.rows, columns: neurons.count)
        for row in 0..<inputs.rows {
            for (k, j) in neurons.enumerated() { part[row, k] = whole[row, j] }
        }
        return part
    }

    /// Layer `l`'s outputs for `neurons` (all of them, or a run of an element-wise layer), given
    /// its input `input` (P x nˡ⁻¹).
    private func layerOutput(_ l: Int, for input: Matrix, neurons: Range<Int>) -> Matrix {
        let (n, m) = (sizes[l], sizes[l + 1])
        let width = neurons.count
        let start = weightOffset(layer: l)
        let activation = activations[l]
        var output = Matrix(rows: input.rows, columns: width)
        guard width > 0 else { return output }
        // One row of a at a time, then g over the row, as the trainer does (softmax needs the
        // whole row).
        var a = [Double](repeating: 0, count: width)
        parameters.withUnsafeBufferPointer { p in
            input.elements.withUnsafeBufferPointer { h in
                output.elements.withUnsafeMutableBufferPointer { out in
                    a.withUnsafeMutableBufferPointer { a in
                        let w = p.baseAddress! + start + neurons.lowerBound
                        let b = w + n * m
                        for row in 0..<input.rows {
                            let x = h.baseAddress! + row &* n
                            if width < Network.rowWiseWidth {
                                // A few outputs (ŷ): each sum in a register, down W's column.
                                for j in 0..<width {
                                    var sum = 0.0
                                    for i in 0..<n { sum += x[i] * w[i &* m &+ j] }
                                    a[j] = sum + b[j]
                                }
                            } else {
                                for j in 0..<width { a[j] = 0 }
                                for i in 0..<n {
                                    let hi = x[i]
                                    let weights = w + i &* m
                                    for j in 0..<width { a[j] += hi * weights[j] }
                                }
                                for j in 0..<width { a[j] += b[j] }
                            }
                            activation.values(of: a.baseAddress!, into: out.baseAddress! + row &* width, count: width)
                        }
                    }
                }
            }
        }
        return output
    }
}
