import BackpropCore

/// A bounded summary of every cost a run has passed through, step 0 included, for the cost pane.
///
/// Steps fall into `capacity` buckets of `span` consecutive steps each. When a step would need
/// one bucket more, neighbours merge pairwise and the span doubles, so memory stays the same
/// however long the program runs, and the curve always covers the whole run. Recording a step
/// writes into storage allocated once, at creation.
public struct CostCurve: CostObserver, Equatable, Sendable {
    /// How many buckets the curve keeps at most.
    public let capacity: Int
    /// Steps per bucket: a power of two.
    public private(set) var span: Int
    /// Buckets in use.
    public private(set) var count: Int
    /// The last step recorded (-1 before any).
    public private(set) var lastStep: Int
    private var storage: [CostBucket]

    /// An empty curve of `capacity` buckets (an even number, at least 2).
    public init(capacity: Int = 1024) {
        precondition(capacity >= 2 && capacity % 2 == 0, "buckets merge in pairs")
        self.capacity = capacity
        span = 1
        count = 0
        lastStep = -1
        storage = Array(repeating: CostBucket(cost: 0), count: capacity)
    }

    /// The buckets in use, oldest first.
    public var buckets: ArraySlice<CostBucket> { storage[0..<count] }

    /// Whether nothing has been recorded.
    public var isEmpty: Bool { count == 0 }

    /// Forgets everything (keeping the storage).
    public mutating func reset() {
        span = 1
        count = 0
        lastStep = -1
    }

    /// Records the cost of the state after `step` steps. Steps arrive in order, one at a time;
    /// a step that is not after the last one recorded is ignored. The first step may be later
    /// than 0 (a race's runner starts at the step the race starts): the buckets before it are
    /// `CostBucket.empty`, so the curve's steps stay where the run's steps are.
    @inline(__always)
    public mutating func record(step: Int, cost: Double) {
        guard step > lastStep else { return }
        var index = step / span
        while index >= capacity {
            halve()
            index = step / span
        }
        if index < count {
            storage[index].add(cost)
        } else {
            while count < index {
                storage[count] = .empty
                count += 1
            }
            storage[index] = CostBucket(cost: cost)
            count = index + 1
        }
        lastStep = step
    }

    /// Forgets the bucket that holds `step` and every bucket after it, for stepping back:
    /// buckets summarise many steps and cannot drop only some of them. Returns the first step
    /// no longer recorded (the start of that bucket, at most `step`); the caller records the
    /// steps from there to `step` again so the curve ends exactly at `step`.
    public mutating func truncate(from step: Int) -> Int {
        guard step <= lastStep else { return lastStep + 1 }
        let index = Swift.max(0, step) / span
        count = Swift.min(count, index)
        lastStep = index * span - 1
        return index * span
    }

    /// The buckets that hold steps `lower ..< upper`, merged into one (nil when none do).
    public func summary(steps lower: Int, _ upper: Int) -> CostBucket? {
        guard count > 0 else { return nil }
        let first = Swift.max(0, lower / span)
        let last = Swift.min(count - 1, (Swift.max(lower + 1, upper) - 1) / span)
        guard first <= last else { return nil }
        var bucket = storage[first]
        for index in (first + 1)..<(last + 1) { bucket = bucket.merged(with: storage[index]) }
        return bucket
    }

    /// Everything recorded, as one bucket.
    public var overall: CostBucket? { summary(steps: 0, lastStep + 1) }

    /// Two curves are equal when they summarise the same steps the same way (storage past
    /// `count` is scratch and does not count).
    public static func == (lhs: CostCurve, rhs: CostCurve) -> Bool {
        lhs.capacity == rhs.capacity && lhs.span == rhs.span && lhs.lastStep == rhs.lastStep
            && lhs.buckets == rhs.buckets
    }

    private mutating func halve() {
        let merged = (count + 1) / 2
        for index in 0..<merged {
            let left = storage[2 * index]
            storage[index] = 2 * index + 1 < count ? left.merged(with: storage[2 * index + 1]) : left
        }
        count = merged
        span *= 2
    }
}
