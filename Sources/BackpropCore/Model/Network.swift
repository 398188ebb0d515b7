/// A stack of L ≥ 1 dense layers: h⁰ = x, aˡ = hˡ⁻¹Wˡ + bˡ, hˡ = gˡ(aˡ), ŷ = hᴸ.
///
/// Every parameter lives in one flat array, layer by layer (Wˡ row-major, then bˡ), so the
/// training kernel reaches all layers through a single pointer and a copy of a network is a
/// snapshot (history, reset and previews are plain assignments). `ParameterIndex` names an
/// entry; `layer(_:)` gives one layer as a `DenseLayer` value for reading.
public struct Network: Hashable, Sendable {
    /// n⁰, n¹, ..., nᴸ: the inputs, then each layer's outputs. Layer l (0-based) maps
    /// `sizes[l]` inputs to `sizes[l + 1]` outputs.
    public let sizes: [Int]
    /// gˡ, one per layer.
    public var activations: [Activation]
    /// Every weight and bias, in `ParameterIndex` order.
    public var parameters: [Double]

    /// A network from its layers, which must chain: each layer has as many inputs as the one
    /// before has outputs (user input is checked earlier, in `Scenario`, with a readable message).
    public init(layers: [DenseLayer]) {
        precondition(!layers.isEmpty, "a network has at least one layer")
        for (previous, next) in zip(layers, layers.dropFirst()) {
            precondition(previous.outputCount == next.inputCount, "layers must chain")
        }
        sizes = [layers[0].inputCount] + layers.map(\.outputCount)
        activations = layers.map(\.activation)
        parameters = layers.flatMap { $0.weights.elements + $0.bias }
    }

    /// Number of layers L.
    public var layerCount: Int { sizes.count - 1 }
    /// Number of inputs n⁰.
    public var inputCount: Int { sizes[0] }
    /// Number of outputs nᴸ.
    public var outputCount: Int { sizes[sizes.count - 1] }

    /// Where layer `layer`'s W starts in `parameters`; its b follows W.
    public func weightOffset(layer: Int) -> Int {
        var offset = 0
        for l in 0..<layer { offset += (sizes[l] + 1) * sizes[l + 1] }
        return offset
    }

    /// The position of a parameter in `parameters`.
    public func offset(of index: ParameterIndex) -> Int {
        switch index {
        case .weight(let layer, let row, let column):
            return weightOffset(layer: layer) + row * sizes[layer + 1] + column
        case .bias(let layer, let column):
            return weightOffset(layer: layer) + sizes[layer] * sizes[layer + 1] + column
        }
    }

    /// The parameter at `index`.
    public subscript(index: ParameterIndex) -> Double {
        get { parameters[offset(of: index)] }
        set { parameters[offset(of: index)] = newValue }
    }

    /// Every parameter index, in storage order (the Tab order).
    public var parameterIndices: [ParameterIndex] {
        var list: [ParameterIndex] = []
        list.reserveCapacity(parameters.count)
        for l in 0..<layerCount {
            for i in 0..<sizes[l] {
                for j in 0..<sizes[l + 1] { list.append(.weight(layer: l, row: i, column: j)) }
            }
            for j in 0..<sizes[l + 1] { list.append(.bias(layer: l, column: j)) }
        }
        return list
    }

    /// Layer `index` (0-based) as a value: its W, b and g.
    public func layer(_ index: Int) -> DenseLayer {
        let (rows, columns) = (sizes[index], sizes[index + 1])
        let start = weightOffset(layer: index)
        let biasStart = start + rows * columns
        return DenseLayer(
            weights: Matrix(rows: rows, columns: columns, elements: Array(parameters[start..<biasStart])),
            bias: Array(parameters[biasStart..<(biasStart + columns)]), activation: activations[index])
    }

    /// Every layer as a value.
    public var layers: [DenseLayer] { (0..<layerCount).map(layer) }

    /// Whether `other` has the same sizes (the parameters may differ).
    public func hasShape(of other: Network) -> Bool { sizes == other.sizes }

    /// "3-2", "2-4-1": the sizes joined, how shapes read in messages and titles.
    public var shapeDescription: String { sizes.map(String.init).joined(separator: "-") }

    /// Equal when the shapes and activations match and every parameter has the same bits (a
    /// network that diverged to NaN equals itself).
    public static func == (left: Network, right: Network) -> Bool {
        left.sizes == right.sizes && left.activations == right.activations
            && left.parameters.hasSameBits(as: right.parameters)
    }
}
