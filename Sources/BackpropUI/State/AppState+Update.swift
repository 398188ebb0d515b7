import BackpropCore
import Foundation

extension AppState {
    /// Changes `state` in answer to `action`: the update function of the Elm / Bubble Tea shape.
    /// Pure apart from `state`: no terminal, no clock, no files, so every key is testable as a
    /// plain call. What must touch the world comes back as effects for the caller to perform.
    @discardableResult
    public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
        state.apply(action)
    }

    /// `update(&self, action)`, for call sites that hold the state themselves.
    @discardableResult
    public mutating func apply(_ action: Action) -> [Effect] {
        // A race goes on only while the run on screen changes by steps alone.
        guard race != nil, let reason = RaceEnding(action, entry: entry) else { return perform(action) }
        let before = (trainer.state, cyclePosition)
        let effects = perform(action)
        if race != nil, trainer.state != before.0 || cyclePosition != before.1 {
            endRace(because: reason)
        }
        return effects
    }

    /// What `action` does, race or not.
    private mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .advance, .resize, .effectDone:
            break
        default:
            // A message answers the key before; the next key replaces it.
            message = nil
        }
        // An answered question's explanation stays while only the view changes.
        if let quiz, !quiz.isAsking, !AppState.keepsQuizExplanation(action) { self.quiz = nil }
        switch action {
        case .step:
            guard refuseIfDiverged() else { return [] }
            walkPhase = nil
            takeStep()
        case .advance(let steps):
            guard steps > 0, !hasDiverged else { return [] }
            walkPhase = nil
            previous = PreviousValues(of: trainer)
            advance(steps)
            noteDivergence()
        case .run:
            guard refuseIfDiverged() else { return [] }
            walkPhase = nil
            isRunning = true
        case .pause:
            isRunning = false
        case .toggleRun:
            apply(isRunning ? .pause : .run)
        case .reset:
            resetRun()
        case .learningRateUp:
            moveAlongLadder(upwards: true)
        case .learningRateDown:
            moveAlongLadder(upwards: false)
        case .beginLearningRateEntry:
            entry = TextEntry(.learningRate)
            isHelpShown = false
        case .typeEntry(let character):
            do {
                try entry?.type(character)
            } catch {
                // Refused as typed, never cut later: the prompt shows why beside the text.
                message = StatusMessage(error.description, kind: .error)
            }
        case .deleteEntryCharacter:
            entry?.deleteBeforeCursor()
        case .moveEntryCursor(let motion):
            entry?.move(motion)
        case .commitEntry:
            guard let typed = entry else { return [] }
            entry = nil
            switch typed.purpose {
            case .learningRate: commitLearningRate(typed.reading)
            case .parameter: commitParameter(typed.reading)
            case .quizAnswer: answerQuestion(typed)
            }
        case .cancelEntry:
            if entry?.purpose == .quizAnswer { leaveQuiz() }
            entry = nil
        case .speedUp:
            speed = speed.faster
        case .speedDown:
            speed = speed.slower
        case .toggleCostScale:
            costScale = costScale.toggled
        case .toggleHelp:
            isHelpShown.toggle()
        case .closeHelp:
            isHelpShown = false
        case .quit:
            shouldQuit = true
        case .resize(let newSize):
            size = newSize
        case .effectDone(let outcome):
            message = outcome
        case .askQuestion, .cycleQuestion, .endQuiz:
            applyQuiz(action)
        default:
            return applyTeaching(action).map { [$0] } ?? []
        }
        return []
    }

    /// One whole step, checkpointed for `b`, with the values before it kept for the change marks.
    mutating func takeStep() {
        previous = PreviousValues(of: trainer)
        if history.needsCheckpoint(trainer) { history.record(trainer) }
        trainer.step()
        costCurve.record(step: trainer.stepCount, cost: trainer.cost)
        if race != nil { moveRivals(steps: 1) }
        noteDivergence()
    }

    /// Up to `steps` steps on the fast path, in chunks that end where the history wants a
    /// checkpoint, so every checkpoint lands between chunks and `b` can always replay exactly.
    /// A race's rivals then take as many steps as the run on screen took.
    private mutating func advance(_ steps: Int) {
        let start = trainer.stepCount
        var remaining = steps
        while remaining > 0, !hasDiverged {
            if history.needsCheckpoint(trainer) { history.record(trainer) }
            let chunk = min(remaining, history.stepsUntilCheckpoint(trainer))
            let taken = trainer.run(steps: chunk, observer: &costCurve)
            guard taken == chunk else { break }
            remaining -= chunk
        }
        if race != nil { moveRivals(steps: trainer.stepCount - start) }
    }

    /// After a reset or a new scenario: step 0 on a fresh curve and a fresh history, paused (the
    /// run left is kept by `keepRun` first, for `b`).
    mutating func startOver() {
        costCurve.reset()
        costCurve.record(step: trainer.stepCount, cost: trainer.cost)
        history.clear()
        history.record(trainer)
        previous = nil
        isRunning = false
        entry = nil
        walkPhase = nil
        quiz = nil
    }

    /// Whether training may go on; if not, says so.
    mutating func refuseIfDiverged() -> Bool {
        guard hasDiverged else { return true }
        isRunning = false
        message = StatusMessage(
            "training diverged (cost \(LearningRateText.cost(trainer.cost))): x resets, - lowers lr", kind: .error)
        return false
    }

    /// Pauses and explains when the last steps made the cost NaN or infinite.
    mutating func noteDivergence() {
        guard hasDiverged else { return }
        isRunning = false
        message = StatusMessage(
            "cost became \(LearningRateText.cost(trainer.cost)) at step \(trainer.stepCount): paused; x resets, - lowers lr",
            kind: .error)
    }

    mutating func setLearningRate(_ value: Double) {
        do {
            // Checkpoints on both sides of the change: `b` undoes it like a step.
            history.record(trainer)
            try trainer.setLearningRate(value)
            history.record(trainer)
            message = StatusMessage("lr \(LearningRateText.string(value))")
        } catch {
            message = StatusMessage(error.description, kind: .error)
        }
    }

    /// `+` or `-`: the next rung, or, at the end of the ladder, a line that says so and how to
    /// go further (no checkpoint: nothing changed, so `b` has nothing to undo).
    private mutating func moveAlongLadder(upwards: Bool) {
        let current = trainer.learningRate
        let next = upwards ? LearningRateLadder.up(from: current) : LearningRateLadder.down(from: current)
        guard next == current else {
            setLearningRate(next)
            return
        }
        let rungs = LearningRateLadder.rungs
        let (end, name, key, further) =
            upwards ? (rungs.last!, "top", "+", "higher") : (rungs.first!, "bottom", "-", "lower")
        let place =
            LearningRateLadder.isSame(current, end)
            ? "the ladder's \(name)"
            : "\(upwards ? "above" : "below") the ladder's \(name) (\(LearningRateText.string(end)))"
        message = StatusMessage(
            "lr \(LearningRateText.string(current)) is \(place): \(key) goes no \(further); l types any lr")
    }
}
