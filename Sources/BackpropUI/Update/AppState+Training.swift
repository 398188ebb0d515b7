import BackpropCore

extension AppState {
    /// Steps, running, speed, the learning rate and the optimizer.
    mutating func reduce(_ action: TrainingAction) {
        switch action {
        case .step:
            guard refuseIfDiverged() else { return }
            walkPhase = nil
            takeStep()
        case .advance(let steps):
            guard steps > 0, !hasDiverged else { return }
            walkPhase = nil
            previous = PreviousValues(of: trainer)
            advance(steps)
            noteDivergence()
        case .run:
            guard refuseIfDiverged() else { return }
            walkPhase = nil
            isRunning = true
        case .pause:
            isRunning = false
        case .toggleRun:
            reduce(isRunning ? .pause : .run)
        case .speedUp:
            speed = speed.faster
        case .speedDown:
            speed = speed.slower
        case .learningRateUp:
            moveAlongLadder(upwards: true)
        case .learningRateDown:
            moveAlongLadder(upwards: false)
        case .cycleOptimizer:
            cycleOptimizer()
        case .cycleBatchSize:
            cycleBatchSize()
        case .cyclePenalty:
            cyclePenalty()
        case .penaltyStrengthUp:
            movePenaltyStrength(upwards: true)
        case .penaltyStrengthDown:
            movePenaltyStrength(upwards: false)
        }
    }

    /// One whole step, checkpointed for `b`, with the values before it kept for the change marks.
    mutating func takeStep() {
        previous = PreviousValues(of: trainer)
        if history.needsCheckpoint(trainer) { history.record(trainer) }
        let trace = trainer.step()
        trail.record(trainer.network, step: trainer.stepCount)
        let isMiniBatch = trace.samples.count < trainer.scenario.trainingCount
        costCurve.record(
            step: trainer.stepCount, cost: trainer.cost, testCost: trainer.testCost,
            batchCost: isMiniBatch ? trace.batchCost : nil, batchSize: trace.samples.count)
        gradientFlow.record(trainer)
        if race != nil { moveRivals(steps: 1) }
        noteDivergence()
    }

    /// Up to `steps` steps on the fast path, in chunks that end where the history wants a
    /// checkpoint, so every checkpoint lands between chunks and `b` can always replay exactly.
    /// A race's rivals then take as many steps as the run on screen took.
    private mutating func advance(_ steps: Int) {
        let start = trainer.stepCount
        var remaining = steps
        // The curve and the trail move into the observer and back, never copied: the state's
        // references are let go first, so a step writes into storage only the observer holds.
        var observer = CurveAndTrailObserver(curve: costCurve, trail: trail)
        (costCurve, trail) = (CurveAndTrailObserver.placeholderCurve, CurveAndTrailObserver.placeholderTrail)
        while remaining > 0, !hasDiverged {
            if history.needsCheckpoint(trainer) { history.record(trainer) }
            let chunk = min(remaining, history.stepsUntilCheckpoint(trainer))
            let taken = trainer.run(steps: chunk, observer: &observer)
            guard taken == chunk else { break }
            remaining -= chunk
        }
        (costCurve, trail) = (observer.curve, observer.trail)
        // One gradient for the state reached, not one per step: a backward pass a frame.
        gradientFlow.record(trainer)
        if race != nil { moveRivals(steps: trainer.stepCount - start) }
    }

    /// Whether training may go on; if not, says so.
    mutating func refuseIfDiverged() -> Bool {
        guard let divergence = trainer.divergence else { return true }
        isRunning = false
        let what = "training diverged (\(words(for: divergence)))"
        message = StatusMessage(
            wordings: ["\(what): \(divergenceRemedy)", "training diverged: \(divergenceRemedy)"], kind: .error)
        return false
    }

    /// Pauses and explains when the last steps made the cost, a parameter or the optimizer's
    /// state NaN or infinite.
    mutating func noteDivergence() {
        guard let divergence = trainer.divergence else { return }
        isRunning = false
        let (subject, value) = Self.words(for: divergence, names: names)
        let what = "\(subject) became \(value) at step \(trainer.stepCount)"
        message = StatusMessage(
            wordings: ["\(what): paused; \(divergenceRemedy)", "\(what): \(divergenceRemedy)"], kind: .error)
    }

