import BackpropCore

extension AppState {
    /// A line typed at the bottom of the screen: opening it, editing it, and what Enter or Esc
    /// does with it (an lr, a parameter's value, a quiz answer, or a drawing's class; Esc on the
    /// class goes back to the drawing).
    mutating func reduce(_ action: EntryAction) {
        switch action {
        case .beginLearningRate:
            entry = TextEntry(.learningRate)
            isHelpShown = false
        case .beginParameter:
            entry = TextEntry(.parameter)
            isHelpShown = false
        case .type(let character):
            do {
                try entry?.type(character)
            } catch {
                // Refused as typed, never cut later: the prompt shows why beside the text.
                message = StatusMessage(error.description, kind: .error)
            }
        case .deleteBackward:
            entry?.deleteBeforeCursor()
        case .moveCursor(let motion):
            entry?.move(motion)
        case .commit:
            guard let typed = entry else { return }
            entry = nil
            switch typed.purpose {
            case .learningRate: commitLearningRate(typed.reading)
            case .parameter: commitParameter(typed.reading)
            case .quizAnswer: answerQuestion(typed)
            case .drawingLabel(let classes): commitDrawingLabel(typed.text, classes: classes)
            }
        case .cancel:
            if entry?.purpose == .quizAnswer { leaveQuiz() }
            entry = nil
        }
    }

    /// Sets the lr to what was typed after `l`, or says in one line why it stays.
    private mutating func commitLearningRate(_ reading: TextEntry.Reading) {
        let stays = "lr stays \(DecimalNumber.text(trainer.learningRate))"
        switch reading {
        case .nothing:
            message = StatusMessage("nothing typed; \(stays)", kind: .error)
        case .notDecimal(let typed):
            message = StatusMessage("\"\(typed)\" is not a decimal number; \(stays)", kind: .error)
        case .number(let value, _):
            do {
                try Scenario.checkLearningRate(value)
                setLearningRate(value)
            } catch {
                message = StatusMessage("lr must be a finite number > 0, like 0.1; \(stays)", kind: .error)
            }
        }
    }

    /// Sets the selected parameter to what was typed after Enter, or says in one line why it
    /// stays. Any finite value is taken; `b` undoes the edit like a step.
    private mutating func commitParameter(_ reading: TextEntry.Reading) {
        let name = selectionName
        let stays = "\(name) stays \(DecimalNumber.text(trainer.network[selection]))"
        let value: Double
        switch reading {
        case .nothing:
            message = StatusMessage("nothing typed; \(stays)", kind: .error)
            return
        case .notDecimal(let typed):
            message = StatusMessage("\"\(typed)\" is not a decimal number; \(stays)", kind: .error)
            return
        case .number(let typed, let text) where !typed.isFinite:
            message = StatusMessage("\"\(text)\" is too large: numbers end near 1.8e308; \(stays)", kind: .error)
            return
        case .number(let typed, _):
            value = typed
        }
        walkPhase = nil
        // Checkpoints on both sides of the edit: `b` undoes it like a step.
        history.record(trainer)
        previous = PreviousValues(of: trainer)
        var edited = trainer.state
        edited.network[selection] = value
        trainer.restore(edited)
        history.record(trainer)
        // The edited point is where the next step starts: the path goes on from it.
        trail.record(trainer.network, step: trainer.stepCount)
        message = StatusMessage("\(name) set to \(DecimalNumber.text(value)) (b undoes it)")
        noteDivergence()
    }
}
