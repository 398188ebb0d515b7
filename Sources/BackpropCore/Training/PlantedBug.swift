/// A deliberately wrong backward pass, one of the mistakes students make when they first write
/// backprop: `--bug NAME` trains with it so that a class can find it with the gradient check.
///
/// A `Trainer` carries it like its optimizer (it is not part of the `Scenario` and `w` does not
/// save it), and both of its paths apply it, the one step with a trace and the allocation-free
/// run, with the same bits. Everything downstream of the mistake (e, δ, ∂C/∂W, ∂C/∂b, the step)
/// is what the buggy program computes; the forward pass and C are always right, so finite
/// differences of C show which gradients are wrong.
///
/// Layers are numbered from 0 here (`brokenLayers`); the screen counts from 1.
public enum PlantedBug: String, CaseIterable, Sendable, Codable {
    /// The last layer's ∂C/∂W and ∂C/∂b have the wrong sign, so that layer climbs the cost
    /// while the δ it sends back is right.
    case sign
    /// δˡ = eˡ in every layer, g'(aˡ) left out. Where the loss pairs with the output activation
    /// (softmax + ce, sigmoid + bce) the output layer's δ = ŷ - y never had the g' in it, so that
    /// layer stays right; a linear layer's g' is 1, so leaving it out changes nothing there.
    case noDerivative = "no-derivative"
    /// ∂C/∂b is left at 0 in every layer: the biases never move (the update rule is handed 0).
    case noBias = "no-bias"
    /// The error sent back reads the weights' storage reshaped to [n_out × n_in] instead of
    /// transposing it: eˡ = δˡ⁺¹ · reshape(Wˡ⁺¹). For a square layer that is W instead of Wᵀ;
    /// for a layer with one input or one output the reshape is the transpose (right numbers).
    case transpose
    /// The error sent back multiplies by the layer's weights after this step's update: each
    /// layer takes its step first, then sends its δ down through the new W.
    case updatedWeights = "updated-weights"
    /// The mean reduction forgets to divide by the samples of the step: every ∂C/∂W and ∂C/∂b
    /// is N times what the mean cost's gradient is (the trace shows N·Σ, the step takes Σ).
    case batchSum = "batch-sum"

    /// The names `--bug` takes, in order: the bugs, then "random".
    public static var flagNames: [String] { allCases.map(\.rawValue) + ["random"] }

    /// What the mistake is, in a few words (the quiz's list and its verdict).
    public var summary: String {
        switch self {
        case .sign: return "the last layer's gradient has the wrong sign"
        case .noDerivative: return "δ leaves out g'(a)"
        case .noBias: return "the bias gradient is left at 0"
        case .transpose: return "the error is sent back through W, not Wᵀ"
        case .updatedWeights: return "the error is sent back through this step's new W"
        case .batchSum: return "the mean forgets to divide by N"
        }
    }

    /// The line of maths a right backprop computes at the place of the mistake.
    public var rightLine: String {
        switch self {
        case .sign: return "∂C/∂Wᴸ = (hᴸ⁻¹)ᵀδᴸ, ∂C/∂bᴸ = Σ δᴸ"
        case .noDerivative: return "δˡ = eˡ ⊙ g'(aˡ)"
        case .noBias: return "∂C/∂bˡ = Σ δˡ"
        case .transpose: return "eˡ = δˡ⁺¹ (Wˡ⁺¹)ᵀ"
        case .updatedWeights: return "eˡ = δˡ⁺¹ (Wˡ⁺¹ before the step)ᵀ"
        case .batchSum: return "∂C/∂Wˡ = (hˡ⁻¹)ᵀδˡ / N"
        }
    }

    /// The line the buggy program computes instead of `rightLine`.
    public var wrongLine: String {
        switch self {
        case .sign: return "∂C/∂Wᴸ = -(hᴸ⁻¹)ᵀδᴸ, ∂C/∂bᴸ = -Σ δᴸ"
        case .noDerivative: return "δˡ = eˡ"
        case .noBias: return "∂C/∂bˡ = 0"
        case .transpose: return "eˡ = δˡ⁺¹ reshape(Wˡ⁺¹, [nˡ⁺¹ × nˡ])"
        case .updatedWeights: return "eˡ = δˡ⁺¹ (Wˡ⁺¹ after the step)ᵀ"
        case .batchSum: return "∂C/∂Wˡ = (hˡ⁻¹)ᵀδˡ"
        }
    }

