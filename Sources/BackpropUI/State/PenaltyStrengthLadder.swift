/// The ladder `{` and `}` move a penalty's λ along: 0.0001 0.0003 0.001 … 0.3 1, the 1-3
/// steps of TensorFlow Playground's regularisation rate, so each rung is about three times the
/// one before and a class sees the weights shrink rung by rung.
public enum PenaltyStrengthLadder {
    /// Every rung from 0.0001 to 1, each the nearest double to its decimal text.
    public static let rungs: [Double] = (-4...0).flatMap { power in
        [1, 3].map { Double("\($0)e\(power)")! }
    }.filter { $0 <= 1 }

    /// The λ a penalty turned on with `L` starts with when none was chosen before.
    public static let standard = 0.01

    /// The next rung above `value` (from between rungs, the first above it); at the top, `value`.
    public static func up(from value: Double) -> Double {
        rungs.first { $0 > value && !LearningRateLadder.isSame($0, value) } ?? value
    }

    /// The next rung below `value` (from between rungs, the first below it); at the bottom, `value`.
    public static func down(from value: Double) -> Double {
        rungs.last { $0 < value && !LearningRateLadder.isSame($0, value) } ?? value
    }
}
