/// The costs of a run of consecutive steps, summarised: enough to draw them as one column of
/// the curve (from min to max) and to know where the run began and ended.
public struct CostBucket: Equatable, Hashable, Sendable {
    /// The smallest finite cost in the bucket (+inf while it has none).
    public var min: Double
    /// The largest finite cost in the bucket (-inf while it has none).
    public var max: Double
    /// The cost of the bucket's first step (NaN for a bucket that starts before the curve's
    /// first step: see `empty`).
    public var first: Double
    /// The cost of the bucket's last step (NaN in `empty`).
    public var last: Double

    /// A bucket of steps the curve never saw: those before its first step, when it starts later
    /// than step 0 (a race's runners join at the step the race starts). It holds no cost, so it
    /// draws nothing, and merged before a bucket of costs it leaves that bucket's range as it is.
    public static let empty = CostBucket(min: .infinity, max: -.infinity, first: .nan, last: .nan)

    private init(min: Double, max: Double, first: Double, last: Double) {
        (self.min, self.max, self.first, self.last) = (min, max, first, last)
    }

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

    /// Equal when the four costs have the same bits: the empty bucket's NaN equals itself.
    public static func == (left: CostBucket, right: CostBucket) -> Bool {
        [left.min, left.max, left.first, left.last].hasSameBits(as: [right.min, right.max, right.first, right.last])
    }
}