    /// The layers (0-based) whose gradients this bug makes wrong in `scenario`, in order; empty
    /// when it cannot show there. Which numbers: the weights and biases of each layer listed,
    /// except `noBias`, which only breaks the biases.
    ///
    /// The answer is the shape's, for states in general: a relu layer's g' is 1 wherever a
    /// neuron is on, so with every neuron of a layer on `noDerivative` changes nothing there,
    /// and a gradient that happens to be 0 is 0 either way.
    public func brokenLayers(in scenario: Scenario) -> [Int] {
        let network = scenario.network
        let sizes = network.sizes
        let last = network.layerCount - 1
        // Every layer below a wrong δ or e receives the wrong error too.
        func through(_ highest: Int?) -> [Int] { highest.map { Array(0...$0) } ?? [] }
        switch self {
        case .sign: return [last]
        case .noBias: return Array(0...last)
        case .batchSum:
            // Under seed, which divides only the biases' sums, only the biases are wrong.
            return scenario.reduction != .sum && Self.samplesPerStep(scenario) > 1 ? Array(0...last) : []
        case .updatedWeights: return last > 0 ? Array(0..<last) : []
        case .transpose:
            // Layer l sends a wrong e down when its reshape is not its transpose.
            guard last > 0, let top = (1...last).last(where: { sizes[$0] > 1 && sizes[$0 + 1] > 1 }) else { return [] }
            return Array(0..<top)
        case .noDerivative:
            let changes = (0...last).filter { l in
                let activation = network.activations[l]
                if l == last && scenario.loss.isClassification { return false }
                return activation != .linear
            }
            return through(changes.last)
        }
    }

    /// Whether this bug makes some gradient wrong in `scenario` (`brokenLayers` is not empty).
    public func canShow(in scenario: Scenario) -> Bool { !brokenLayers(in: scenario).isEmpty }

    /// Why `--bug` refuses this bug for `scenario` and what to add, or nil when it takes it: a
    /// bug that cannot show there, or `batchSum` without the mean reduction it is the mistake of
    /// (under seed it would show in the biases alone).
    public func whyHidden(in scenario: Scenario) -> String? {
        guard !canShow(in: scenario) || (self == .batchSum && scenario.reduction != .mean) else { return nil }
        switch self {
        case .sign, .noBias: return nil
        case .batchSum:
            return scenario.reduction != .mean
                ? "--bug batch-sum is a mean that forgets to divide; add --reduction mean"
                : "--bug batch-sum needs more than one sample a step; raise --batch or leave it out"
        case .updatedWeights:
            return
                "--bug updated-weights sends the error back to a hidden layer and this network has none; try --preset xor-hidden, or --hidden 3 with --data or a generated preset"
        case .transpose:
            return
                "--bug transpose needs a layer above the first with more than one input and output (elsewhere Wᵀ is a reshape of W); try --preset spiral, or --hidden 3,3 with --data or a generated preset"
        case .noDerivative:
            return
                "--bug no-derivative needs a layer whose g' is not 1 (not linear, nor an output paired with its cross-entropy); try --preset xor-hidden"
        }
    }

    /// The bugs `--bug` takes for `scenario` (`whyHidden` is nil), in `allCases` order.
    public static func showing(in scenario: Scenario) -> [PlantedBug] {
        allCases.filter { $0.whyHidden(in: scenario) == nil }
    }

    /// One of the bugs `--bug` takes for `scenario` (`showing`), picked by `seed` alone: the same seed picks
    /// the same bug in the same scenario.
    public static func random(seed: UInt64, in scenario: Scenario) -> PlantedBug {
        let candidates = showing(in: scenario)
        var generator = SeededGenerator(seed: seed ^ 0x6275_6768_756E_74)
        return candidates[Int(generator.next() % UInt64(candidates.count))]
    }

    /// The samples one step of `scenario` takes (a mini-batch's, else every training sample).
    private static func samplesPerStep(_ scenario: Scenario) -> Int {
        min(scenario.batchSize ?? scenario.trainingCount, scenario.trainingCount)
    }
}
