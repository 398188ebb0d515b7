import BackpropCore

/// The phases `n` walks one step through, so a class can follow it slowly: forward through
/// layers 1..L, the cost, backward through layers L..1, and the update that applies the step:
/// 2L + 2 phases in all.
public enum StepPhase: Hashable, Sendable {
    /// aˡ = hˡ⁻¹Wˡ + bˡ and hˡ = gˡ(aˡ) for every sample, for layer `layer` (0-based).
    case forward(layer: Int)
    /// C from ŷ and y.
    case cost
    /// δˡ = gˡ'(aˡ) ⊙ eˡ, then ∂C/∂Wˡ and ∂C/∂bˡ, and the error eˡ⁻¹ sent further back.
    case backward(layer: Int)
    /// Every W and b moved by -lr times its step: the step is taken.
    case update

    /// The first phase: forward through layer 1.
    public static let first = StepPhase.forward(layer: 0)

    /// How many phases a step of an L-layer network has: 2L + 2.
    public static func count(layerCount: Int) -> Int { 2 * layerCount + 2 }

    /// The phase's position, 1-based: forward layers first, then cost, backward, update.
    public func number(layerCount: Int) -> Int {
        switch self {
        case .forward(let layer): return layer + 1
        case .cost: return layerCount + 1
        case .backward(let layer): return layerCount + 2 + (layerCount - 1 - layer)
        case .update: return 2 * layerCount + 2
        }
    }

    /// "1/4" ... "6/6".
    func counter(layerCount: Int) -> String {
        "\(number(layerCount: layerCount))/\(StepPhase.count(layerCount: layerCount))"
    }

    /// The phase after this one; after the update, the next step's first phase.
    func next(layerCount: Int) -> StepPhase {
        switch self {
        case .forward(let layer): return layer + 1 < layerCount ? .forward(layer: layer + 1) : .cost
        case .cost: return .backward(layer: layerCount - 1)
        case .backward(let layer): return layer > 0 ? .backward(layer: layer - 1) : .update
        case .update: return .first
        }
    }

    /// The phase before this one (`b` in a walk); `nil` before the first, where a walk starts.
    func previous(layerCount: Int) -> StepPhase? {
        switch self {
        case .forward(let layer): return layer > 0 ? .forward(layer: layer - 1) : nil
        case .cost: return .forward(layer: layerCount - 1)
        case .backward(let layer): return layer + 1 < layerCount ? .backward(layer: layer + 1) : .cost
        case .update: return .backward(layer: 0)
        }
    }

    /// The layer the phase works on, if it works on one.
    var layer: Int? {
        switch self {
        case .forward(let layer), .backward(let layer): return layer
        case .cost, .update: return nil
        }
    }

    /// The phase's name in the pane title: "forward", "backward, layer 2" with several layers.
    func title(layerCount: Int) -> String {
        let name: String
        switch self {
        case .forward: name = "forward"
        case .cost: name = "cost"
        case .backward: name = "backward"
        case .update: name = "update"
        }
        guard layerCount > 1, let layer else { return name }
        return "\(name), layer \(layer + 1)"
    }

    /// One line saying what is happening, for the hint line.
    func explanation(loss: Loss, optimizer: OptimizerName = .sgd, names: SymbolNames) -> String {
        let layerCount = names.layerCount
        switch self {
        case .forward(let layer):
            guard layerCount > 1 else {
                return "forward: each sample's a = xW + b, then the prediction ŷ = g(a)"
            }
            let input = layer == 0 ? "x" : "h" + names.mark(layer - 1)
            let output = layer == layerCount - 1 ? "ŷ" : "h" + names.mark(layer)
            return "forward, layer \(layer + 1): a = \(input)W + b, then \(output) = g(a)"
        case .cost:
            switch loss {
            case .sse: return "cost: compare ŷ with y; C adds up the squared errors ŷ - y"
            case .mse: return "cost: compare ŷ with y; C averages the squared errors ŷ - y"
            // One clause: the hint line drops whole clauses, and this one is the point.
            case .bce: return "cost: C adds up -log of the probability ŷ gave each right answer"
            case .ce: return "cost: C adds up -log of the probability ŷ gave each right class"
            }
        case .backward(let layer):
            // With bce or ce the output layer's g'(a) cancels against ∂C/∂ŷ.
            let simple = layer == layerCount - 1 && loss.isClassification
            guard layerCount > 1 else {
                return simple
                    ? "backward: δ = ŷ - y per sample (g'(a) cancels), then ∂C/∂W = xᵀδ and ∂C/∂b"
                    : "backward: δ = g'(a)·∂C/∂ŷ per sample, then ∂C/∂W = xᵀδ and ∂C/∂b"
            }
            let error = layer == layerCount - 1 ? "∂C/∂ŷ" : "e" + names.mark(layer)
            let input = layer == 0 ? "x" : "h" + names.mark(layer - 1)
            let sent = layer > 0 ? ", e\(names.mark(layer - 1)) = δWᵀ goes back" : ""
            let delta = simple ? "δ = ŷ - y" : "δ = g'(a)·\(error)"
            return "backward, layer \(layer + 1): \(delta), ∂C/∂W = \(input)ᵀδ\(sent)"
        case .update:
            guard optimizer == .sgd else {
                return "update: \(optimizer.rawValue) turned each gradient into its step (not -lr·g); the step is taken"
            }
            return "update: W and b moved by -lr times the gradient; the step is taken"
        }
    }
}
