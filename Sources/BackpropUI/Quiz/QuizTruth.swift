/// What a quiz question's answer is judged against: the number asked for, and, for a change, the
/// number before it.
public struct QuizTruth: Equatable, Hashable, Sendable {
    /// The number asked for: ∂C/∂θ, the cost after the step, ŷ after it, or e.
    public let value: Double
    /// The value before the step, for the questions about a change (the cost, a prediction);
    /// nil for the gradient and the error, which are not changes.
    public let before: Double?

    /// The truth of a question about `value`, or about its change from `before`.
    public init(value: Double, before: Double? = nil) {
        self.value = value
        self.before = before
    }

    /// What + and - are about: the number itself, or its change in the step (`value - before`).
    public var direction: Double { before.map { value - $0 } ?? value }

    /// Equal when both numbers have the same bits (an infinite or NaN outcome equals itself).
    public static func == (left: QuizTruth, right: QuizTruth) -> Bool {
        left.value.bitPattern == right.value.bitPattern && left.before?.bitPattern == right.before?.bitPattern
    }
}
