import BackpropCore
import Foundation

extension AppState {
    /// The teaching actions: step back, the walk, the selection and its editing, the panes
    /// `c` and `v` open, presets and files. Writing a file is returned as an effect.
    mutating func applyTeaching(_ action: Action) -> Effect? {
        let scenario = trainer.scenario
        switch action {
        case .stepBack:
            stepBack()
        case .walk:
            walk()
        case .endWalk:
            walkPhase = nil
        case .moveSelection(let key):
            selection = selection.moved(key, in: trainer.network)
        case .cycleSelection(let backwards):
            selection = selection.cycled(backwards: backwards, in: trainer.network)
        case .jumpLayer(let backwards):
            jumpLayer(backwards: backwards)
        case .chooseSample(let backwards):
            let count = scenario.sampleCount
            selectedSample = (selectedSample + (backwards ? count - 1 : 1)) % count
        case .beginParameterEntry:
            entry = TextEntry(.parameter)
            isHelpShown = false
        case .toggleGradientCheck:
            isGradientCheckShown.toggle()
        case .toggleLearningRatePreview:
            isLearningRatePreviewShown.toggle()
        case .togglePlane:
            togglePlane()
        case .cycleOptimizer:
            cycleOptimizer()
        case .toggleRace:
            toggleRace()
        case .nextPreset:
            loadNextScenario()
        case .exportTrace:
            return exportTrace()
        case .saveScenario:
            return saveScenario()
        default:
            break
        }
        return nil
    }

    /// How this state's screen names the numbers of its network.
    var names: SymbolNames {
        SymbolNames(glyphs: Glyphs.forOptions(options), layerCount: trainer.network.layerCount)
    }

    /// The display name of the selected parameter, as the messages write it.
    var selectionName: String { names.parameter(selection) }

    /// `m`: hides the input plane when it shows, else asks for it, and says why when the data or
    /// the terminal cannot show it.
    private mutating func togglePlane() {
        let inputs = trainer.scenario.inputCount
        guard inputs == 2 else {
            message = StatusMessage(
                "the input plane needs data with 2 inputs (x1 across, x2 up); this has \(inputs)", kind: .error)
            return
        }
        if Layout.planeWidth(for: size, request: planeRequest) > 0 {
            planeChoice = false
            message = StatusMessage("input plane hidden (m shows it)")
            return
        }
        planeChoice = true
        if Layout.planeWidth(for: size, request: .shown) == 0 {
            let need = Layout.minimumSize.width + Layout.minimumPlaneWidth
            message = StatusMessage(
                fitting: [
                    "the input plane needs a terminal \(need) columns wide (this one has \(size.width)); it shows when there is room",
                    "the input plane needs \(need) columns (this terminal has \(size.width)); it shows when there is room",
                ], width: size.width, kind: .error)
        }
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
        message = StatusMessage(
            fitting: [
                "optimizer \(next.summary): \(what); o for the next, b undoes",
                "optimizer \(next.summary); o for the next", "optimizer \(next.name.rawValue)",
            ], width: size.width)
    }

    /// The same row and column in the layer pane beside the selected one, clamped to its size.
    private mutating func jumpLayer(backwards: Bool) {
        let network = trainer.network
        let layer = selection.layer + (backwards ? -1 : 1)
        guard layer >= 0, layer < network.layerCount else {
            message = StatusMessage(backwards ? "this is the first layer" : "this is the last layer")
            return
        }
        let row =
            selection.isWeight ? min(selection.paneRow(in: network), network.sizes[layer] - 1) : network.sizes[layer]
        selection = .at(
            layer: layer, paneRow: row, column: min(selection.column, network.sizes[layer + 1] - 1), in: network)
    }

    private mutating func stepBack() {
        walkPhase = nil
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
        rewindCostCurve()
        message = StatusMessage(backMessage(undoing: undone))
    }

    /// What `b` just undid, in words: steps, an lr change or an edit (naming the parameter when
    /// it was one), told apart as the export's event column tells them.
    private func backMessage(undoing undone: TrainingState) -> String {
        let now = trainer.state
        switch TraceEvent(from: now, to: undone) {
        case .start, .step:
            return "back to step \(now.stepCount), lr \(LearningRateText.string(now.learningRate))"
        case .lr:
            return "lr change undone: lr back to \(LearningRateText.string(now.learningRate)) at step \(now.stepCount)"
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
                "edit undone: \(names.parameter(index)) back to \(LearningRateText.string(now.network[index])) at step \(now.stepCount)"
        }
    }

    /// Makes the curve end at the current step again after going back. The bucket that held the
    /// current step may also hold later steps, so it is rebuilt from a replay of the history.
    private mutating func rewindCostCurve() {
        let step = trainer.stepCount
        guard costCurve.lastStep > step else { return }
        let firstMissing = costCurve.truncate(from: step)
        if firstMissing < step {
            var curve = costCurve
            history.replay(fromStep: firstMissing, to: trainer) { state in
                if state.stepCount >= firstMissing && state.stepCount < step {
                    curve.record(step: state.stepCount, cost: state.cost)
                }
            }
            costCurve = curve
        }
        costCurve.record(step: step, cost: trainer.cost)
    }

    private mutating func walk() {
        guard let phase = walkPhase else {
            guard refuseIfDiverged() else { return }
            isRunning = false
            walkPhase = .first
            return
        }
        switch phase {
        case .backward(layer: 0):
            guard refuseIfDiverged() else {
                walkPhase = nil
                return
            }
            takeStep()
            walkPhase = hasDiverged ? nil : .update
        case .update:
            guard refuseIfDiverged() else {
                walkPhase = nil
                return
            }
            previous = nil
            walkPhase = .first
        default:
            walkPhase = phase.next(layerCount: trainer.network.layerCount)
        }
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
