import BackpropCore

/// A whole frame: the view function of the Elm / Bubble Tea shape. Pure and deterministic, so
/// the TUI, `--snapshot` and the golden tests all show the same characters for the same state.
public enum Frame {
    /// The frame for `state` on a terminal of `size`, every number worked out afresh.
    public static func render(_ state: AppState, size: Size) -> Canvas {
        render(state, size: size, data: FrameData(for: state))
    }

    /// The frame for `state` on a terminal of `size`, drawn with `data`, the numbers that need
    /// passes over the data set (which must be this state's: see `FrameRenderer`).
    static func render(_ state: AppState, size: Size, data: FrameData) -> Canvas {
        var canvas = Canvas(size: size)
        // The plane's box from one pass over x: the layout needs its label width, the plane and
        // the neuron maps its ends.
        let axes = planeAxes(of: state)
        let content = content(of: state, rows: size.height, axes: axes)
        switch Layout.make(for: size, content: content) {
        case .tooSmall(let have, let need):
            TooSmallMessage(have: have, need: need).draw(on: &canvas)
        case .panes(let panes):
            draw(state, data: data, content: content, axes: axes, in: panes, on: &canvas)
            if state.isHelpShown {
                let middle = Rect(x: 0, y: 1, width: size.width, height: size.height - 3)
                HelpOverlay(glyphs: Glyphs.forOptions(state.options)).draw(on: &canvas, in: middle)
            }
        }
        return canvas
    }

    /// The frame for `state` at the size it was last told about.
    public static func render(_ state: AppState) -> Canvas {
        render(state, size: state.size)
    }

    /// The input plane's box around the data, when the plane may show.
    static func planeAxes(of state: AppState) -> PlaneAxes? {
        state.planeRequest == .unavailable ? nil : PlaneAxes(around: state.trainer.scenario.inputs)
    }

    /// `content(of:rows:axes:)` with the plane's axes worked out from the data.
    static func content(of state: AppState, rows: Int) -> LayoutContent {
        content(of: state, rows: rows, axes: planeAxes(of: state))
    }

