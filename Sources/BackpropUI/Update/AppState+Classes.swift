import BackpropCore

extension AppState {
    /// The Confusion pane (`K`), its cell cursor (the arrows while it is open) and the
    /// predictions pane's list of the wrong ones (`X`). They change only what is looked at and
    /// which sample is selected, never the run.
    mutating func reduce(_ action: ClassAction) {
        switch action {
        case .toggleConfusion: toggleConfusion()
        case .closeConfusion: confusionCell = nil
        case .moveCell(let key): moveCell(key)
        case .chooseCell(let cell): chooseCell(cell)
        case .toggleWrongOnly: toggleWrongOnly()
        }
    }

    /// The classes the targets name, when each sample is one class: what `K` and `X` need.
    var classNames: [String]? { ClassVerdicts.names(for: trainer.scenario.targets) }

    /// Whether the Confusion pane shows, and so whether the arrows move its cell: opened with
    /// `K`, on targets that are classes (another scenario `d` loaded may have none), and no walk
    /// (`n`) or quiz (`t`) going on: they are about the next step, and need the rows and the
    /// arrows; the pane comes back when they end.
    public var isConfusionShown: Bool { isConfusionOpen && classNames != nil }

    /// `isConfusionShown` but for the targets, which a frame has read already
    /// (`FrameInput.showsConfusion`): asking them is a pass over every target.
    var isConfusionOpen: Bool { confusionCell != nil && walkPhase == nil && quiz == nil }

    /// What the current ŷ says of each sample, when the targets are classes: a pass over the
    /// predictions the trainer already holds.
    var classVerdicts: ClassVerdicts? {
        ClassVerdicts(prediction: trainer.predictionOfEverySample, targets: trainer.scenario.targets)
    }

    /// The samples the Confusion pane counts: the test samples of a split (what the network
    /// never trained on), else every training sample.
    var confusionSamples: [Int] {
        let split = trainer.scenario.split
        return split.hasTest ? split.test : split.training
    }

    /// The samples `<` `>` walk instead of the step's when a class view chooses them: the
    /// open Confusion pane's cell, else with `X` the wrong ones in the predictions pane's order
    /// (training, then test), and what to say when there are none; `nil` when neither is on.
    var classWalk: (samples: [Int], noneMessage: String)? {
        // The verdicts are nil for targets that are not classes: one pass over them decides.
        guard isConfusionOpen || listsOnlyWrong, let verdicts = classVerdicts else { return nil }
        if let cell = confusionCell?.clamped(classCount: verdicts.classCount), isConfusionOpen {
            let arrow = Glyphs.forOptions(options).arrow
            let name = "\(verdicts.names[cell.truth]) \(arrow) \(verdicts.names[cell.predicted])"
            return (
                verdicts.samples(confusionSamples, truth: cell.truth, predicted: cell.predicted),
                "the cell \(name) has no samples: the arrows choose another"
            )
        }
        let split = trainer.scenario.split
        return (
            verdicts.wrong(among: split.training) + verdicts.wrong(among: split.test),
            "no sample is wrong: < > have none to walk (X lists all)"
        )
    }

    /// `<` `>` within `walk`: the sample after (or before) the selected one, round again; from a
    /// sample not in it (ŷ moved on, or it was never in it), the first after it in the
    /// predictions pane's order (training samples first, then test samples).
    mutating func chooseSample(in walk: (samples: [Int], noneMessage: String), backwards: Bool) {
        let samples = walk.samples
        guard !samples.isEmpty else {
            message = StatusMessage(walk.noneMessage)
            return
        }
        if let position = samples.firstIndex(of: selectedSample) {
            selectedSample = samples[(position + (backwards ? samples.count - 1 : 1)) % samples.count]
            return
        }
        let test = Set(trainer.scenario.split.test)
        let place = { (sample: Int) in (test.contains(sample) ? 1 : 0, sample) }
        let selected = place(selectedSample)
        selectedSample =
            backwards
            ? samples.last { place($0) < selected } ?? samples[samples.count - 1]
            : samples.first { place($0) > selected } ?? samples[0]
    }

    /// `K`: closes the pane, or opens it on the most frequent mistake (else the selected
    /// sample's cell) and selects that cell's first sample, so the panes that follow the
    /// selection show it at once.
    private mutating func toggleConfusion() {
        if confusionCell != nil {
            confusionCell = nil
            return
        }
        guard let verdicts = classVerdicts else {
            message = StatusMessage(
                wordings: [
                    "the Confusion pane needs targets that are classes: one-hot rows (one output per class) or one output of 0 and 1 (or -1 and 1)",
                    "the Confusion pane needs targets that are classes (one-hot, or one 0/1 output)",
                    "the Confusion pane needs class targets",
                ], kind: .error)
            return
        }
        let samples = confusionSamples
        let counts = ConfusionCounts(verdicts, over: samples)
        let own = verdicts.labels[selectedSample]
        let cell =
            counts.largestMistake ?? ConfusionCell(truth: own, predicted: verdicts.predicted[selectedSample] ?? own)
        confusionCell = cell
        if let first = verdicts.samples(samples, truth: cell.truth, predicted: cell.predicted).first {
            selectedSample = first
        }
        // Opened under a walk or a quiz's answer, it waits for them: say so, or K looks dead.
        if walkPhase != nil {
            message = StatusMessage("the Confusion pane shows when the walk ends (Esc, or n to its end)")
        } else if quiz != nil {
            message = StatusMessage("the Confusion pane shows when the quiz's answer closes (Esc)")
        }
    }

    /// An arrow while the Confusion pane is open: the cursor moves a cell (stopping at the
    /// edges) and the new cell's first sample is selected; an empty cell keeps the selection.
    private mutating func moveCell(_ key: Key) {
        guard isConfusionOpen, let cell = confusionCell, let verdicts = classVerdicts else { return }
        choose(cell.moved(key, classCount: verdicts.classCount), verdicts: verdicts)
    }

    /// A click on a cell of the Confusion pane: the cursor there, as the arrows would take it.
    private mutating func chooseCell(_ cell: ConfusionCell) {
        guard isConfusionOpen, let verdicts = classVerdicts else { return }
        choose(cell.clamped(classCount: verdicts.classCount), verdicts: verdicts)
    }

    /// The cursor on `chosen` and the cell's first sample selected; an empty cell keeps the
    /// selection.
    private mutating func choose(_ chosen: ConfusionCell, verdicts: ClassVerdicts) {
        confusionCell = chosen
        if let first = verdicts.samples(confusionSamples, truth: chosen.truth, predicted: chosen.predicted).first {
            selectedSample = first
        }
    }

    /// `X`: the predictions pane lists only the wrong ones (and `<` `>` walk only those), or
    /// every sample again. Turning it on selects the first wrong one unless the selected sample
    /// is wrong itself, so the selection is among the rows listed.
    private mutating func toggleWrongOnly() {
        if listsOnlyWrong {
            listsOnlyWrong = false
            return
        }
        guard let verdicts = classVerdicts else {
            message = StatusMessage(
                wordings: [
                    "listing only the wrong ones needs targets where each sample is one class: one-hot rows or one output of 0 and 1 (or -1 and 1)",
                    "listing only the wrong ones needs targets that are classes",
                ], kind: .error)
            return
        }
        listsOnlyWrong = true
        let split = trainer.scenario.split
        let wrong = verdicts.wrong(among: split.training) + verdicts.wrong(among: split.test)
        if wrong.isEmpty {
            message = StatusMessage("every sample is right: the predictions pane lists none (X lists all)")
        } else if !wrong.contains(selectedSample) {
            selectedSample = wrong[0]
        }
    }
}
