/// A whole frame: the view function of the Elm / Bubble Tea shape. Pure and deterministic, so
/// the TUI, `--snapshot` and the golden tests all show the same characters for the same state.
public enum Frame {
    /// The frame for `state` on a terminal of `size`.
    public static func render(_ state: AppState, size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        let scenario = state.trainer.scenario
        let layout = Layout.make(
            for: size, inputs: scenario.inputCount, outputs: scenario.outputCount, samples: scenario.sampleCount,
            showsGradientCheck: state.isGradientCheckShown, showsLearningRatePreview: state.isLearningRatePreviewShown)
        switch layout {
        case .tooSmall(let have, let need):
            TooSmallMessage(have: have, need: need).draw(on: &canvas)
        case .panes(let panes):
            let glyphs = Glyphs.forOptions(state.options)
            // The step the current state would take: the gradients, the inspector, the walk.
            let data = state.currentFrameData
            let trace = data.trace
            TitleBar(state: state, glyphs: glyphs).draw(on: &canvas, in: panes.title)
            WeightsPane(state: state, trace: trace, number: panes.number, glyphs: glyphs).draw(
                on: &canvas, in: panes.weights)
            BiasPane(state: state, trace: trace, number: panes.number, glyphs: glyphs).draw(on: &canvas, in: panes.bias)
            ModelPane(state: state, glyphs: glyphs).draw(on: &canvas, in: panes.model)
            PredictionsPane(state: state, number: panes.number, glyphs: glyphs).draw(on: &canvas, in: panes.predictions)
            if let phase = state.walkPhase {
                WalkPane(state: state, phase: phase, trace: trace, number: panes.number, glyphs: glyphs).draw(
                    on: &canvas, in: panes.inspector)
            } else {
                InspectorPane(state: state, trace: trace, number: panes.number, glyphs: glyphs).draw(
                    on: &canvas, in: panes.inspector)
            }
            CostPane(state: state, number: panes.number, glyphs: glyphs).draw(on: &canvas, in: panes.cost)
            if let estimate = data.gradientCheck {
                GradientCheckPane(state: state, trace: trace, estimate: estimate, number: panes.number, glyphs: glyphs)
                    .draw(
                        on: &canvas, in: panes.gradientCheck)
            }
            if let preview = data.learningRatePreview {
                LearningRatePreviewPane(state: state, preview: preview, number: panes.number, glyphs: glyphs).draw(
                    on: &canvas, in: panes.learningRatePreview)
            }
            StatusBar(state: state, showsFullCost: panes.showsFullCost, glyphs: glyphs).draw(
                on: &canvas, in: panes.status)
            HintLine(state: state).draw(on: &canvas, in: panes.hint)
            if state.isHelpShown {
                let middle = Rect(x: 0, y: 1, width: size.width, height: size.height - 3)
                HelpOverlay(glyphs: glyphs).draw(on: &canvas, in: middle)
            }
        }
        return canvas
    }

    /// The frame for `state` at the size it was last told about.
    public static func render(_ state: AppState) -> Canvas {
        render(state, size: state.size)
    }
}
