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
        case .toggleMatrixForm: matrixForm.toggle()
        case .togglePlane(let room): togglePlane(room)
        }
    }

    /// `m`: hides the input plane when it shows, else asks for it, and says why when the data or
    /// the terminal cannot show it.
    private mutating func togglePlane(_ room: PlaneRoom) {
        guard trainer.scenario.image == nil else { return toggleImages(room) }
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

    /// `m` for data that is pictures: hides the image panes when they show, else asks for them,
    /// and says where they go when that is the inspector's place, or what holds it.
    private mutating func toggleImages(_ room: PlaneRoom) {
        if room.isShown {
            planeChoice = false
            message = StatusMessage("images hidden (m shows them)")
            return
        }
        planeChoice = true
        guard let need = room.neededWidth else { return }
        if let holder = imagePlaceHolder {
            message = StatusMessage(
                wordings: [
                    "the images take the inspector's place once \(holder) is closed, or a column from \(need) columns",
                    "the images show once \(holder) is closed",
                ])
        } else {
            message = StatusMessage(
                wordings: [
                    "the images take the inspector's place (m gives it back); from \(need) columns they get a column",
                    "the images take the inspector's place (m gives it back)",
                ])
        }
    }

    /// What holds the places the image panes take on a terminal without a column for them,
    /// opened on purpose: they give way to it (the rule of `Layout`). Nil when nothing does.
    var imagePlaceHolder: String? {
        if quiz != nil { return "the quiz" }
        if walkPhase != nil { return "the walk" }
        if isGradientCheckShown { return "the gradient check (c)" }
        if isLearningRatePreviewShown { return "the lr preview (v)" }
        if isGradientFlowShown { return "the gradient flow (F)" }
        if landscape.isShown { return "the landscape (S)" }
        return nil
    }
}
