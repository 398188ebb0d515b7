extension AppState {
    /// The selected weight or bias (arrows, Tab, Page Up / Down) and the sample followed (`<` `>`).
    mutating func reduce(_ action: SelectionAction) {
        switch action {
        case .move(let key):
            selection = selection.moved(key, in: trainer.network)
        case .cycle(let backwards):
            selection = selection.cycled(backwards: backwards, in: trainer.network)
        case .jumpLayer(let backwards):
            jumpLayer(backwards: backwards)
        case .chooseSample(let backwards):
            // The Confusion pane's cell, or the wrong ones `X` lists, when a class view is on.
            if let walk = classWalk {
                chooseSample(in: walk, backwards: backwards)
            } else {
                chooseSample(backwards: backwards)
            }
        case .select(let parameter):
            // A click names what the frame drew; a stale one (another network since) is ignored.
            guard parameter.exists(in: trainer.network) else { return }
            selection = parameter
        case .selectSample(let sample):
            guard sample >= 0, sample < trainer.scenario.sampleCount else { return }
            selectedSample = sample
        }
    }

    /// The sample (in the data) the step-explaining panes follow: the selected one when the next
    /// step uses it, else the first the step uses (the run has moved on to another batch).
    var followedSample: Int {
        guard trainer.miniBatchSize != nil || trainer.scenario.split.hasTest else { return selectedSample }
        let samples = trainer.nextBatch
        return samples.contains(selectedSample) ? selectedSample : (samples.first ?? selectedSample)
    }

    /// `<` `>`: the previous or next of the samples the next step uses (every sample, the
    /// training samples of a split, or a mini-batch), in the order the step uses them, then the
    /// test samples of a split, then round again. The step's samples come first so the
    /// inspector, the walk and the network pane have the chosen sample's numbers; a test sample
    /// is in no step, so those panes follow the step's first while the predictions pane shows
    /// the test sample under its heading (a class could not see the test samples otherwise).
    private mutating func chooseSample(backwards: Bool) {
        guard trainer.miniBatchSize != nil || trainer.scenario.split.hasTest else {
            let count = trainer.scenario.sampleCount
            selectedSample = (selectedSample + (backwards ? count - 1 : 1)) % count
            return
        }
        let samples = trainer.nextBatch + trainer.scenario.split.test
        guard !samples.isEmpty else { return }
        let count = samples.count
        // Not in this step nor a test sample: the panes follow the step's first
        // (`followedSample`), so move on from it.
        let position = samples.firstIndex(of: selectedSample) ?? 0
        selectedSample = samples[(position + (backwards ? count - 1 : 1)) % count]
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
}
