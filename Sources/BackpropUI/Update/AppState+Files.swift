import BackpropCore

extension AppState {
    /// `e` and `w` return the file to write as an effect; its outcome comes back as `finished`
    /// (the export, a long task, as `TaskAction.finished`).
    mutating func reduce(_ action: FileAction) -> [Effect] {
        switch action {
        case .exportTrace: return exportTrace()
        case .saveScenario: return saveScenario()
        case .finished(let outcome): message = outcome
        }
        return []
    }

    /// The states `b` can still reach in this run, then the current one, in the CSV of
    /// `--headless --format csv` with the columns `lr`, `optimizer`, `optimizer_step` and `event`
    /// after it (`ExportedTrace`), made from copies of the history and trainer as they are now,
    /// so the run may go on while the rows are written. In a race, only the run on screen's:
    /// the other runners keep no history. One export at a time, and none larger than
    /// `ExportedTrace.maximumByteCount`, refused before anything is written.
    private mutating func exportTrace() -> [Effect] {
        if task != nil {
            message = StatusMessage(
                wordings: ["an export is still being written; wait for it, or Esc cancels it", "still exporting"],
                kind: .error)
            return []
        }
        let trace = ExportedTrace(history: history, to: trainer)
        guard trace.estimatedByteCount <= ExportedTrace.maximumByteCount else {
            message = tooLarge(trace)
            return []
        }
        let steps =
            trace.firstStep == trace.lastStep ? "step \(trace.lastStep)" : "steps \(trace.firstStep)-\(trace.lastStep)"
        let rows = trace.rowCount == 1 ? "1 row" : "\(trace.rowCount) rows"
        let what = "\(steps) (\(rows))"
        guard race != nil else {
            return [.exportTrace(trace, base: "backprop-trace", ext: "csv", what: ["\(what) exported to"])]
        }
        // In a race the file holds the run on screen alone (the others keep no history to
        // replay it from), and the message says so: a class must not take it for the race.
        let name = trainer.optimizer.name.rawValue
        let others = raceRunners.dropFirst().map { "\($0.name.rawValue)'s" }.joined(separator: " or ")
        return [
            .exportTrace(
                trace, base: "backprop-trace", ext: "csv",
                what: [
                    "\(name)'s \(what) exported, not \(others), to", "\(name)'s \(what) alone exported to",
                    "\(name)'s run alone in",
                ])
        ]
    }

    /// Why `trace` is not written: its size, the rows and their size it comes from, the limit,
    /// and what can be written instead.
    private func tooLarge(_ trace: ExportedTrace) -> StatusMessage {
        let size = QuantityText.bytes(trace.estimatedByteCount)
        let rows = "\(thousandsSeparated(trace.rowCount)) row\(trace.rowCount == 1 ? "" : "s")"
        let rowSize = QuantityText.bytes(trace.estimatedRowByteCount)
        let limit = QuantityText.bytes(ExportedTrace.maximumByteCount)
        let facts = "the trace would be \(size) (\(rows) of \(rowSize)), more than the \(limit) e writes"
        return StatusMessage(
            wordings: [
                "\(facts); w saves the current state alone, and a run started again with x has fewer rows",
                "\(facts); w saves the state alone", "trace of \(size) refused: e writes at most \(limit)",
            ], kind: .error)
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
        // What B and L chose, and where the run is in its epochs, so the next batches are the
        // ones this run would take.
        try? scenario.setBatchSize(trainer.state.batchSize)
        try? scenario.setPenalty(trainer.penalty)
        if trainer.miniBatchSize != nil {
            scenario.epochsDone = trainer.state.epoch
            scenario.samplesIntoEpoch = trainer.state.samplesIntoEpoch
        }
        return [.writeFile(text: scenario.jsonText(), base: "backprop-scenario", ext: "json", what: ["state saved to"])]
    }
}
