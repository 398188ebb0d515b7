/// The costs of a run of consecutive steps, summarised: enough to draw them as one column of
/// the curve (from min to max) and to know where the run began and ended.
public struct CostBucket: Equatable, Hashable, Sendable {
    /// The smallest finite cost in the bucket (+inf while it has none).
    public var min: Double
    /// The largest finite cost in the bucket (-inf while it has none).
    public var max: Double
    /// The cost of the bucket's first step.
    public var first: Double
    /// The cost of the bucket's last step.
    public var last: Double

    /// A bucket holding one cost.
    public init(cost: Double) {
        min = cost.isFinite ? cost : .infinity
        max = cost.isFinite ? cost : -.infinity
        first = cost
        last = cost
    }

    /// Whether any finite cost went in.
    public var hasFiniteCost: Bool { min <= max }

    /// Adds the cost of the step after this bucket's last one.
    @inline(__always)
    public mutating func add(_ cost: Double) {
        if cost.isFinite {
            if cost < min { min = cost }
            if cost > max { max = cost }
        }
        last = cost
    }

    /// This bucket followed by `next`, as one bucket.
    public func merged(with next: CostBucket) -> CostBucket {
        var bucket = self
        bucket.min = Swift.min(min, next.min)
        bucket.max = Swift.max(max, next.max)
        bucket.last = next.last
        return bucket
    }
}
