import BackpropCore

extension AppState {
    /// Going back (`b`), reset (`x`) and the next scenario (`d`).
    mutating func reduce(_ action: HistoryAction) {
        switch action {
        case .stepBack: stepBack()
        case .reset: resetRun()
        case .nextScenario: loadNextScenario()
        }
    }

    /// `x`: back to step 0 of the scenario, the scenario's W, b and lr. The optimizer chosen with
    /// `o` stays, its state afresh: a class comparing rules restarts with the rule on screen.
    /// After a divergence, an lr lowered below the scenario's stays too: that is how a class gets
    /// past a divergence (`-`, then `x`), where the scenario's lr would only diverge again. The
    /// run left is kept, so `b` comes back to it; at the start already, with nothing to go back
    /// to, nothing is kept.
    private mutating func resetRun() {
        var restarted = trainer
        restarted.reset()
        let chosen = trainer.optimizer
        if restarted.optimizer != chosen { restarted.setOptimizer(chosen) }
        // The batch size chosen with B and the penalty with L { } stay too, as the optimizer
        // does: a class comparing runs resets to see the same settings again from step 0. Both
        // were valid for the trainer, so these cannot fail.
        let scenario = restarted.scenario
        if restarted.miniBatchSize != trainer.miniBatchSize { try? restarted.setBatchSize(trainer.miniBatchSize) }
        if restarted.penalty != trainer.penalty { try? restarted.setPenalty(trainer.penalty) }
        let kept = learningRateKeptByReset
        // A rate the trainer held is valid, so this cannot fail.
        if let kept { try? restarted.setLearningRate(kept) }
        let (left, leftRate, diverged) = (trainer.stepCount, trainer.learningRate, trainer.hasDiverged)
        let isAtStart = trainer.state == restarted.state && !history.canGoBack(from: trainer)
        if !isAtStart { keepRun(endedBy: .reset) }
        trainer = restarted
        startOver()
        if isAtStart {
            message = StatusMessage("reset: already at step 0, as the scenario starts")
            return
        }
        let back = left > 0 ? "b goes back to step \(left)" : "b undoes it"
        let rate = DecimalNumber.text(trainer.learningRate)
        let lr: String
        if kept != nil {
            lr = ", lr stays \(rate)"
        } else if diverged {
            // The scenario's lr again: say so, as it may well diverge again.
            lr =
                leftRate == trainer.learningRate
                ? ", lr still \(rate), which diverged; - lowers it" : ", lr back to \(rate)"
        } else {
            lr = leftRate == trainer.learningRate ? "" : ", lr back to \(rate)"
        }
        // What stays that the scenario did not set, so nobody expects the scenario's.
        var settings: [String] = []
        if trainer.miniBatchSize != scenario.batchSize {
            settings.append("batch \(trainer.miniBatchSize.map(String.init) ?? "all")")
        }
        if trainer.penalty != scenario.penalty {
            settings.append(
                trainer.penalty.isActive
                    ? "\(trainer.penalty.name.uppercased()) λ \(DecimalNumber.text(trainer.penalty.strength))"
                    : "no penalty")
        }
        let stays = settings.isEmpty ? "" : ", \(settings.joined(separator: " and ")) kept"
        message = StatusMessage(wordings: [
            "reset to step 0\(lr)\(stays) (\(back))", "reset to step 0\(lr)\(stays)", "reset to step 0\(lr)",
        ])
    }

    /// `d`: step 0 of the next scenario of the cycle (the user's own, then the presets). The run
    /// left is kept, so `b` comes back to it, scenario and all.
    private mutating func loadNextScenario() {
        let (leftName, leftStep) = (scenarioName, trainer.stepCount)
        keepRun(endedBy: .nextScenario)
        cyclePosition = (cyclePosition + 1) % scenarioCycle.count
        let choice = scenarioCycle[cyclePosition]
        // A bug hunt goes on in the next scenario, whether or not its bug can show there: the
        // title dropping "bug hunt" would give away which it is.
        trainer = Trainer(scenario: choice.scenario, bug: trainer.bug)
        scenarioName = choice.name
        selection = .first
        selectedSample = 0
        // Another network: its pair starts afresh, as the program's first does.
        landscape.partner = selection.cycled(backwards: false, in: trainer.network)
        landscape.zoom = 0
        startOver()
        let back = "b goes back to \(leftName) at step \(leftStep)"
        let texts: [String]
        switch choice {
        case .preset(let preset):
            texts = ["preset \(preset.rawValue): \(preset.summary); \(back)", "preset \(preset.rawValue); \(back)"]
        case .own(_, let name):
            texts = ["\(name): your own scenario, as the program started; \(back)", "\(name) as started; \(back)"]
        }
        message = StatusMessage(wordings: texts)
    }

