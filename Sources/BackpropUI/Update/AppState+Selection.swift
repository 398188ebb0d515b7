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
            let count = trainer.scenario.sampleCount
            selectedSample = (selectedSample + (backwards ? count - 1 : 1)) % count
        }
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