    /// What gets a diverged run going again, in the order it works: a smaller lr first, then
    /// `x`, which after a divergence keeps an lr below the scenario's (`resetRun`). An lr
    /// raised above the scenario's is the exception: `x` alone brings back the scenario's.
    var divergenceRemedy: String {
        let own = trainer.scenario.learningRate
        guard trainer.learningRate > own else { return "- lowers lr, then x resets" }
        return "x resets to step 0 with the scenario's lr \(DecimalNumber.text(own))"
    }

    /// The lr `x` keeps instead of the scenario's: the one on screen, when the run has diverged
    /// and it is lower than the scenario's (the user lowered it to get past the divergence; the
    /// scenario's would diverge again). `nil` when `x` brings back the scenario's lr.
    var learningRateKeptByReset: Double? {
        let rate = trainer.learningRate
        return trainer.hasDiverged && rate < trainer.scenario.learningRate ? rate : nil
    }

    /// "cost NaN", "ω11 is -inf", "v of b2 is inf": a divergence in the screen's names, for the
    /// brackets of a message.
    func words(for divergence: Divergence) -> String {
        let (subject, value) = Self.words(for: divergence, names: names)
        return divergence.subject == .cost ? "cost \(value)" : "\(subject) is \(value)"
    }

    /// The number that is not finite in the screen's names ("cost", "ω11", "v of b2") and its
    /// value as the status bar writes it ("NaN", "-inf").
    private static func words(for divergence: Divergence, names: SymbolNames) -> (subject: String, value: String) {
        let value = DecimalNumber.text(divergence.value)
        switch divergence.subject {
        case .cost: return ("cost", value)
        case .parameter(let index): return (names.parameter(index), value)
        case .optimizerState(let list, let index): return ("\(list) of \(names.parameter(index))", value)
        }
    }

    /// Sets lr with checkpoints on both sides, so that `b` undoes the change like a step.
    mutating func setLearningRate(_ value: Double) {
        do {
            history.record(trainer)
            try trainer.setLearningRate(value)
            history.record(trainer)
            let rate = "lr \(DecimalNumber.text(value))"
            // After a divergence the next key that helps is x, and whether it keeps this lr.
            if trainer.hasDiverged {
                let reset = learningRateKeptByReset != nil ? "x resets to step 0 with it" : divergenceRemedy
                message = StatusMessage(wordings: ["\(rate): \(reset)", rate])
            } else {
                message = StatusMessage(rate)
            }
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
            : "\(upwards ? "above" : "below") the ladder's \(name) (\(DecimalNumber.text(end)))"
        message = StatusMessage(
            "lr \(DecimalNumber.text(current)) is \(place): \(key) goes no \(further); l types any lr")
    }

    /// `o`: the next update rule with the same hyperparameters, its state afresh, checkpointed
    /// on both sides like an lr change so that `b` undoes it. A walk in progress ends: the step
    /// it explains is not the one the new rule takes.
    private mutating func cycleOptimizer() {
        walkPhase = nil
        let next = trainer.optimizer.named(trainer.optimizer.name.next)
        history.record(trainer)
        trainer.setOptimizer(next)
        history.record(trainer)
        let what = next.name == .sgd ? "plain gradient descent, the article's" : "its state starts afresh"
        // Whole hints are left out, least needed first: the hyperparameters (the title and the
        // inspector show the rule), then what afresh means, then the keys.
        message = StatusMessage(wordings: [
            "optimizer \(next.summary): \(what); o for the next, b undoes",
            "optimizer \(next.summary); o for the next, b undoes",
            "optimizer \(next.name.rawValue): \(what); o for the next, b undoes",
            "optimizer \(next.name.rawValue); o for the next, b undoes",
            "optimizer \(next.name.rawValue); o for the next",
            "optimizer \(next.name.rawValue)",
        ])
    }
}
