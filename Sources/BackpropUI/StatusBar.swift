import Foundation

/// The reverse-video line near the bottom: step, cost (10 significant digits, or in full on wide
/// terminals), learning rate, running or paused, speed and cost scale.
struct StatusBar {
    let state: AppState
    let showsFullCost: Bool
    let glyphs: Glyphs

    func draw(on canvas: inout Canvas, in area: Rect) {
        let bar = Style(reverse: true)
        canvas.fill(x: area.x, y: area.y, width: area.width, height: 1, with: Cell(" ", style: bar))
        canvas.put(text, x: area.x, y: area.y, style: bar, clip: area)
    }

    var text: String {
        let trainer = state.trainer
        let activity = state.hasDiverged ? "DIVERGED" : (state.isRunning ? "running" : "paused")
        return
            " step \(trainer.stepCount)  C \(costText)  lr \(LearningRateText.string(trainer.learningRate))  \(activity)  speed \(state.speed)"
    }

    var costText: String {
        let cost = state.trainer.cost
        guard cost.isFinite else { return LearningRateText.cost(cost) }
        return showsFullCost ? "\(cost)" : String(format: "%.10g", cost)
    }
}
