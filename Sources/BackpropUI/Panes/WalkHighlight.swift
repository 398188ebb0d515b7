/// What the step walk (`n`) underlines in the other panes, so a class sees where the phase's
/// numbers are: the predictions in the forward phase, the cost in the cost phase, the gradients
/// going backward, and W and b in the update.
struct WalkHighlight {
    let phase: StepPhase?

    /// ŷ in the predictions pane.
    var predictions: Bool { phase == .forward }
    /// The per-sample cost column.
    var cost: Bool { phase == .cost }
    /// ∂C/∂W and ∂C/∂b.
    var gradients: Bool { phase == .backward }
    /// W and b themselves.
    var parameters: Bool { phase == .update }

    /// How the gradients beside W and b are drawn: magenta, to tell them from the values, and
    /// underlined while the walk is at the backward phase.
    var gradientStyle: Style { gradients ? Style(foreground: .magenta, underline: true) : Style(foreground: .magenta) }
}
