import BackpropCore

/// A whole frame: the view function of the Elm / Bubble Tea shape. Pure and deterministic, so
/// the TUI, `--snapshot` and the golden tests all show the same characters for the same state.
public enum Frame {
    /// The frame for `state` on a terminal of `size`, every number worked out afresh (the way
    /// `--snapshot` and the tests draw). The gradient check's estimates and the lr preview's
    /// rates are made up to `finishingWork`: all of them unless the network is very large,
    /// when the frame says how far they got, as the visualiser's would on its way.
    public static func render(_ state: AppState, size: Size) -> Canvas {
        var renderer = FrameRenderer(budget: .work(finishingWork))
        return renderer.render(state, size: size)
    }

    /// The most work, in samples times parameters, `render(_:size:)` spends on estimates: about
    /// a second of a release build (measured at 3 to 4 ns a sample-parameter of a cost pass):
    /// 78 estimates of a network of 400,001 parameters on 4 samples, every one a pane shows of
    /// a network of 10,000.
    public static let finishingWork = 250_000_000

    /// The frame for `state` on a terminal of `size`, drawn with `data`, the numbers that need
    /// passes over the data set (which must be this state's: see `FrameRenderer`).
    ///
    /// `layout`, when given, is this frame's, made by `layout(_:size:data:)` before `data`'s
    /// unfinished numbers were advanced: they change no pane's needs, so it is laid out once.
    static func render(_ state: AppState, size: Size, data: FrameData, layout: Layout? = nil) -> Canvas {
        drawn(state, size: size, data: data, layout: layout).canvas
    }

    /// `render(_:size:data:layout:)`, and where the frame put what a click can land on.
    static func drawn(_ state: AppState, size: Size, data: FrameData, layout: Layout? = nil) -> (
        canvas: Canvas, map: ScreenMap
    ) {
        var canvas = Canvas(size: size)
        var map = ScreenMap.empty
        let frame = FrameInput(state: state, data: data, rows: size.height)
        let content = content(of: frame)
        let laidOut = layout ?? Layout.make(for: size, content: content)
        switch laidOut {
        case .tooSmall(let have, let need):
            TooSmallMessage(have: have, need: need).draw(on: &canvas)
        case .panes(let panes):
            map = draw(frame, content.panes, in: panes, on: &canvas)
            if state.isHelpShown {
                // The help covers the panes: a click lands on it, not on what is under it.
                map = .empty
                // Over the status line too (only the hint line stays, with its way out): at 80x20
                // that row lets two columns hold 32 keys.
                let middle = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
                HelpOverlay(glyphs: frame.glyphs).draw(on: &canvas, in: middle)
            }
        }
        return (canvas, map)
    }

    /// The frame for `state` at the size it was last told about.
    public static func render(_ state: AppState) -> Canvas {
        render(state, size: state.size)
    }

    /// What the layout arranges for `state` on a terminal of `rows` rows, every number worked
    /// out afresh.
    static func content(of state: AppState, rows: Int) -> LayoutContent {
        content(of: FrameInput(state: state, data: FrameData(for: state), rows: rows))
    }

    /// The panes of `frame`, in their places, and the choices the layout follows.
    static func content(of frame: FrameInput) -> LayoutContent {
        let state = frame.state
        return LayoutContent(
            panes: PaneArrangement.panes(for: frame),
            selectedLayer: state.quiz?.question.layerSendingBack ?? state.selection.layer, plane: state.planeRequest,
            images: state.imageRequest, networkOnDemand: state.quiz != nil || state.walkPhase != nil,
            glyphs: frame.glyphs)
    }

    /// The layout of `state`'s frame on a terminal of `size`, and the panes it arranges, without
    /// drawing: where the plane and the gradient check are, before their numbers are made.
    static func layout(_ state: AppState, size: Size, data: FrameData) -> (panes: [PlacedPane], layout: Layout) {
        let content = content(of: FrameInput(state: state, data: data, rows: size.height))
        return (content.panes, Layout.make(for: size, content: content))
    }

