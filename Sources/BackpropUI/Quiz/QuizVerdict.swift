/// An answer judged against the step it was about.
///
/// A direction is right when it is the sign of the number (or of the change) asked about: an
/// exact zero is neither + nor -. "y" to "will C fall?" is right when the cost after the step is
/// lower; "n" when it is not (the same, or higher, or no longer a number). A value is right
/// within 10% of the true one, or within 0.005 of it, whichever is more generous: 10% of a
/// value near zero would ask for digits nobody reads off a screen. Both ends count as right.
public struct QuizVerdict: Equatable, Hashable, Sendable {
    /// A value within this fraction of the true one is right...
    public static let relativeTolerance = 0.1
    /// ...and so is one within this distance of it.
    public static let absoluteTolerance = 0.005

    /// What was asked.
    public let question: QuizQuestion
    /// What was answered.
    public let answer: QuizAnswer
    /// The numbers of the step taken.
    public let truth: QuizTruth

    /// Judges `answer` to `question` against `truth`.
    public init(question: QuizQuestion, answer: QuizAnswer, truth: QuizTruth) {
        self.question = question
        self.answer = answer
        self.truth = truth
    }

    /// The largest miss a value may have and still be right.
    public var tolerance: Double {
        max(QuizVerdict.relativeTolerance * abs(truth.value), QuizVerdict.absoluteTolerance)
    }

    /// Whether the answer is right.
    public var isRight: Bool {
        switch answer {
        case .plus: truth.direction > 0
        case .minus, .yes: truth.direction < 0
        case .no: !(truth.direction < 0)
        // A hair of slack, so that a guess exactly 10% off is right although 1.1 - 1 is
        // 0.10000000000000009 in doubles.
        case .value(let guess, _): abs(guess - truth.value) <= tolerance * (1 + 1e-12)
        case .bug(let guess):
            if case .whichBug(let planted) = question { guess == planted } else { false }
        }
    }
}
