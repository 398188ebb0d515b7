/// The shape of a `TrainingWorkspace`: N, the layer sizes, and where each layer's blocks start
/// in the buffers (each layer's a, h, g'(a), e, δ, ∂C/∂W and ∂C/∂b, in that order).
struct WorkspaceLayout: Equatable, Sendable {
    /// Offsets of one layer's blocks in the buffers.
    struct LayerBlocks: Equatable, Sendable {
        var preActivation: Int
        var output: Int
        var activationDerivative: Int
        var error: Int
        var delta: Int
        var weightGradient: Int
        var biasGradient: Int
    }

    /// N.
    let samples: Int
    /// n⁰ ... nᴸ, as in `Network.sizes`.
    let sizes: [Int]
    /// Where each layer's blocks start in the buffers.
    let blocks: [LayerBlocks]
    /// The length of the buffers.
    let bufferCount: Int

    init(samples: Int, sizes: [Int]) {
        self.samples = samples
        self.sizes = sizes
        var blocks: [LayerBlocks] = []
        var offset = 0
        for l in 0..<(sizes.count - 1) {
            let block = samples * sizes[l + 1]
            blocks.append(
                LayerBlocks(
                    preActivation: offset, output: offset + block, activationDerivative: offset + 2 * block,
                    error: offset + 3 * block, delta: offset + 4 * block, weightGradient: offset + 5 * block,
                    biasGradient: offset + 5 * block + sizes[l] * sizes[l + 1]))
            offset += 5 * block + (sizes[l] + 1) * sizes[l + 1]
        }
        self.blocks = blocks
        bufferCount = offset
    }

    /// Where y starts in `data`.
    var targetsOffset: Int { samples * sizes[0] }

    /// Fills `kernels` (one per layer) with pointers into `data`, `buffers`, `parameters` and
    /// the optimizer's state lists (indexed like `parameters`). The first layer reads x; each
    /// later one reads the output block of the layer before. The kernels work on the first
    /// `samples` rows of every block (a mini-batch smaller than the room made for it).
    func makeKernels(
        into kernels: UnsafeMutableBufferPointer<LayerKernel>, samples: Int, activations: [Activation],
        data: UnsafeMutablePointer<Double>, buffers: UnsafeMutablePointer<Double>,
        parameters: UnsafeMutablePointer<Double>, firstState: UnsafeMutablePointer<Double>,
        secondState: UnsafeMutablePointer<Double>
    ) {
        var parameterOffset = 0
        for l in 0..<blocks.count {
            let (inputs, outputs) = (sizes[l], sizes[l + 1])
            let block = blocks[l]
            let input = l == 0 ? data : buffers + blocks[l - 1].output
            let w = parameters + parameterOffset
            kernels.initializeElement(
                at: l,
                to: LayerKernel(
                    samples: samples, inputs: inputs, outputs: outputs, activation: activations[l], input: input,
                    w: w, b: w + inputs * outputs, firstState: firstState + parameterOffset,
                    secondState: secondState + parameterOffset,
                    preActivation: buffers + block.preActivation,
                    output: buffers + block.output, activationDerivative: buffers + block.activationDerivative,
                    error: buffers + block.error, delta: buffers + block.delta,
                    weightGradient: buffers + block.weightGradient, biasGradient: buffers + block.biasGradient))
            parameterOffset += (inputs + 1) * outputs
        }
    }
}
