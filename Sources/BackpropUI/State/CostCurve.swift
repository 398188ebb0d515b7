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
    /// Whether a test cost or a mini-batch's cost was recorded since the last reset: the pane
    /// then draws every series per sample, so that they compare.
    public private(set) var hasTest = false
    /// Whether a mini-batch's cost was recorded since the last reset.
    public private(set) var hasBatch = false
    /// The loss and the sample counts that turn a cost into a cost per sample.
    public let loss: Loss
    /// The training samples C is over.
    public let trainingCount: Int
    /// The held-out samples the test C is over (0 without a split).
    public let testCount: Int
    private var storage: [CostBucket]
    /// The test and batch costs, per sample, bucket for bucket with `storage`.
    private var testStorage: [CostBucket]
    private var batchStorage: [CostBucket]

    /// An empty curve of `capacity` buckets (an even number, at least 2) for `scenario`'s
    /// costs (a curve without one keeps the training cost alone).
    public init(capacity: Int = 1024, scenario: Scenario? = nil) {
        precondition(capacity >= 2 && capacity % 2 == 0, "buckets merge in pairs")
        self.capacity = capacity
        span = 1
        count = 0
        lastStep = -1
        loss = scenario?.loss ?? .mse
        trainingCount = scenario?.trainingCount ?? 1
        testCount = scenario?.split.test.count ?? 0
        storage = Array(repeating: CostBucket(cost: 0), count: capacity)
        testStorage = storage
        batchStorage = storage
    }

    /// C over the training samples as a cost per sample.
    public func perSample(_ cost: Double) -> Double { loss.costPerSample(cost, samples: trainingCount) }

    /// Whether the pane shows costs per sample: when there is a test or a batch cost beside C.
    public var showsPerSample: Bool { hasTest || hasBatch }

    /// The buckets in use, oldest first.
    public var buckets: ArraySlice<CostBucket> { storage[0..<count] }

    /// Whether nothing has been recorded.
    public var isEmpty: Bool { count == 0 }

    /// Forgets everything (keeping the storage).
    public mutating func reset() {
        span = 1
        count = 0
        lastStep = -1
        hasTest = false
        hasBatch = false
    }

    /// Records the cost of the state after `step` steps. Steps arrive in order, one at a time;
    /// a step that is not after the last one recorded is ignored. The first step may be later
    /// than 0 (a race's runner starts at the step the race starts): the buckets before it are
    /// `CostBucket.empty`, so the curve's steps stay where the run's steps are.
    @inline(__always)
    public mutating func record(step: Int, cost: Double) {
        record(step: step, cost: cost, testCost: nil, batchCost: nil, batchSize: 0)
    }

    /// A step of a run with mini-batches, a test split or a penalty: C, the test C and, for a
    /// mini-batch, the batch's C, the last two kept per sample.
    public mutating func record(_ report: StepReport) {
        record(
            step: report.step, cost: report.cost, testCost: report.testCost,
            batchCost: report.batch == nil ? nil : report.batchCost, batchSize: report.batch?.count ?? 0)
    }

    /// Records step `step`'s C, its test C (nil without a split) and the C of the batch it took
    /// (nil for a full batch) over `batchSize` samples.
    @inline(__always)
    public mutating func record(step: Int, cost: Double, testCost: Double?, batchCost: Double?, batchSize: Int) {
        guard step > lastStep else { return }
        var index = step / span
        while index >= capacity {
            halve()
            index = step / span
        }
        let test = testCost.map { loss.costPerSample($0, samples: testCount) } ?? .nan
        let batch = batchCost.map { loss.costPerSample($0, samples: batchSize) } ?? .nan
        if testCost != nil { hasTest = true }
        if batchCost != nil { hasBatch = true }
        if index < count {
            storage[index].add(cost)
            testStorage[index].add(test)
            batchStorage[index].add(batch)
        } else {
            while count < index {
                storage[count] = .empty
                testStorage[count] = .empty
                batchStorage[count] = .empty
                count += 1
            }
            storage[index] = CostBucket(cost: cost)
            testStorage[index] = CostBucket(cost: test)
            batchStorage[index] = CostBucket(cost: batch)
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

    /// The buckets of `series` that hold steps `lower ..< upper`, merged into one (nil when none do).
    public func summary(steps lower: Int, _ upper: Int, of series: CostSeries = .training) -> CostBucket? {
        guard count > 0 else { return nil }
        let first = Swift.max(0, lower / span)
        let last = Swift.min(count - 1, (Swift.max(lower + 1, upper) - 1) / span)
        guard first <= last else { return nil }
        let buckets: [CostBucket]
        switch series {
        case .training: buckets = storage
        case .test: buckets = testStorage
        case .batch: buckets = batchStorage
        }
        var bucket = buckets[first]
        for index in (first + 1)..<(last + 1) { bucket = bucket.merged(with: buckets[index]) }
        return bucket
    }

    /// Everything recorded of `series`, as one bucket.
    public func overall(of series: CostSeries) -> CostBucket? { summary(steps: 0, lastStep + 1, of: series) }

    /// Everything recorded, as one bucket.
    public var overall: CostBucket? { overall(of: .training) }

    /// Two curves are equal when they summarise the same steps the same way (storage past
    /// `count` is scratch and does not count).
    public static func == (lhs: CostCurve, rhs: CostCurve) -> Bool {
        lhs.capacity == rhs.capacity && lhs.span == rhs.span && lhs.lastStep == rhs.lastStep
            && lhs.buckets == rhs.buckets && lhs.hasTest == rhs.hasTest && lhs.hasBatch == rhs.hasBatch
            && lhs.testStorage[0..<lhs.count] == rhs.testStorage[0..<rhs.count]
            && lhs.batchStorage[0..<lhs.count] == rhs.batchStorage[0..<rhs.count] && lhs.loss == rhs.loss
            && lhs.trainingCount == rhs.trainingCount && lhs.testCount == rhs.testCount
    }

    private mutating func halve() {
        let merged = (count + 1) / 2
        for index in 0..<merged {
            let hasRight = 2 * index + 1 < count
            let (left, test, batch) = (storage[2 * index], testStorage[2 * index], batchStorage[2 * index])
            storage[index] = hasRight ? left.merged(with: storage[2 * index + 1]) : left
            testStorage[index] = hasRight ? test.merged(with: testStorage[2 * index + 1]) : test
            batchStorage[index] = hasRight ? batch.merged(with: batchStorage[2 * index + 1]) : batch
        }
        count = merged
        span *= 2
    }
}
