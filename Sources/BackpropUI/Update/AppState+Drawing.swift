import BackpropCore

extension AppState {
    /// Drawing a digit (`D`): the canvas, its strokes, and the label that adds it to the data.
    mutating func reduce(_ action: DrawingAction) {
        switch action {
        case .toggle:
            if drawing != nil {
                leaveDrawing()
            } else {
                openDrawing()
            }
        case .leave: leaveDrawing()
        case .moveCursor(let motion): drawing?.move(motion)
        case .paintAtCursor(let stroke): drawing?.paintAtCursor(stroke)
        case .setPixel(let pixel, let ink): drawing?.set(pixel, ink: ink)
        case .clear: drawing?.clear()
        case .askLabel:
            guard let drawing else { return }
            guard !drawing.isBlank else {
                message = StatusMessage(
                    "nothing drawn yet: Space paints the pixel under the cursor, then Enter adds it", kind: .error)
                return
            }
            entry = TextEntry(.drawingLabel(classes: trainer.scenario.outputCount))
            isHelpShown = false
        }
    }

    /// Why the current scenario has nothing to draw, or nil when `D` can open a canvas: the
    /// samples must be pictures (`Scenario.image`) of one-hot classes, so a drawing has a shape
    /// and its label a target.
    var drawingRefusal: String? {
        let scenario = trainer.scenario
        guard scenario.image != nil else {
            return "D draws a picture for data that is pictures (the digits preset, --image WxH); this data is not"
        }
        guard TargetClasses(targets: scenario.targets) == .oneHot else {
            return "D draws a sample of a class, but these targets are not one-hot classes (a single 1 per row)"
        }
        return nil
    }

    /// `D`: a blank canvas of the scenario's picture shape, or a line saying why there is none.
    /// The walk and an answered quiz question end: the canvas takes their place on the screen.
    private mutating func openDrawing() {
        if let refusal = drawingRefusal {
            message = StatusMessage(refusal, kind: .error)
            return
        }
        guard let shape = trainer.scenario.image else { return }
        drawing = DrawingCanvas(shape: shape)
        walkPhase = nil
        quiz = nil
    }

    private mutating func leaveDrawing() {
        drawing = nil
        if entry?.purpose.isDrawingLabel == true { entry = nil }
    }

    /// Refuses a key whose pane would be hidden by the canvas (the walk, the quiz), saying how
    /// to get it; true when the key may go on.
    mutating func refuseWhileDrawing(_ what: String) -> Bool {
        guard drawing != nil else { return true }
        message = StatusMessage("\(what) shares the drawing's place: Esc leaves the drawing first", kind: .error)
        return false
    }

    /// Closes the canvas when the scenario changed to one that cannot take it (`d`, or `b` back
    /// to a run of other data): a drawing of another shape, or of no class, cannot be added.
    mutating func keepDrawingPossible() {
        guard let drawing else { return }
        guard drawing.shape != trainer.scenario.image || drawingRefusal != nil else { return }
        leaveDrawing()
    }

    /// Enter on the label prompt: adds the drawing to the data as a training sample of the
    /// class typed, or says in one line why not.
    ///
    /// The data changes, so the run goes on in a new scenario (the data and the drawing), from
    /// where it is: the same W, b, lr, optimizer state, step count and place in the epochs; its
    /// history and cost curve start here. The run left is kept whole, as `x` and `d` keep theirs,
    /// so `b` takes the sample out again bit for bit, and `w` saves it with the rest of the data.
    mutating func commitDrawingLabel(_ typed: String, classes: Int) {
        guard let drawing else { return }
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard let label = Int(text), label >= 0, label < classes else {
            let said = text.isEmpty ? "nothing typed" : "\"\(text)\" is not a class"
            message = StatusMessage(
                wordings: [
                    "\(said); type a whole number from 0 to \(classes - 1), then Enter (Esc leaves the drawing as it is)",
                    "\(said); type 0 to \(classes - 1)",
                ], kind: .error)
            return
        }
        var target = Array(repeating: 0.0, count: classes)
        target[label] = 1
        let added: Scenario
        do {
            added = try trainer.scenario.addingSample(inputs: drawing.pixels, targets: target)
        } catch {
            message = StatusMessage("drawing not added: \(error.description)", kind: .error)
            return
        }
        let carried = trainer.state
        keepRun(endedBy: .sampleAdded)
        var next = Trainer(scenario: added, bug: trainer.bug)
        next.restore(carried)
        trainer = next
        startOver()
        let number = added.sampleCount
        let training = thousandsSeparated(added.trainingCount)
        message = StatusMessage(
            wordings: [
                "added the drawing as sample \(number), class \(label), to the \(training) training samples; b takes it out, w saves it",
                "added as sample \(number), class \(label); b takes it out, w saves it",
                "added as sample \(number), class \(label)",
            ])
    }
}