    /// Puts back the run `x`, `d` or an added drawing left last, exactly as it was left; false if
    /// none is kept.
    private mutating func returnToEarlierRun() -> Bool {
        guard let run = earlierRuns.popLast() else { return false }
        run.restore(into: &self)
        previous = nil
        isRunning = false
        let place = "step \(trainer.stepCount), lr \(DecimalNumber.text(trainer.learningRate))"
        switch run.ending {
        case .reset: message = StatusMessage("undid the reset: back to \(place)")
        case .nextScenario: message = StatusMessage("undid d: back to \(scenarioName) at \(place)")
        case .sampleAdded:
            message = StatusMessage(
                "took the drawn sample out: back to \(thousandsSeparated(trainer.scenario.sampleCount)) samples at \(place)"
            )
        case .pointAdded:
            message = StatusMessage(
                "took the point added on the plane out: back to \(thousandsSeparated(trainer.scenario.sampleCount)) samples at \(place)"
            )
        }
        return true
    }

    /// Keeps the current run for `b`, forgetting the oldest kept past `EarlierRun.limit` or past
    /// `EarlierRun.memoryLimit` (the newest is always kept).
    mutating func keepRun(endedBy ending: EarlierRun.Ending) {
        earlierRuns.append(EarlierRun(of: self, endedBy: ending))
        if earlierRuns.count > EarlierRun.limit { earlierRuns.removeFirst(earlierRuns.count - EarlierRun.limit) }
        var bytes = earlierRuns.reduce(0) { $0 + $1.bytes }
        while earlierRuns.count > 1 && bytes > EarlierRun.memoryLimit {
            bytes -= earlierRuns.removeFirst().bytes
        }
    }

    /// The run goes on in `added` (the data and a sample more) from where it is: the same W, b,
    /// lr, optimizer state, step count and place in the epochs; its history and cost curve start
    /// here. The run left is kept whole, as `x` and `d` keep theirs, so `b` takes the sample out
    /// again bit for bit.
    mutating func continueRun(in added: Scenario, endedBy ending: EarlierRun.Ending) {
        let carried = trainer.state
        keepRun(endedBy: ending)
        var next = Trainer(scenario: added, bug: trainer.bug)
        next.restore(carried)
        trainer = next
        startOver()
    }

    /// After a reset, a new scenario or a drawn sample added: the current step (0 but for the
    /// sample) on a fresh curve and a fresh history, paused (the run left is kept by `keepRun`
    /// first, for `b`).
    mutating func startOver() {
        costCurve = CostCurve(capacity: costCurve.capacity, scenario: trainer.scenario)
        costCurve.record(
            step: trainer.stepCount, cost: trainer.cost, testCost: trainer.testCost, batchCost: nil, batchSize: 0)
        gradientFlow = GradientFlowSeries(startingAt: trainer)
        history.clear()
        history.record(trainer)
        startTrail()
        previous = nil
        isRunning = false
        entry = nil
        walkPhase = nil
        quiz = nil
    }

    private mutating func stepBack() {
        if let phase = walkPhase {
            stepBackInWalk(from: phase)
            return
        }
        guard let earlier = history.goBack(from: trainer) else {
            // The start of this run: before it, the run `x` or `d` left, if one is kept.
            if !returnToEarlierRun() {
                message = StatusMessage("nothing earlier: this is the oldest state kept", kind: .error)
            }
            return
        }
        isRunning = false
        previous = PreviousValues(of: trainer)
        let undone = trainer.state
        trainer = earlier
        rewindTrail()
        rewindCostCurve()
        gradientFlow.rewind(to: trainer)
        message = StatusMessage(backMessage(undoing: undone))
    }

