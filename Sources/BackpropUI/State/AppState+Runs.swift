import BackpropCore

extension AppState {
    /// `x`: back to step 0 of the scenario, the scenario's W, b and lr. The optimizer chosen with
    /// `o` stays, its state afresh: a class comparing rules restarts with the rule on screen. The
    /// run left is kept, so `b` comes back to it; at the start already, with nothing to go back
    /// to, nothing is kept.
    mutating func resetRun() {
        var restarted = trainer
        restarted.reset()
        let chosen = trainer.optimizer
        if restarted.optimizer != chosen { restarted.setOptimizer(chosen) }
        let left = trainer.stepCount
        let isAtStart = trainer.state == restarted.state && !history.canGoBack(from: trainer)
        if !isAtStart { keepRun(endedBy: .reset) }
        trainer = restarted
        startOver()
        if isAtStart {
            message = StatusMessage("reset: already at step 0, as the scenario starts")
        } else {
            message = StatusMessage(
                left > 0 ? "reset to step 0 (b goes back to step \(left))" : "reset to step 0 (b undoes it)")
        }
    }

    /// `d`: step 0 of the next scenario of the cycle (the user's own, then the presets). The run
    /// left is kept, so `b` comes back to it, scenario and all.
    mutating func loadNextScenario() {
        let (leftName, leftStep) = (scenarioName, trainer.stepCount)
        keepRun(endedBy: .nextScenario)
        cyclePosition = (cyclePosition + 1) % scenarioCycle.count
        let choice = scenarioCycle[cyclePosition]
        trainer = Trainer(scenario: choice.scenario)
        scenarioName = choice.name
        selection = .first
        selectedSample = 0
        startOver()
        let back = "b goes back to \(leftName) at step \(leftStep)"
        let texts: [String]
        switch choice {
        case .preset(let preset):
            texts = ["preset \(preset.rawValue): \(preset.summary); \(back)", "preset \(preset.rawValue); \(back)"]
        case .own(_, let name):
            texts = ["\(name): your own scenario, as the program started; \(back)", "\(name) as started; \(back)"]
        }
        message = StatusMessage(fitting: texts, width: size.width)
    }

    /// Puts back the run `x` or `d` left last, exactly as it was left; false if none is kept.
    mutating func returnToEarlierRun() -> Bool {
        guard let run = earlierRuns.popLast() else { return false }
        run.restore(into: &self)
        previous = nil
        isRunning = false
        let place = "step \(trainer.stepCount), lr \(LearningRateText.string(trainer.learningRate))"
        switch run.ending {
        case .reset: message = StatusMessage("undid the reset: back to \(place)")
        case .nextScenario: message = StatusMessage("undid d: back to \(scenarioName) at \(place)")
        }
        return true
    }

    /// Keeps the current run for `b`, forgetting the oldest kept past `EarlierRun.limit`.
    private mutating func keepRun(endedBy ending: EarlierRun.Ending) {
        earlierRuns.append(EarlierRun(of: self, endedBy: ending))
        if earlierRuns.count > EarlierRun.limit { earlierRuns.removeFirst(earlierRuns.count - EarlierRun.limit) }
    }
}
