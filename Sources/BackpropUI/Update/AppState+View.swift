extension AppState {
    /// Which panes show, and how: nothing here changes the run.
    mutating func reduce(_ action: ViewAction) {
        switch action {
        case .toggleCostScale: costScale = costScale.toggled
        case .toggleHelp: isHelpShown.toggle()
        case .closeHelp: isHelpShown = false
        case .toggleGradientCheck: isGradientCheckShown.toggle()
        case .toggleLearningRatePreview: isLearningRatePreviewShown.toggle()
        case .toggleGradientFlow: isGradientFlowShown.toggle()
        case .togglePlane(let room): togglePlane(room)
        }
    }

    /// `m`: hides the input plane when it shows, else asks for it, and says why when the data or
    /// the terminal cannot show it.
    private mutating func togglePlane(_ room: PlaneRoom) {
        let inputs = trainer.scenario.inputCount
        guard inputs == 2 else {
            message = StatusMessage(
                "the input plane needs data with 2 inputs (x1 across, x2 up); this has \(inputs)", kind: .error)
            return
        }
        if room.isShown {
            planeChoice = false
            message = StatusMessage("input plane hidden (m shows it)")
            return
        }
        planeChoice = true
        if let need = room.neededWidth {
            message = StatusMessage(
                wordings: [
                    "the input plane needs a terminal \(need) columns wide (this one has \(room.width)); it shows when there is room",
                    "the input plane needs \(need) columns (this terminal has \(room.width)); it shows when there is room",
                    "the input plane needs \(need) columns (this terminal has \(room.width))",
                    "the input plane needs \(need) columns",
                ], kind: .error)
        }
    }
}
