/// The answers of the session, right and in all: the status bar shows them as `score 3/4`.
/// Kept across `x` and `d`, which start a run, not a class; `b` takes back a step but not the
/// answer given before it.
public struct QuizScore: Equatable, Hashable, Sendable {
    /// Answers judged right.
    public private(set) var right = 0
    /// Answers judged.
    public private(set) var answered = 0

    /// No answers yet.
    public init() {}

    /// Counts one more answer.
    mutating func record(_ verdict: QuizVerdict) {
        answered += 1
        if verdict.isRight { right += 1 }
    }

    /// "3/4".
    public var text: String { "\(right)/\(answered)" }
}
