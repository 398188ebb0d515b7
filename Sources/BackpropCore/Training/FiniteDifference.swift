/// Central finite differences of C with respect to weights and biases: the independent estimate
/// that the gradient check shows beside backprop's ∂C/∂W and ∂C/∂b.
///
/// Each estimate costs two passes over the whole data set, so a network of 300,000 parameters
/// would take minutes for all of them. An estimate is therefore made for a run of parameters
/// (`offsets`: the entries a pane shows), and can be made one parameter at a time
/// (`estimateNext(at:)`), so a screen can show those done and carry on between frames.
public struct FiniteDifference: Equatable, Sendable {
    /// The parameters estimated, as offsets in `ParameterIndex` order (as `Network.parameters`).
    public let offsets: Range<Int>
    /// The relative size of the step h.
    public let relativeStep: Double
    /// The samples whose cost is differentiated (indices into the data): a mini-batch, whose
    /// gradient its step takes; nil for every training sample.
    public let samples: [Int]?
    /// The estimate of each parameter of `offsets`, in order; `nil` while still to be made.
    private var estimates: [Double?]
    /// How many of `offsets` are estimated.
    public private(set) var estimatedCount: Int
    /// No estimate is missing before this position of `estimates`: the search for the next one
    /// starts here, so estimating a whole network stays linear.
    private var cursor = 0
    /// The network the estimate is made at (for looking parameters up by index).
    private let network: Network
    /// The network with one parameter moved at a time; every parameter is put back after use,
    /// so it is `network` between estimates. Kept so that each estimate moves one number of it
    /// rather than copying a million.
    private var probe: Network

    /// Estimates the gradient of every parameter at `trainer`'s state with
    /// (C(θ + h) - C(θ - h)) / 2h, where h is `relativeStep` scaled by the parameter's size (so
    /// large and small weights both get a step that is neither lost in rounding nor too coarse).
    public init(at trainer: Trainer, relativeStep: Double = 1e-6) {
        self.init(at: trainer, offsets: 0..<trainer.network.parameters.count, relativeStep: relativeStep)
        while !isComplete { estimateNext(at: trainer) }
    }

    /// An estimate of the parameters at `offsets` of `trainer`'s network, none made yet: each
    /// `estimateNext(at:)` makes one, in order. With `earlier`, an estimate made at the same
    /// state, the parameters it already has are taken from it (a window that moves by one
    /// entry costs one new estimate, not all of them again).
    /// With `samples`, the cost differentiated is that of those samples (a mini-batch's, by
    /// `trainer.cost(of:samples:)`), not every training sample's.
    public init(
        at trainer: Trainer, offsets: Range<Int>, relativeStep: Double = 1e-6, samples: [Int]? = nil,
        reusing earlier: FiniteDifference? = nil
    ) {
        let network = trainer.network
        let offsets = offsets.clamped(to: 0..<network.parameters.count)
        self.offsets = offsets
        self.relativeStep = relativeStep
        self.samples = samples
        self.network = network
        probe = network
        var estimates = [Double?](repeating: nil, count: offsets.count)
        if let earlier, earlier.relativeStep == relativeStep, earlier.network == network, earlier.samples == samples {
            for offset in offsets.clamped(to: earlier.offsets) {
                estimates[offset - offsets.lowerBound] = earlier.estimates[offset - earlier.offsets.lowerBound]
            }
        }
        self.estimates = estimates
        estimatedCount = estimates.lazy.filter { $0 != nil }.count
    }

    /// Whether every parameter of `offsets` is estimated.
    public var isComplete: Bool { estimatedCount == offsets.count }

    /// Makes the estimate of the first parameter of `offsets` still without one, from
    /// `trainer` (the trainer this estimate was made for): two passes over the data. Does
    /// nothing when every estimate is made.
    public mutating func estimateNext(at trainer: Trainer) {
        while cursor < estimates.count, estimates[cursor] != nil { cursor += 1 }
        guard cursor < estimates.count else { return }
        let position = cursor
        let k = offsets.lowerBound + position
        let value = network.parameters[k]
        let h = relativeStep * max(1, abs(value))
        probe.parameters[k] = value + h
        let plus = cost(of: probe, at: trainer)
        probe.parameters[k] = value - h
        let minus = cost(of: probe, at: trainer)
        probe.parameters[k] = value
        estimates[position] = (plus - minus) / (2 * h)
        estimatedCount += 1
    }

    /// C of `probe` over the samples estimated: `samples`, or every training sample.
    private func cost(of probe: Network, at trainer: Trainer) -> Double {
        guard let samples else { return trainer.cost(of: probe) }
        return trainer.cost(of: probe, samples: samples)
    }

    /// The estimates of `offsets` in order, when every one is made (empty before): for a whole
    /// gradient, `FiniteDifference(at:)`'s.
    public var gradient: [Double] {
        isComplete ? estimates.map { $0! } : []
    }

    /// The estimate of the parameter at `offset`, or `nil` when it is not among `offsets` or
    /// not yet made.
    public func estimate(atOffset offset: Int) -> Double? {
        offsets.contains(offset) ? estimates[offset - offsets.lowerBound] : nil
    }

    /// The estimate of one parameter's ∂C/∂θ, or `nil` when it is not among those estimated
    /// or not yet made.
    public subscript(index: ParameterIndex) -> Double? {
        estimate(atOffset: network.offset(of: index))
    }

    /// The relative error above which the gradient check marks a row: backprop and the estimate
    /// disagree by more than the estimate's own error could explain.
    public static let markedRelativeError = 1e-4

    /// Whether the gradient check marks backprop's `backprop` beside the estimate `estimate` of
    /// a cost `cost` as wrong: their relative error is above `markedRelativeError` and they
    /// differ by more than the floor 1e-9·max(1, |C|). Below the floor both are as good as 0: the
    /// difference quotient of C is rounding there (about ε·|C|/h ≈ 2e-10·|C|), and the relative
    /// error of two such numbers is noise, large as it may be. A NaN on either side is marked.
    public static func disagrees(backprop: Double, estimate: Double, cost: Double) -> Bool {
        let difference = abs(backprop - estimate)
        if difference.isNaN { return true }
        let floor = 1e-9 * max(1, abs(cost.isFinite ? cost : 1))
        return relativeError(backprop, estimate) > markedRelativeError && difference > floor
    }

    /// |a - b| / max(|a|, |b|), and 0 when both are 0: how far backprop and the estimate differ.
    public static func relativeError(_ a: Double, _ b: Double) -> Double {
        let scale = max(abs(a), abs(b))
        return scale == 0 ? 0 : abs(a - b) / scale
    }
}
