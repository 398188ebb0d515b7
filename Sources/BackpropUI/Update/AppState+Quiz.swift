import BackpropCore

extension AppState {
    /// The quiz's own keys: `t` asks, Tab changes the question, Esc closes the explanation.
    /// The answer comes through the entry (`EntryAction.commit`, `.cancel`).
    mutating func reduce(_ action: QuizAction) {
        switch action {
        case .ask:
            askQuestion()
        case .cycleQuestion(let backwards):
            guard quiz?.isAsking == true else { return }
            quiz?.cycle(backwards: backwards)
            entry = TextEntry(.quizAnswer)
        case .end:
            quiz = nil
        }
    }

    /// `t`: a question about the step the current state would take, the selected parameter's
    /// gradient first. Pauses a run and ends a walk, so the step asked about waits for the
    /// answer; the numbers that would give it away are hidden until then.
    private mutating func askQuestion() {
        guard refuseIfDiverged(), refuseWhileDrawing("the quiz") else { return }
        isRunning = false
        walkPhase = nil
        isHelpShown = false
        // A bug hunt asks which bug first; Tab still reaches the step's questions.
        let hunt = trainer.bug.map { [QuizQuestion.whichBug($0)] } ?? []
        quiz = Quiz(
            questions: hunt + QuizQuestion.offered(for: selection, sample: followedSample, in: trainer.network),
            number: quizScore.answered + 1)
        entry = TextEntry(.quizAnswer)
    }

    /// Enter on the answer: judged against the step the state would take, counted, the step
    /// taken (checkpointed, so `b` takes it back; "which bug?" is about the program and takes
    /// none), and the explanation shown. An answer that
    /// cannot be read leaves the entry open with the text, and says what would be read.
    mutating func answerQuestion(_ typed: TextEntry) {
        guard var quiz, quiz.isAsking else { return }
        let answer: QuizAnswer
        do {
            answer =
                quiz.question.takesBugName
                ? try QuizAnswer(namingBug: typed.text)
                : try QuizAnswer(reading: typed.text, takesYesOrNo: quiz.question.takesYesOrNo)
        } catch {
            entry = typed
            message = StatusMessage(error.description, kind: .error)
            return
        }
        // The step `takeStep` is about to take, with every intermediate, bit for bit.
        let trace = trainer.nextStep()
        let verdict = QuizVerdict(question: quiz.question, answer: answer, truth: quiz.question.truth(in: trace))
        quizScore.record(verdict)
        quiz.phase = .revealed(verdict, trace: trace)
        let word = verdict.isRight ? "right" : "wrong"
        let score = "score \(quizScore.text)"
        let kind: StatusMessage.Kind = verdict.isRight ? .info : .error
        if case .whichBug(let bug) = quiz.question {
            // About the program, not a step: judged and counted like any answer, but no step is
            // taken; the verdict names the bug and its wrong line of maths.
            self.quiz = quiz
            message = StatusMessage(
                wordings: [
                    "\(word), \(score): the bug is \(bug.rawValue); t asks again, Esc closes",
                    "\(word), \(score): the bug is \(bug.rawValue)", "\(word), \(score)",
                ], kind: kind)
            return
        }
        takeStep()
        self.quiz = quiz
        message = StatusMessage(
            wordings: [
                "\(word), \(score): step \(trace.number) taken; t asks again, Esc closes, b takes the step back",
                "\(word), \(score): step \(trace.number) taken; t asks again, Esc closes",
                "\(word), \(score); t asks again", "\(word), \(score)",
            ], kind: kind)
        noteDivergence()
    }

    /// Esc on the question: nothing answered, nothing counted, no step taken.
    mutating func leaveQuiz() {
        quiz = nil
        let score = quizScore.answered > 0 ? " (score stays \(quizScore.text))" : ""
        message = StatusMessage("question left unanswered: no step taken\(score)")
    }
}