    /// `b` during a walk goes back one phase, as `n` goes forward one. From the update, whose
    /// step is taken, back to the last backward phase means undoing that step; from the first
    /// phase, the walk ends there and says so (the next `b` undoes as it always does).
    private mutating func stepBackInWalk(from phase: StepPhase) {
        let layerCount = trainer.network.layerCount
        guard let earlierPhase = phase.previous(layerCount: layerCount) else {
            walkPhase = nil
            message = StatusMessage(
                wordings: ["walk ended: b went back past its first phase; n starts it again", "walk ended"])
            return
        }
        if phase == .update {
            guard let earlier = history.goBack(from: trainer) else {
                walkPhase = nil
                message = StatusMessage("walk ended: the step it took is no longer kept", kind: .error)
                return
            }
            previous = nil
            trainer = earlier
            rewindTrail()
            rewindCostCurve()
            gradientFlow.rewind(to: trainer)
        }
        walkPhase = earlierPhase
        let undone = phase == .update ? ", step \(trainer.stepCount + 1) undone" : ""
        message = StatusMessage(
            wordings: [
                "back to phase \(earlierPhase.counter(layerCount: layerCount)), \(earlierPhase.title(layerCount: layerCount))\(undone); n goes on, Esc ends the walk",
                "back to phase \(earlierPhase.counter(layerCount: layerCount))\(undone)",
            ])
    }

    /// What `b` just undid, in words: steps, an lr, optimizer, batch-size or penalty change, or an
    /// edit (naming the parameter when it was one), told apart as the export's event column
    /// tells them.
    private func backMessage(undoing undone: TrainingState) -> String {
        let now = trainer.state
        switch TraceEvent(from: now, to: undone) {
        case .batch:
            let size = trainer.miniBatchSize.map { "\($0)" } ?? "all \(trainer.scenario.trainingCount) samples"
            return "batch size change undone: batch size \(size) at step \(now.stepCount)"
        case .penalty:
            return "penalty change undone: \(PenaltyText.words(now.penalty)) at step \(now.stepCount)"
        case .start, .step:
            return "back to step \(now.stepCount), lr \(DecimalNumber.text(now.learningRate))"
        case .lr:
            return "lr change undone: lr back to \(DecimalNumber.text(now.learningRate)) at step \(now.stepCount)"
        case .optimizer:
            let state = now.optimizerState.isFresh ? "" : " and its state (t = \(now.optimizerState.step))"
            return "optimizer change undone: \(now.optimizer.name.rawValue)\(state) back at step \(now.stepCount)"
        case .edit:
            let changed = now.network.parameters.indices.filter {
                now.network.parameters[$0].bitPattern != undone.network.parameters[$0].bitPattern
            }
            guard changed.count == 1 else { return "edit undone: back to step \(now.stepCount)'s values" }
            let index = ParameterIndex(offset: changed[0], in: now.network)
            return
                "edit undone: \(names.parameter(index)) back to \(DecimalNumber.text(now.network[index])) at step \(now.stepCount)"
        }
    }

    /// Makes the curve end at the current step again after going back. The bucket that held the
    /// current step may also hold later steps, so it is rebuilt from a replay of the history.
    private mutating func rewindCostCurve() {
        let step = trainer.stepCount
        guard costCurve.lastStep > step else { return }
        let firstMissing = costCurve.truncate(from: step)
        var curve = costCurve
        // A step's batch cost is the state before it over the batch it took: the replay starts
        // a step early to have that state, and the last state before a step is the one it took
        // (after any change at that step).
        var before: Trainer?
        func record(_ state: Trainer) {
            var batch: (cost: Double, size: Int)?
            if let before, before.stepCount == state.stepCount - 1, before.miniBatchSize != nil {
                let samples = before.nextBatch
                batch = (before.cost(of: before.network, samples: samples), samples.count)
            }
            curve.record(
                step: state.stepCount, cost: state.cost, testCost: state.testCost, batchCost: batch?.cost,
                batchSize: batch?.size ?? 0)
        }
        history.replay(fromStep: firstMissing - 1, to: trainer) { state in
            guard state.stepCount < step else { return }
            if state.stepCount >= firstMissing { record(state) }
            before = state
        }
        record(trainer)
        costCurve = curve
    }

    /// The trail back at the state `b` restored: the states after it forgotten, and its own
    /// parameters in place of what the trail held at its step (an edit `b` undid).
    private mutating func rewindTrail() {
        trail.forgetSteps(after: trainer.stepCount)
        trail.record(trainer.network, step: trainer.stepCount)
    }
}
