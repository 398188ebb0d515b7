import BackpropCore

/// What the panes of one frame are built from: the state, the numbers that cost passes over the
/// data (`FrameData`), and what the frame measures once for all (the plane's axes, the rows the
/// data columns are measured on). Each pane's builder takes from it the numbers that pane shows.
struct FrameInput {
    /// The state drawn.
    let state: AppState
    /// The numbers of `state` that need passes over the data set.
    let data: FrameData
    /// Rows of the terminal: no more samples than that can be on screen, so the data columns
    /// are measured on that many.
    let rows: Int
    /// The input plane's box around the data, when the plane may show.
    let axes: PlaneAxes?

    /// The input of a frame of `rows` rows for `state`, drawn with `data`.
    init(state: AppState, data: FrameData, rows: Int) {
        self.state = state
        self.data = data
        self.rows = rows
        // One pass over x: the plane's height needs its label width, the plane and the neuron
        // maps its ends. The data's x1 and x2, not the features the network sees.
        axes = state.planeRequest == .unavailable ? nil : PlaneAxes(around: state.trainer.scenario.dataInputs)
    }

    /// Unicode or ASCII characters.
    var glyphs: Glyphs { Glyphs.forOptions(state.options) }
    /// How the screen names the network's numbers.
    var names: SymbolNames { state.names }
    /// The step the current state would take.
    var trace: StepTrace { data.trace }
    /// How the plane and the neuron maps paint, when the plane may show: characters, not half
    /// blocks, in ASCII even on a colour terminal.
    var planePainter: PlanePainter? {
        axes.map {
            PlanePainter(
                axes: $0, color: state.options.color && !state.options.ascii, features: state.trainer.scenario.features)
        }
    }
    /// Whether the Confusion pane shows (`AppState.isConfusionShown`), from the classes this
    /// frame's data has already read.
    var showsConfusion: Bool { state.isConfusionOpen && data.classVerdicts != nil }
    /// What a waiting quiz question asks about: the panes that would answer it keep it hidden.
    var asked: QuizQuestion? { state.quiz.flatMap { $0.isAsking ? $0.question : nil } }
}
