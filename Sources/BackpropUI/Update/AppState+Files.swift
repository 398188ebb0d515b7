import BackpropCore

extension AppState {
    /// `e` and `w` return the file to write as an effect; its outcome comes back as `finished`.
    mutating func reduce(_ action: FileAction) -> [Effect] {
        switch action {
        case .exportTrace: return [exportTrace()]
        case .saveScenario: return saveScenario()
        case .finished(let outcome): message = outcome
        }
        return []
    }

    /// The states `b` can still reach in this run, then the current one, in the CSV of
    /// `--headless --format csv` with the columns `lr`, `optimizer`, `optimizer_step` and `event` after it (`ExportedTrace`).
    private func exportTrace() -> Effect {
        let trace = ExportedTrace(history: history, to: trainer)
        let steps =
            trace.firstStep == trace.lastStep ? "step \(trace.lastStep)" : "steps \(trace.firstStep)-\(trace.lastStep)"
        let rows = trace.rowCount == 1 ? "1 row" : "\(trace.rowCount) rows"
        return .writeFile(
            text: trace.text, base: "backprop-trace", ext: "csv", what: "\(steps) (\(rows)) exported to")
    }

    /// The current W, b, lr, optimizer and what it remembers, with the scenario's data and
    /// choices, which `--scenario` loads and trains on exactly as this run would. A parameter or
    /// an optimizer's number that is not finite has no place in a scenario file, so such a state
    /// is refused in one line rather than written as a file that cannot be loaded (a cost alone
    /// that is not finite is not refused: the numbers that make it load back as they are).
    private mutating func saveScenario() -> [Effect] {
        if let divergence = trainer.divergence, divergence.subject != .cost {
            let what = words(for: divergence)
            message = StatusMessage(
                wordings: [
                    "not saved: \(what) at step \(trainer.stepCount), and --scenario could not load it back; b steps back, x resets",
                    "not saved: \(what); b steps back, x resets", "not saved: \(what)",
                ], kind: .error)
            return []
        }
        var scenario = trainer.scenario
        scenario.setNetwork(trainer.network)
        // The trainer only ever holds a valid lr and an optimizer state that fits its rule and
        // network, so these cannot fail.
        try? scenario.setLearningRate(trainer.learningRate)
        try? scenario.setOptimizer(trainer.optimizer, state: trainer.state.optimizerState)
        return [.writeFile(text: scenario.jsonText(), base: "backprop-scenario", ext: "json", what: "state saved to")]
    }
}