    /// When every gradient is exactly zero while the cost is not, no step will ever change
    /// anything: with relu, every neuron of a layer is off (a ≤ 0) for every sample. Worth a
    /// line, because the screen otherwise looks like a paused run.
    static func deadNote(_ trace: StepTrace) -> String? {
        // Stops at the first non-zero gradient, which in a live run is the first one.
        let allZero = trace.layers.allSatisfy {
            $0.weightGradient.elements.allSatisfy { $0 == 0 } && $0.biasGradient.allSatisfy { $0 == 0 }
        }
        guard trace.costBefore > 0, trace.costBefore.isFinite, allZero else { return nil }
        let dead = trace.layers.firstIndex { $0.activation == .relu && $0.output.elements.allSatisfy { $0 == 0 } }
        let cause = dead.map { "layer \($0 + 1)'s relu is off for every sample" } ?? "no step changes anything"
        return "every gradient is 0: \(cause) (x resets)"
    }

    /// Draws the bars and every pane the layout gave a rectangle; returns where the panes put
    /// what a click can land on.
    private static func draw(
        _ frame: FrameInput, _ placed: [PlacedPane], in panes: PaneLayout, on canvas: inout Canvas
    ) -> ScreenMap {
        var map = ScreenMap.empty
        let state = frame.state
        let trainer = state.trainer
        var context = PaneContext(
            glyphs: frame.glyphs, number: panes.number, selection: state.selection,
            // The step's panes can show only the step's samples: after a step into another batch
            // the selection follows the new batch's first.
            sample: frame.trace.followed(state.selectedSample), walkPhase: state.walkPhase)
        context.otherLayersHidden = panes.layers.contains(where: \.isEmpty)

        TitleBar(
            scenarioName: state.scenarioName, network: trainer.network, loss: trainer.loss,
            reduction: trainer.reduction, optimizer: trainer.optimizer, learningRate: trainer.learningRate,
            batchSize: trainer.miniBatchSize, penalty: trainer.penalty, testCount: trainer.scenario.split.test.count,
            features: trainer.scenario.features, isBugHunt: trainer.bug != nil
        ).draw(on: &canvas, in: panes.title, context: context)
        // A test sample chosen with `<` `>` is in no step: the step's panes follow the step's
        // first, but the predictions pane lists the test samples, so it shows the chosen one;
        // so it does for a sample a class view walks to (a Confusion cell's, a wrong one).
        var listing = context
        if trainer.scenario.split.test.contains(state.selectedSample) || frame.showsConfusion
            || state.listsOnlyWrong
        {
            listing = PaneContext(
                glyphs: context.glyphs, number: context.number, selection: context.selection,
                sample: state.selectedSample, walkPhase: context.walkPhase)
            listing.otherLayersHidden = context.otherLayersHidden
        }
        for (pane, area) in zip(placed, panes.areas(of: placed)) where !area.isEmpty {
            let lists = pane.pane is PredictionsPane || pane.pane is ConfusionPane
            pane.pane.draw(on: &canvas, in: area, context: lists ? listing : context)
            map.record(pane.pane, in: area, context: lists ? listing : context)
        }
        let runners = state.raceRunners
        StatusBar(
            stepCount: trainer.stepCount, cost: trainer.cost, learningRate: trainer.learningRate,
            optimizer: trainer.optimizer.name,
            activity: state.hasDiverged ? "DIVERGED" : (state.isRunning ? "running" : "paused"), speed: state.speed,
            showsFullCost: panes.showsFullCost, runners: runners,
            score: state.quizScore.answered > 0 ? state.quizScore : nil,
            batch: trainer.miniBatchSize == nil ? nil : trainer.batchPosition, penalty: trainer.penalty,
            penaltyValue: trainer.penaltyValue,
            perSample: trainer.testCost.map {
                let (loss, split) = (trainer.loss, trainer.scenario.split)
                return (
                    loss.costPerSample(trainer.cost, samples: split.training.count),
                    loss.costPerSample($0, samples: split.test.count)
                )
            },
            testRight: frame.data.testRightCount.map { ($0, trainer.scenario.split.test.count) },
            number: panes.number
        ).draw(on: &canvas, in: panes.status, context: context)
        HintLine(
            entry: state.entry, selectionName: state.selectionName, message: state.message, task: state.task,
            isDrawing: state.drawing != nil,
            note: deadNote(frame.trace),
            walkExplanation: state.walkPhase?.explanation(
                loss: trainer.loss, optimizer: trainer.optimizer.name, names: frame.names),
            walkKeyHint: state.matrixForm ? "M numbers" : "M matrix form",
            quizTakesYesOrNo: state.quiz?.question.takesYesOrNo ?? false,
            quizTakesBugName: state.quiz?.question.takesBugName ?? false, confusionShown: frame.showsConfusion
        ).draw(on: &canvas, in: panes.hint, context: context)
        return map
    }
}