    /// What the layout needs to know of `state`, the data columns measured on the first `rows`
    /// samples (no more can be on screen), given the plane's `axes` (nil when it cannot show).
    static func content(of state: AppState, rows: Int, axes: PlaneAxes?) -> LayoutContent {
        let scenario = state.trainer.scenario
        let limit = Layout.narrowNumber.width
        var content = LayoutContent(
            sizes: scenario.network.sizes, samples: scenario.sampleCount,
            inputWidths: PredictionsPane.dataWidths(scenario.inputs, label: "x", rows: rows, limit: limit),
            targetWidths: PredictionsPane.dataWidths(scenario.targets, label: "y", rows: rows, limit: limit))
        content.selectedLayer = state.selection.layer
        content.showsGradientCheck = state.isGradientCheckShown
        content.showsLearningRatePreview = state.isLearningRatePreviewShown
        content.ascii = state.options.ascii
        content.optimizerLines = OptimizerLines.stateLineCount(for: state.trainer.optimizer.name)
        content.explainsOutputDelta = scenario.loss.isClassification
        content.showsQuizVerdict = state.quiz.map { !$0.isAsking } ?? false
        content.plane = state.planeRequest
        if let axes { content.planeLabelWidth = axes.labelWidth }
        return content
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

    private static func draw(
        _ state: AppState, data: FrameData, content: LayoutContent, axes: PlaneAxes?, in panes: PaneLayout,
        on canvas: inout Canvas
    ) {
        let glyphs = Glyphs.forOptions(state.options)
        let trainer = state.trainer
        let network = trainer.network
        let names = state.names
        // The step the current state would take: the gradients, the inspector, the walk.
        let trace = data.trace
        let context = PaneContext(
            glyphs: glyphs, number: panes.number, selection: state.selection, sample: state.selectedSample,
            walkPhase: state.walkPhase)

        TitleBar(
            scenarioName: state.scenarioName, network: network, loss: trainer.loss, reduction: trainer.reduction,
            optimizer: trainer.optimizer
        ).draw(on: &canvas, in: panes.title, context: context)
        let othersHidden = panes.layers.contains(where: \.isEmpty)
        // What a waiting question asks about, so the panes that would answer it keep it hidden.
        let asked = state.quiz.flatMap { $0.isAsking ? $0.question : nil }
        let askedGradient: ParameterIndex? = if case .gradient(let parameter)? = asked { parameter } else { nil }
        for (layer, area) in panes.layers.enumerated() where !area.isEmpty {
            LayerPane(
                layer: layer, network: network, previous: state.previous?.state.network, trace: trace, names: names,
                othersHidden: othersHidden, hiddenGradient: askedGradient
            ).draw(on: &canvas, in: area, context: context)
        }
        var panesShown: [(any Pane, Rect)] = [
            (
                ModelPane(
                    network: network, loss: trainer.loss, reduction: trainer.reduction,
                    optimizer: trainer.optimizer.name, samples: trainer.scenario.sampleCount, names: names),
                panes.model
            ),
            (NetworkPane(trace: trace), panes.network),
            (
                PredictionsPane(
                    inputs: trainer.scenario.inputs, targets: trainer.scenario.targets, prediction: trace.prediction,
                    preActivation: trace.outputLayer.preActivation, previousPrediction: state.previous?.prediction,
                    previousPreActivation: state.previous?.outputPreActivation, rightCount: data.rightCount,
                    loss: trainer.loss, layerCount: network.layerCount, inputWidths: content.inputWidths,
                    targetWidths: content.targetWidths),
                panes.predictions
            ),
        ]
        if let quiz = state.quiz {
            panesShown.append(
                (QuizPane(quiz: quiz, score: state.quizScore, trace: trace, names: names), panes.inspector))
        } else if let phase = state.walkPhase {
            let update = state.previous.map {
                (
                    before: $0.state.network[state.selection], after: network[state.selection], costBefore: $0.cost,
                    costAfter: trainer.cost
                )
            }
            var walk = WalkPane(
                phase: phase, trace: trace, names: names, stepCount: trainer.stepCount,
                update: phase == .update ? update : nil)
            if let taken = data.walkStep {
                // The step just taken, re-taken from the state before it, for the optimizer's numbers.
                walk.optimizerTerms = OptimizerTerms(state.selection, in: taken.trace)
            }
            panesShown.append((walk, panes.inspector))
        } else {
            panesShown.append((InspectorPane(trace: trace, names: names), panes.inspector))
        }
        if askedGradient != nil, data.gradientCheck != nil {
            panesShown.append((AnswerHiddenPane(title: GradientCheckPane.title), panes.gradientCheck))
        } else if let estimate = data.gradientCheck {
            panesShown.append((GradientCheckPane(trace: trace, estimate: estimate, names: names), panes.gradientCheck))
        }
        if asked == .cost, data.learningRatePreview != nil {
            panesShown.append((AnswerHiddenPane(title: LearningRatePreviewPane.title), panes.learningRatePreview))
        } else if let preview = data.learningRatePreview {
            panesShown.append(
                (
                    LearningRatePreviewPane(preview: preview, learningRate: trainer.learningRate),
                    panes.learningRatePreview
                ))
        }
        if !panes.plane.isEmpty, let axes {
            let scenario = trainer.scenario
            // Characters, not half blocks, in ASCII even on a colour terminal.
            let painter = PlanePainter(axes: axes, color: state.options.color && !state.options.ascii)
            // ŷ_j of the selected parameter when it is in the output layer, else ŷ1.
            let output = state.selection.layer == network.layerCount - 1 ? state.selection.column : 0
            panesShown.append(
                (
                    PlanePane(
                        network: network, inputs: scenario.inputs, targets: scenario.targets, output: output,
                        names: names, painter: painter), panes.plane
                ))
            panesShown.append((NeuronMapsPane(network: network, names: names, painter: painter), panes.neuronMaps))
        }
        for (pane, area) in panesShown where !area.isEmpty {
            pane.draw(on: &canvas, in: area, context: context)
        }
        let runners = state.raceRunners
        if !panes.cost.isEmpty {
            CostPane(curve: state.costCurve, scale: state.costScale, runners: runners).draw(
                on: &canvas, in: panes.cost, context: context)
        }
        StatusBar(
            stepCount: trainer.stepCount, cost: trainer.cost, learningRate: trainer.learningRate,
            optimizer: trainer.optimizer.name,
            activity: state.hasDiverged ? "DIVERGED" : (state.isRunning ? "running" : "paused"), speed: state.speed,
            showsFullCost: panes.showsFullCost, runners: runners,
            score: state.quizScore.answered > 0 ? state.quizScore : nil
        ).draw(on: &canvas, in: panes.status, context: context)
        HintLine(
            entry: state.entry, selectionName: state.selectionName, message: state.message, note: deadNote(trace),
            walkExplanation: state.walkPhase?.explanation(
                loss: trainer.loss, optimizer: trainer.optimizer.name, names: names),
            quizTakesYesOrNo: state.quiz?.question.takesYesOrNo ?? false
        ).draw(on: &canvas, in: panes.hint, context: context)
    }
}
