import BackpropCore

/// The question `t` opened: being answered (the answer is typed in the hint line's entry), or
/// answered, its verdict shown with the numbers that explain it, after the step it was about.
public struct Quiz: Equatable, Sendable {
    /// Where the quiz has got to.
    public enum Phase: Equatable, Sendable {
        /// Waiting for the answer; the numbers that would give it away are hidden.
        case asking
        /// Answered, judged, and the step taken: `trace` is that step, for the explanation.
        case revealed(QuizVerdict, trace: StepTrace)
    }

    /// The questions Tab goes through, the gradient first.
    public let questions: [QuizQuestion]
    /// Which of `questions` is asked.
    public private(set) var position = 0
    /// Asking or answered.
    public internal(set) var phase = Phase.asking
    /// Which question of the session this is, from 1.
    public let number: Int

    /// A quiz asking the first of `questions`, the session's question `number`.
    init(questions: [QuizQuestion], number: Int) {
        precondition(!questions.isEmpty, "a quiz asks something")
        self.questions = questions
        self.number = number
    }

    /// The question asked.
    public var question: QuizQuestion { questions[position] }

    /// Whether the answer is still awaited.
    public var isAsking: Bool { phase == .asking }

    /// The verdict, once answered.
    public var verdict: QuizVerdict? {
        if case .revealed(let verdict, _) = phase { return verdict }
        return nil
    }

    /// The next question in Tab order (the one before with `backwards`), wrapping round.
    mutating func cycle(backwards: Bool) {
        position = (position + (backwards ? questions.count - 1 : 1)) % questions.count
    }
}
