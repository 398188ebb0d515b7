/// Which samples train and which are held out to test: the test samples never train, and the
/// cost on them says whether the network works on data it never saw.
///
/// Both lists are indices into the data as loaded (0-based), in the data's order, and together
/// they hold every sample once.
public struct DataSplit: Hashable, Sendable {
    /// The samples that train, in the data's order.
    public let training: [Int]
    /// The samples held out, in the data's order (empty: no split).
    public let test: [Int]

    /// Every one of `count` samples trains (no split).
    public static func allTraining(_ count: Int) -> DataSplit {
        DataSplit(training: Array(0..<count))
    }

    private init(training: [Int]) {
        self.training = training
        self.test = []
    }

    /// The split that holds out the samples `test` of `count` (each in 0..<count, none twice),
    /// or an error that says which index is wrong. At least one sample must train.
    public init(count: Int, test: [Int]) throws(ScenarioError) {
        var held = Array(repeating: false, count: count)
        for index in test {
            guard index >= 0 && index < count else {
                throw .invalidSetting(
                    "sample \(index) is held out for testing, but the data has \(count) samples (0 to \(count - 1))")
            }
            guard !held[index] else { throw .invalidSetting("sample \(index) is held out for testing twice") }
            held[index] = true
        }
        guard test.count < count else {
            throw .invalidSetting("every sample is held out for testing; leave at least one to train on")
        }
        self.test = (0..<count).filter { held[$0] }
        self.training = (0..<count).filter { !held[$0] }
    }

    /// ⌊ratio·count⌋ of `count` samples held out, drawn with `seed`: the first of a permutation
    /// drawn by `BatchOrder.permutation(count:seed:stream:)` on a stream of its own, so the same
    /// seed holds out the same samples on every machine. `ratio` is in [0, 1).
    public static func drawn(count: Int, ratio: Double, seed: UInt64) throws(ScenarioError) -> DataSplit {
        guard ratio.isFinite, ratio >= 0, ratio < 1 else {
            throw .invalidSetting(
                "a test ratio must be at least 0 and below 1, like 0.2 (a fifth held out), not \(ratio)")
        }
        let held = Int((ratio * Double(count)).rounded(.down))
        let order = BatchOrder.permutation(count: count, seed: seed, stream: BatchOrder.splitStream)
        return try DataSplit(count: count, test: Array(order.prefix(held)))
    }

    /// Whether some samples are held out.
    public var hasTest: Bool { !test.isEmpty }
    /// All samples, training and test.
    public var count: Int { training.count + test.count }
}
