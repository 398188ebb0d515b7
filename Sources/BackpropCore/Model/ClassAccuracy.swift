/// How many samples a state's predictions get right, when the targets are classes
/// (`TargetClasses`): over the training samples, and over the test samples when some are held
/// out. The one rule for "right" that the screen ("1377/1438 right") and the traces (`accuracy`,
/// `test_accuracy`) share, so they can never disagree.
public struct ClassAccuracy: Equatable, Sendable {
    /// Training samples right.
    public let right: Int
    /// Training samples.
    public let count: Int
    /// Test samples right, or nil without a split.
    public let testRight: Int?
    /// Test samples (0 without a split).
    public let testCount: Int

    /// The counts of `prediction` (ŷ of every sample, one row each in the data's order, as
    /// `Trainer.predictionOfEverySample` gives it) against `targets` over `split`'s samples, or
    /// nil when the targets are not classes.
    public init?(prediction: Matrix, targets: Matrix, split: DataSplit) {
        guard let classes = TargetClasses(targets: targets) else { return nil }
        func right(_ samples: [Int]) -> Int {
            samples.count { classes.isRight(sample: $0, prediction: prediction, targets: targets) }
        }
        self.right = right(split.training)
        self.count = split.training.count
        self.testRight = split.hasTest ? right(split.test) : nil
        self.testCount = split.test.count
    }

    /// The fraction of the training samples right, 0 to 1 (`right / count`, one division, so a
    /// reader that divides the counts gets the same double).
    public var fraction: Double { Double(right) / Double(max(count, 1)) }

    /// The fraction of the test samples right, or nil without a split.
    public var testFraction: Double? { testRight.map { Double($0) / Double(max(testCount, 1)) } }
}
