import BackpropCore

extension KeyMap {
    /// What a press of the mouse or a notch of the wheel asks for, read against `screen`, the
    /// map of the frame the user clicked on. Every click does what keys can do too:
    ///
    /// - a weight or bias of a layer pane: selected (the arrows, Tab);
    /// - a row of the predictions pane: its sample followed (`<` `>`);
    /// - a neuron's map: a parameter of that neuron selected, the row kept (its weights are
    ///   column j of W¹, or row j of W² when the selection is in layer 2);
    /// - a cell of the Confusion pane: the cursor there (the arrows while it is open);
    /// - the input plane: a sample added there, of class 1 for a left click and class 0 for a
    ///   right click (the only thing a right click does differently);
    /// - over the help, a left click closes it (as Esc does); the wheel does nothing.
    ///
    /// The wheel moves the selection of the pane under the pointer one step a notch
    /// (`PaneWheel`), and the pane scrolls to keep it in view. Elsewhere the mouse does nothing.
    static func mouseAction(for event: MouseEvent, in state: AppState, screen: ScreenMap) -> Action? {
        if state.isHelpShown { return event.kind == .click ? .view(.closeHelp) : nil }
        switch event.kind {
        case .click, .rightClick:
            guard let target = screen.target(column: event.column, row: event.row) else { return nil }
            return clickAction(on: target, rightButton: event.kind == .rightClick, in: state)
        case .wheelUp, .wheelDown:
            guard let wheel = screen.wheel(column: event.column, row: event.row) else { return nil }
            return wheelAction(wheel, up: event.kind == .wheelUp, in: state)
        }
    }

    /// The action a click on `target` asks for.
    private static func clickAction(on target: ClickTarget, rightButton: Bool, in state: AppState) -> Action? {
        switch target {
        case .parameter(let parameter): return .selection(.select(parameter))
        case .sample(let sample): return .selection(.selectSample(sample))
        case .neuron(let neuron): return .selection(.select(parameter(ofNeuron: neuron, keeping: state)))
        case .confusionCell(let cell): return .classes(.chooseCell(cell))
        case .planePoint(let x1, let x2): return .plane(.addSample(x1: x1, x2: x2, classOne: !rightButton))
        }
    }

    /// A parameter of neuron `neuron` of the first hidden layer, as close to the selection as
    /// can be: the same row of W¹ (or b¹) in the neuron's column, or, when the selection is in
    /// layer 2, the neuron's row of W² in the same column.
    private static func parameter(ofNeuron neuron: Int, keeping state: AppState) -> ParameterIndex {
        let network = state.trainer.network
        let selection = state.selection
        if case .weight(1, _, let column) = selection { return .weight(layer: 1, row: neuron, column: column) }
        let row = selection.layer == 0 ? selection.paneRow(in: network) : 0
        return .at(layer: 0, paneRow: row, column: neuron, in: network)
    }

    /// The action a notch of the wheel (`up` or down) over a pane that scrolls asks for.
    private static func wheelAction(_ wheel: PaneWheel, up: Bool, in state: AppState) -> Action? {
        switch wheel {
        case .parameters(let layer):
            // Over another layer's pane, the wheel first brings the selection into it.
            guard state.selection.layer == layer else {
                return .selection(.select(.weight(layer: layer, row: 0, column: 0)))
            }
            return .selection(.move(up ? .up : .down))
        case .samples: return .selection(.chooseSample(backwards: up))
        case .confusionCells: return .classes(.moveCell(up ? .up : .down))
        case .neurons:
            let count = state.trainer.network.sizes[1]
            let neuron = NeuronMapsPane.neuron(of: state.selection).map { $0 + (up ? -1 : 1) } ?? 0
            return .selection(.select(parameter(ofNeuron: min(max(0, neuron), count - 1), keeping: state)))
        case .parameterOrder: return .selection(.cycle(backwards: up))
        }
    }
}
