import BackpropCore

extension AppState {
    /// A click on the input plane: a training sample added where it landed.
    mutating func reduce(_ action: PlaneAction) {
        switch action {
        case .addSample(let x1, let x2, let classOne): addPlaneSample(x1: x1, x2: x2, classOne: classOne)
        }
    }

    /// The targets of a sample of class 1 (`classOne`) or class 0 on the plane, as the data
    /// writes its classes, and the class's name: one output of 0 and 1 (or -1 and 1, where
    /// "class 0" is -1), or two one-hot outputs (class k is output k + 1). Nil for targets that
    /// are not two classes, which a click cannot name.
    func planeTargets(classOne: Bool) -> (targets: [Double], name: String)? {
        let targets = trainer.scenario.targets
        switch (targets.columns, TargetClasses(targets: targets)) {
        case (1, .binary?): return ([classOne ? 1 : 0], classOne ? "class 1" : "class 0")
        case (1, .signed?): return ([classOne ? 1 : -1], classOne ? "class 1" : "class -1")
        case (2, .oneHot?): return (classOne ? [0, 1] : [1, 0], classOne ? "class 1" : "class 0")
        default: return nil
        }
    }

    /// Adds a training sample at (`x1`, `x2`), the data's own inputs (the network's features
    /// are computed from them), of class 1 or 0, or says in one line why not. As a drawing
    /// added, the run goes on in the new data from where it is, and `b` takes the point out
    /// again bit for bit; `w` saves it with the rest of the data.
    private mutating func addPlaneSample(x1: Double, x2: Double, classOne: Bool) {
        guard trainer.scenario.dataInputs.columns == 2 else { return }
        guard let (targets, name) = planeTargets(classOne: classOne) else {
            message = StatusMessage(
                wordings: [
                    "a click on the plane adds a sample of class 1 or 0, but these targets are not one output of 0 and 1 (or -1 and 1) nor two one-hot classes",
                    "a click adds a sample of class 1 or 0; these targets are not two classes",
                ], kind: .error)
            return
        }
        let added: Scenario
        do {
            added = try trainer.scenario.addingSample(inputs: [x1, x2], targets: targets)
        } catch {
            message = StatusMessage("point not added: \(error.description)", kind: .error)
            return
        }
        continueRun(in: added, endedBy: .pointAdded)
        // The new sample is followed, so the plane, the predictions and the inspector show it.
        selectedSample = added.sampleCount - 1
        let point = "(\(DecimalNumber.text(x1)), \(DecimalNumber.text(x2)))"
        message = StatusMessage(
            wordings: [
                "added a \(name) sample at \(point) as sample \(added.sampleCount); b undoes it, w saves it",
                "added a \(name) sample at \(point); b undoes it",
                "added a \(name) sample at \(point)",
            ])
    }
}
