/// The forward pass alone, for inputs that are not the training data: the points of the input
/// plane the UI paints.
extension Network {
    /// h¹, ..., hᴸ for each row of `inputs` (P x n⁰): one P x nˡ matrix per layer, the last one
    /// ŷ. Each sum is taken in the training kernel's order (Σᵢ hᵢωᵢⱼ, then + bⱼ, then g over the row), so at the
    /// training samples the result is the trainer's prediction, bit for bit. With `layers`, only
    /// the first that many layers are computed (h¹ alone for `layers: 1`).
    public func layerOutputs(for inputs: Matrix, layers: Int? = nil) -> [Matrix] {
        precondition(inputs.columns == inputCount, "one column per input")
        let count = min(layers ?? layerCount, layerCount)
        var outputs: [Matrix] = []
        outputs.reserveCapacity(count)
        var input = inputs
        for l in 0..<count {
            let (n, m) = (sizes[l], sizes[l + 1])
            let start = weightOffset(layer: l)
            let activation = activations[l]
            var output = Matrix(rows: inputs.rows, columns: m)
            // One row of a at a time, then g over the row, as the trainer does (softmax needs
            // the whole row).
            var a = [Double](repeating: 0, count: m)
            parameters.withUnsafeBufferPointer { p in
                input.elements.withUnsafeBufferPointer { h in
                    output.elements.withUnsafeMutableBufferPointer { out in
                        a.withUnsafeMutableBufferPointer { a in
                            for row in 0..<inputs.rows {
                                for j in 0..<m {
                                    var sum = 0.0
                                    for i in 0..<n { sum += h[row * n + i] * p[start + i * m + j] }
                                    a[j] = sum + p[start + n * m + j]
                                }
                                activation.values(of: a.baseAddress!, into: out.baseAddress! + row * m, count: m)
                            }
                        }
                    }
                }
            }
            outputs.append(output)
            input = output
        }
        return outputs
    }
}
