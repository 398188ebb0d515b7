/// The 1-2-5 ladder the `+` and `-` keys move the learning rate along:
/// ... 0.01 0.02 0.05 0.1 0.2 0.5 1 2 5 10 ...
public enum LearningRateLadder {
    /// Every rung from 1e-6 to 1000. Built from decimal text so each rung is the nearest
    /// double to its decimal value (0.2 here is the same bits as the literal 0.2).
    public static let rungs: [Double] = (-6...3).flatMap { power in
        [1, 2, 5].map { Double("\($0)e\(power)")! }
    }.filter { $0 <= 1000 }

    /// The rungs the lr preview (`v`) tries: 0.01 to 10, from gentle to far too large for
    /// most data, so a class sees where a step starts to overshoot.
    public static let previewRates: [Double] = rungs.filter { $0 >= 0.01 && $0 <= 10 }

    /// The next rung above `value`; from a value between rungs, the first rung above it.
    /// At the top it stays where it is.
    public static func up(from value: Double) -> Double {
        rungs.first { $0 > value && !isSame($0, value) } ?? value
    }

    /// The next rung below `value`; from a value between rungs, the first rung below it.
    /// At the bottom it stays where it is.
    public static func down(from value: Double) -> Double {
        rungs.last { $0 < value && !isSame($0, value) } ?? value
    }

    // A typed 0.30000000000000004 counts as the rung 0.3 would be, not as a value past it.
    static func isSame(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    }
}
