import BackpropCore

extension AppState {
    /// `e` and `w` return the file to write as an effect; its outcome comes back as `finished`.
    mutating func reduce(_ action: FileAction) -> [Effect] {
        switch action {
        case .exportTrace: return [exportTrace()]
        case .saveScenario: return [saveScenario()]
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
    /// choices, which `--scenario` loads and trains on exactly as this run would.
    private func saveScenario() -> Effect {
        var scenario = trainer.scenario
        scenario.setNetwork(trainer.network)
        // The trainer only ever holds a valid lr and an optimizer state that fits its rule and
        // network, so these cannot fail.
        try? scenario.setLearningRate(trainer.learningRate)
        try? scenario.setOptimizer(trainer.optimizer, state: trainer.state.optimizerState)
        return .writeFile(text: scenario.jsonText(), base: "backprop-scenario", ext: "json", what: "state saved to")
    }
}
