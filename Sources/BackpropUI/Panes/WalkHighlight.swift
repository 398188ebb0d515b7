/// What the step walk (`n`) underlines in the other panes, so a class sees where the phase's
/// numbers are: going forward through layer l, its W and b and the values it makes (ŷ after the
/// last layer); the cost column in the cost phase; layer l's gradients going backward through
/// it; every W and b in the update.
struct WalkHighlight {
    let phase: StepPhase?
    /// L, the number of layers.
    let layerCount: Int

    /// ŷ in the predictions pane.
    var predictions: Bool { phase == .forward(layer: layerCount - 1) }
    /// The per-sample cost column.
    var cost: Bool { phase == .cost }

    /// Whether layer `layer`'s W and b are used (going forward) or changed (the update).
    func parameters(ofLayer layer: Int) -> Bool {
        phase == .update || phase == .forward(layer: layer)
    }

    /// Whether layer `layer`'s gradients are the phase's numbers.
    func gradients(ofLayer layer: Int) -> Bool {
        phase == .backward(layer: layer)
    }

    /// How the gradients beside W and b are drawn: magenta, to tell them from the values, and
    /// underlined while the walk is at their layer's backward phase.
    func gradientStyle(ofLayer layer: Int) -> Style {
        Style(foreground: .magenta, underline: gradients(ofLayer: layer))
    }
}
