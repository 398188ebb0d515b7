/// The parameters of the last states of a run, oldest first: the path of descent the landscape
/// draws, for any two parameters, so a change of the pair shows its path at once.
///
/// A ring of `capacity` whole parameter vectors: recording one copies P numbers and allocates
/// nothing, so a run at full speed can keep every step (`CostObserver.record(parameters:afterStep:)`).
/// `capacity` is `standardCapacity` states while they take at most `memoryLimit` bytes, fewer for
/// a larger network (at least 2).
public struct ParameterTrail: Equatable, Sendable {
    /// The states kept for a network of up to `memoryLimit / (8 · 128)` parameters.
    public static let standardCapacity = 128
    /// The most memory a trail takes: 32 MB, 128 states of a network of 32,768 parameters.
    public static let memoryLimit = 32 << 20

    /// How many numbers each state has.
    public let parameterCount: Int
    /// The most states kept.
    public let capacity: Int
    /// `capacity` slots of `parameterCount` numbers; slot `(start + k) % capacity` is the k-th
    /// oldest state.
    private var values: [Double]
    /// The step of each slot's state.
    private var slotSteps: [Int]
    private var start = 0
    /// How many states are kept.
    public private(set) var count = 0

    /// An empty trail for a network of `parameterCount` parameters.
    public init(parameterCount: Int) {
        self.parameterCount = parameterCount
        capacity = ParameterTrail.capacity(forParameterCount: parameterCount)
        values = Array(repeating: 0, count: capacity * parameterCount)
        slotSteps = Array(repeating: 0, count: capacity)
    }

    /// The states kept for a network of `parameterCount` parameters (see the type's comment).
    public static func capacity(forParameterCount parameterCount: Int) -> Int {
        let fitting = memoryLimit / (MemoryLayout<Double>.stride * max(1, parameterCount))
        return max(2, min(standardCapacity, fitting))
    }

    /// About the bytes the trail takes: its room for `capacity` states, made when it is.
    public var bytes: Int { capacity * parameterCount * MemoryLayout<Double>.stride }

    /// Keeps `parameters` (in `Network.parameters`' order) as the state after `step` steps,
    /// forgetting the oldest state when the trail is full. A state at the newest state's step
    /// (an edit, which takes no step) takes its place: the path then starts the next step where
    /// that step started.
    public mutating func record(_ parameters: UnsafeBufferPointer<Double>, step: Int) {
        precondition(parameters.count == parameterCount, "a trail keeps one network's parameters")
        let slot: Int
        if count > 0 && slotSteps[(start + count - 1) % capacity] == step {
            slot = (start + count - 1) % capacity
        } else if count < capacity {
            slot = (start + count) % capacity
            count += 1
        } else {
            slot = start
            start = (start + 1) % capacity
        }
        slotSteps[slot] = step
        values.withUnsafeMutableBufferPointer { values in
            let base = values.baseAddress! + slot * parameterCount
            base.update(from: parameters.baseAddress!, count: parameterCount)
        }
    }

    /// Keeps `network`'s parameters as the state after `step` steps.
    public mutating func record(_ network: Network, step: Int) {
        network.parameters.withUnsafeBufferPointer { record($0, step: step) }
    }

    /// Forgets the states after step `step`: after going back to it, they are no longer the
    /// path that led to the current state.
    public mutating func forgetSteps(after step: Int) {
        while count > 0 && slotSteps[(start + count - 1) % capacity] > step { count -= 1 }
    }

    /// Forgets every state.
    public mutating func removeAll() {
        start = 0
        count = 0
    }

    /// The step of the k-th oldest state kept.
    public func step(at k: Int) -> Int { slotSteps[(start + k) % capacity] }

    /// Parameter number `offset` (in `Network.parameters`' order) of the k-th oldest state kept.
    public func value(at k: Int, offset: Int) -> Double {
        values[((start + k) % capacity) * parameterCount + offset]
    }

    /// Equal when the same states are kept, in the same order, numbers compared bit for bit (so
    /// a NaN equals itself), whatever the slots they were dropped from held.
    public static func == (left: ParameterTrail, right: ParameterTrail) -> Bool {
        guard left.parameterCount == right.parameterCount, left.count == right.count else { return false }
        for k in 0..<left.count {
            guard left.step(at: k) == right.step(at: k) else { return false }
            for offset in 0..<left.parameterCount
            where left.value(at: k, offset: offset).bitPattern != right.value(at: k, offset: offset).bitPattern {
                return false
            }
        }
        return true
    }

    /// The path of the parameters `x` and `y` of `network` (a network of the trail's shape) up to
    /// and including the current state `network` at step `step`: the states kept from before
    /// `step`, oldest first, then `network`'s own values. A state kept at `step` itself is left
    /// out, as the current values stand for it (after an edit they differ).
    public func path(of x: ParameterIndex, _ y: ParameterIndex, in network: Network, atStep step: Int)
        -> [LandscapePoint]
    {
        let (xOffset, yOffset) = (network.offset(of: x), network.offset(of: y))
        var points: [LandscapePoint] = []
        points.reserveCapacity(count + 1)
        for k in 0..<count where self.step(at: k) < step {
            points.append(LandscapePoint(x: value(at: k, offset: xOffset), y: value(at: k, offset: yOffset)))
        }
        points.append(LandscapePoint(x: network[x], y: network[y]))
        return points
    }
}

/// A trail keeps a run's path itself: passed to `Trainer.run(steps:observer:)`, it records every
/// step's parameters and nothing else (no report is wanted, so a mini-batch run skips the passes
/// only a report needs).
extension ParameterTrail: CostObserver {
    /// Costs are not kept.
    public mutating func record(step: Int, cost: Double) {}

    /// No report is needed, only the parameters.
    public func wantsReport(afterStep step: Int) -> Bool { false }

    /// Every step's parameters are kept.
    public var wantsParameters: Bool { true }

    /// Keeps the parameters after `step`.
    public mutating func record(parameters: UnsafeBufferPointer<Double>, afterStep step: Int) {
        record(parameters, step: step)
    }
}
