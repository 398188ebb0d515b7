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

    /// The counts of `training` and `test` (ŷ of the training and of the test samples, one row
    /// each in the split's order, as `Trainer.prediction` and `testPrediction` give them)
    /// against the data's `targets` by `classes`' rule: no matrix of every sample is made.
    public init(classes: TargetClasses, training: Matrix, test: Matrix?, targets: Matrix, split: DataSplit) {
        func right(_ prediction: Matrix, _ samples: [Int]) -> Int {
            samples.indices.count { classes.isRight(row: $0, of: prediction, target: samples[$0], of: targets) }
        }
        self.right = right(training, split.training)
        self.count = split.training.count
        self.testRight = test.map { right($0, split.test) }
        self.testCount = split.test.count
    }

    /// The fraction of the training samples right, 0 to 1 (`right / count`, one division, so a
    /// reader that divides the counts gets the same double).
    public var fraction: Double { Double(right) / Double(max(count, 1)) }

    /// The fraction of the test samples right, or nil without a split.
    public var testFraction: Double? { testRight.map { Double($0) / Double(max(testCount, 1)) } }
}
