import BackpropCore

/// The top line: which program, which scenario, and the activation, loss and reduction in force.
struct TitleBar {
    let state: AppState
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        let scenario = state.trainer.scenario
        let parts = [
            "backprop-tui",
            Preset(rawValue: state.scenarioName) != nil ? "preset \(state.scenarioName)" : state.scenarioName,
            scenario.activation.rawValue, "loss \(scenario.loss.rawValue)",
            "reduction \(scenario.reduction.rawValue)",
        ]
        let x = canvas.put(" " + parts[0], x: area.x, y: area.y, style: Style(bold: true), clip: area)
        canvas.put(
            glyphs.separator + parts.dropFirst().joined(separator: glyphs.separator), x: x, y: area.y, clip: area)
        let help = "? help "
        canvas.put(help, x: area.maxX - help.count, y: area.y, style: Style(dim: true), clip: area)
    }
}
