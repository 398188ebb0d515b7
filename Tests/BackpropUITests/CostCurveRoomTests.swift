import BackpropCore
@testable import BackpropUI
import Testing

/// The cost curve is read from the back of a room: whatever the network, at 120x40 it gets at
/// least 5 rows of plot, taking the place the Model pane would have and rows the layer panes
/// and the predictions can scroll away, never a 2-row line.
@Suite("the cost curve keeps a readable plot")
struct CostCurveRoomTests {
    /// Rows of plot a class can read a trend in: the cost pane's wanted 5.
    private static let readableRows = 5

    /// A CSV of `inputs` inputs and `classes` one-hot targets, 12 rows of made-up numbers (as
    /// `five.csv`, 5 inputs and 3 classes, in the README's complaint).
    private static func csv(inputs: Int, classes: Int) -> String {
        let header = (1...inputs).map { "x\($0)" } + (1...classes).map { "y\($0)" }
        let rows = (0..<12).map { row in
            let xs = (0..<inputs).map { i in String(Double((row * 7 + i * 3) % 19) / 10 - 0.9) }
            let ys = (0..<classes).map { j in row % classes == j ? "1" : "0" }
            return (xs + ys).joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
    }

    /// `--data` of that CSV with `--hidden hidden`, tanh in every hidden layer and, with more
    /// than one class, softmax and ce.
    private static func network(inputs: Int, classes: Int, hidden: [Int], size: Size) throws -> AppState {
        let table = try DataTable(csv: csv(inputs: inputs, classes: classes))
        var scenario = try table.scenario(seed: 1, hidden: hidden)
        let output: Activation = classes > 1 ? .softmax : .sigmoid
        try scenario.set(
            activations: Array(repeating: .tanh, count: hidden.count) + [output], loss: classes > 1 ? .ce : .sse)
        let name = "\(inputs)-\(hidden.map(String.init).joined(separator: "-"))-\(classes).csv"
        return AppState(scenario: scenario, scenarioName: name, size: size)
    }

    /// The rows of the cost pane's plot in `state`'s frame: rows whose y axis column holds the
    /// axis line or a tick. 0 when there is no cost pane.
    static func plotRows(_ state: AppState) -> Int {
        let canvas = Frame.render(state)
        let (_, layout) = Frame.layout(state, size: state.size, data: FrameData(for: state))
        guard case .panes(let panes) = layout, panes.cost.height > 2 else { return 0 }
        let cost = panes.cost
        let glyphs = Glyphs.forOptions(state.options)
        let axisMarks: Set<Character> = [glyphs.vertical, glyphs.axisTick]
        // The axis column is the first tick of the top inner row, or of the next in a race,
        // whose legend takes the top one.
        let top = state.raceRunners.count > 1 ? cost.y + 2 : cost.y + 1
        guard let axis = (cost.x + 1..<cost.maxX - 1).first(where: { canvas[$0, top].character == glyphs.axisTick })
        else { return 0 }
        return (cost.y + 1..<cost.maxY - 1).filter { axisMarks.contains(canvas[axis, $0].character) }.count
    }

    @Test("a race keeps 5 rows of plot under its legend at 120x40", arguments: [Preset.xorHidden, .circle, .seed])
    func raceKeepsItsRows(preset: Preset) throws {
        var state = AppState(
            scenario: preset.scenario, scenarioName: preset.rawValue, size: Size(width: 120, height: 40))
        try KeySequence(parsing: "R").press(on: &state)
        try #require(state.raceRunners.count > 1)
        state.apply(.training(.advance(steps: 50)))
        #expect(Self.plotRows(state) >= Self.readableRows, "\(Frame.render(state).text)")
    }

    /// Every preset, and networks of 2 and 3 hidden layers on data of 2 inputs (with the input
    /// plane) and of 5 inputs and 3 classes.
    private static func networks(size: Size) throws -> [(String, AppState)] {
        var states = Preset.allCases.map { preset in
            (
                "--preset \(preset.rawValue)",
                AppState(scenario: preset.scenario, scenarioName: preset.rawValue, size: size)
            )
        }
        for hidden in [[4, 3], [8, 8], [4, 3, 3], [8, 8, 8]] {
            states.append(
                (
                    "5 inputs, 3 classes, --hidden \(hidden)",
                    try network(inputs: 5, classes: 3, hidden: hidden, size: size)
                ))
        }
        for hidden in [[3, 3], [16, 16], [4, 4, 4], [8, 8, 8]] {
            states.append(
                ("2 inputs, --hidden \(hidden)", try network(inputs: 2, classes: 1, hidden: hidden, size: size)))
        }
        return states
    }

    @Test("at 120x40 every preset and every 2- or 3-hidden-layer network gets 5 rows of curve or more")
    func everyNetworkAt120x40() throws {
        for (name, state) in try Self.networks(size: Size(width: 120, height: 40)) {
            let rows = Self.plotRows(state)
            #expect(rows >= Self.readableRows, "\(name): \(rows) rows of plot\n\(Frame.render(state).text)")
        }
    }

    @Test(
        "a 5-input, 3-class network at 120x40: the curve takes the free columns beside the layers before the Model pane"
    )
    func curveBeforeTheModelPane() throws {
        let state = try Self.network(inputs: 5, classes: 3, hidden: [4, 3], size: Size(width: 120, height: 40))
        let (_, layout) = Frame.layout(state, size: state.size, data: FrameData(for: state))
        guard case .panes(let panes) = layout else {
            Issue.record("120x40 fits")
            return
        }
        #expect(panes.cost.y < panes.predictions.y, "beside the layer panes, above the predictions")
        #expect(panes.model.isEmpty, "the Model pane gives its place to the curve")
    }

    @Test("at 80x24 the curve keeps 5 rows where the README says so: the article's example and a 2-3-1 network")
    func readmeNetworksAt80x24() {
        let size = Size(width: 80, height: 24)
        for preset in [Preset.seed, .xorHidden] {
            let state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue, size: size)
            let rows = Self.plotRows(state)
            #expect(rows >= Self.readableRows, "\(preset.rawValue): \(rows)\n\(Frame.render(state).text)")
        }
    }
}
