import BackpropCore
import Testing

@testable import BackpropUI

/// What a click lands on: every pane's hits come from the geometry it draws with, so the cell a
/// pane draws a thing in is the cell that selects it.
@Suite("the screen map: what a click lands on")
struct ScreenMapHitTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// The circle's data through a 2-3-3-1 network: three layer panes, a plane and neuron maps
    /// at 120x40, layer panes that do not all fit at 80x24.
    static func deepCircle(size: Size) throws -> AppState {
        let scenario = try Preset.circle.scenario(seed: 1, features: nil, hidden: [3, 3])
        return AppState(
            scenario: scenario, scenarioName: "circle", options: RenderOptions(color: false), size: size)
    }

    /// The hit naming `target` in `map`, if the frame drew it.
    private func hit(_ target: ClickTarget, in map: ScreenMap) -> ScreenHit? {
        map.hits.first { $0.kind == .target(target) }
    }

    /// Every cell of `area`.
    private func cells(of area: Rect) -> [(column: Int, row: Int)] {
        (area.y..<area.maxY).flatMap { row in (area.x..<area.maxX).map { (column: $0, row: row) } }
    }

    @Test(
        "for every weight and bias of a 2-3-3-1 network, the cell drawn in reverse video is in its hit and no other's, and clicking any cell of the hit selects it",
        arguments: sizes)
    func everyParameter(size: Size) throws {
        let start = try Self.deepCircle(size: size)
        let network = start.trainer.network
        #expect(network.sizes == [2, 3, 3, 1])
        // Every weight and bias, in Tab order from the first.
        let first = ParameterIndex.weight(layer: 0, row: 0, column: 0)
        let every = sequence(first: first) { $0.cycled(backwards: false, in: network) }.prefix(
            network.parameters.count)
        #expect(Set(every).count == 25)
        for parameter in every {
            var state = start
            state.apply(.selection(.select(parameter)))
            #expect(state.selection == parameter)
            let map = ScreenMap.of(state)
            let canvas = Frame.render(state)
            let found = try #require(hit(.parameter(parameter), in: map), "\(parameter) has no hit at \(size)")
            // The selected value is drawn in reverse video inside its own hit, in no other.
            #expect(cells(of: found.area).contains { canvas[$0.column, $0.row].style.reverse }, "\(parameter)")
            for other in map.hits where other != found {
                guard case .target(.parameter) = other.kind else { continue }
                #expect(!cells(of: other.area).contains { canvas[$0.column, $0.row].style.reverse }, "\(other)")
            }
            // Clicked from another selection, every cell of the hit selects the parameter.
            var elsewhere = start
            elsewhere.apply(
                .selection(
                    .select(
                        parameter == .bias(layer: 2, column: 0)
                            ? .weight(layer: 0, row: 0, column: 0) : .bias(layer: 2, column: 0))))
            let elsewhereMap = ScreenMap.of(elsewhere)
            guard let shown = hit(.parameter(parameter), in: elsewhereMap) else { continue }
            for (column, row) in cells(of: shown.area) {
                let action = KeyMap.action(
                    for: .mouse(MouseEvent(.click, column: column, row: row)), in: elsewhere, screen: elsewhereMap)
                #expect(action == .selection(.select(parameter)))
            }
        }
    }

    @Test("a row of the predictions pane selects the sample whose number it shows", arguments: sizes)
    func predictionRows(size: Size) throws {
        let state = try Self.deepCircle(size: size)
        let map = ScreenMap.of(state)
        let lines = Frame.render(state).text.components(separatedBy: "\n")
        let rows = map.hits.compactMap { hit -> (Int, Rect)? in
            if case .target(.sample(let sample)) = hit.kind { return (sample, hit.area) }
            return nil
        }
        #expect(!rows.isEmpty)
        for (sample, area) in rows {
            // The row starts with the sample's number, counted from 1.
            let line = Array(lines[area.y])
            let text = String(line[area.x..<area.maxX]).split(separator: " ").first.map(String.init)
            #expect(text == "\(sample + 1)", "\(lines[area.y])")
            var clicked = state
            let action = KeyMap.action(
                for: .mouse(MouseEvent(.click, column: area.maxX - 1, row: area.y)), in: state, screen: map)
            #expect(action == .selection(.selectSample(sample)))
            clicked.apply(try #require(action))
            #expect(clicked.selectedSample == sample)
        }
    }

    @Test("a neuron's map selects a parameter of that neuron, under its label")
    func neuronMaps() throws {
        let state = try Self.deepCircle(size: Size(width: 120, height: 40))
        let map = ScreenMap.of(state)
        let lines = Frame.render(state).text.components(separatedBy: "\n")
        let maps = map.hits.compactMap { hit -> (Int, Rect)? in
            if case .target(.neuron(let neuron)) = hit.kind { return (neuron, hit.area) }
            return nil
        }
        #expect(maps.map(\.0) == [0, 1, 2])
        for (neuron, area) in maps {
            let label = String(Array(lines[area.y])[area.x..<(area.x + 3)])
            #expect(label == "h¹\(neuron + 1)")
            var clicked = state
            let action = try #require(
                KeyMap.action(
                    for: .mouse(MouseEvent(.click, column: area.x + 1, row: area.maxY - 1)), in: state, screen: map))
            clicked.apply(action)
            #expect(NeuronMapsPane.neuron(of: clicked.selection) == neuron)
        }
    }

    @Test("each cell of the plane names a point that falls in that very cell")
    func planePoints() throws {
        let state = try Self.deepCircle(size: Size(width: 120, height: 40))
        let map = ScreenMap.of(state)
        let plane = try #require(map.hits.first { if case .plane = $0.kind { true } else { false } })
        guard case .plane(let axes) = plane.kind else { return }
        #expect(plane.area.width >= 20)
        for (column, row) in cells(of: plane.area) {
            guard case .planePoint(let x1, let x2)? = plane.target(column: column, row: row) else {
                Issue.record("no point at \(column), \(row)")
                continue
            }
            let cell = axes.cell(x1: x1, x2: x2, columns: plane.area.width, rows: plane.area.height)
            #expect(cell.column == column - plane.area.x && cell.row == row - plane.area.y)
            // Rounded as a person would type it.
            #expect(DecimalNumber.text(x1).count <= 6 && DecimalNumber.text(x2).count <= 6, "\(x1), \(x2)")
        }
        #expect(plane.target(column: plane.area.maxX, row: plane.area.y) == nil)
    }

    @Test("a left click on the plane adds a class 1 sample there, a right click class 0; b takes it out bit for bit")
    func planeAddsSamples() throws {
        let state = try Self.deepCircle(size: Size(width: 120, height: 40))
        let map = ScreenMap.of(state)
        let plane = try #require(map.hits.first { if case .plane = $0.kind { true } else { false } })
        let (column, row) = (plane.area.x + 3, plane.area.y + 2)
        guard case .planePoint(let x1, let x2)? = plane.target(column: column, row: row) else {
            Issue.record("no point")
            return
        }
        for (kind, target) in [(MouseEvent.Kind.click, 1.0), (.rightClick, 0.0)] {
            var added = state
            let action = try #require(
                KeyMap.action(for: .mouse(MouseEvent(kind, column: column, row: row)), in: state, screen: map))
            #expect(action == .plane(.addSample(x1: x1, x2: x2, classOne: kind == .click)))
            added.apply(action)
            let scenario = added.trainer.scenario
            #expect(scenario.sampleCount == state.trainer.scenario.sampleCount + 1)
            #expect(scenario.dataInputs[scenario.sampleCount - 1, 0] == x1)
            #expect(scenario.dataInputs[scenario.sampleCount - 1, 1] == x2)
            #expect(scenario.targets[scenario.sampleCount - 1, 0] == target)
            #expect(added.trainer.state.network == state.trainer.state.network, "the run goes on from where it was")
            let point = "(\(DecimalNumber.text(x1)), \(DecimalNumber.text(x2)))"
            #expect(
                added.message?.text.contains("added a class \(Int(target)) sample at \(point)") == true,
                "\(added.message?.text ?? "")")
            // The plane marks the new sample in the cell clicked.
            let after = Frame.render(added)
            #expect(after[column, row].character == (target == 1 ? "●" : "○"))
            added.apply(.history(.stepBack))
            #expect(added.trainer.scenario == state.trainer.scenario)
            #expect(added.trainer.state == state.trainer.state)
            #expect(added.selectedSample == state.selectedSample)
            #expect(added.costCurve == state.costCurve)
        }
    }

    @Test("with features the point added is the data's x1, x2 and the network sees its features")
    func planeWithFeatures() throws {
        let scenario = try Preset.circle.scenario(seed: 1, features: [.x1Squared, .x2Squared], hidden: nil)
        var state = AppState(
            scenario: scenario, scenarioName: "circle", options: RenderOptions(color: false),
            size: Size(width: 120, height: 40))
        state.apply(.plane(.addSample(x1: 0.5, x2: -0.25, classOne: true)))
        let added = state.trainer.scenario
        let last = added.sampleCount - 1
        #expect(added.dataInputs[last, 0] == 0.5 && added.dataInputs[last, 1] == -0.25)
        #expect(added.inputs[last, 0] == 0.25 && added.inputs[last, 1] == 0.0625)
    }

    @Test("targets that are not two classes refuse a point in one line, and nothing changes")
    func planeRefuses() throws {
        let scenario = try Scenario(
            inputs: [[0, 0], [1, 1], [0, 1]], targets: [[0.25], [0.75], [0.5]], weights: [[0.1], [0.2]])
        var state = AppState(scenario: scenario, scenarioName: "numbers", size: Size(width: 120, height: 40))
        let before = state.trainer.scenario
        state.apply(.plane(.addSample(x1: 0.5, x2: 0.5, classOne: true)))
        #expect(state.trainer.scenario == before)
        #expect(state.message?.kind == .error)
        #expect(state.message?.text.contains("not one output of 0 and 1") == true)
    }

    @Test("two one-hot outputs: class 1 is the second output, class 0 the first")
    func planeOneHot() throws {
        let scenario = try Scenario(
            inputs: [[0, 0], [1, 1]], targets: [[1, 0], [0, 1]], weights: [[0.1, 0.2], [0.3, 0.4]])
        var state = AppState(scenario: scenario, scenarioName: "two", size: Size(width: 120, height: 40))
        state.apply(.plane(.addSample(x1: 0.5, x2: 0.5, classOne: true)))
        state.apply(.plane(.addSample(x1: 0.25, x2: 0.5, classOne: false)))
        let targets = state.trainer.scenario.targets
        #expect(targets.rows == 4)
        #expect([targets[2, 0], targets[2, 1], targets[3, 0], targets[3, 1]] == [0, 1, 1, 0])
    }

    @Test("the wheel over a layer pane moves its selection a row; over the predictions, the sample")
    func wheel() throws {
        let state = try Self.deepCircle(size: Size(width: 120, height: 40))
        let map = ScreenMap.of(state)
        let layerOne = try #require(hit(.parameter(.weight(layer: 0, row: 0, column: 0)), in: map))
        let down = MouseEvent(.wheelDown, column: layerOne.area.x, row: layerOne.area.y)
        #expect(KeyMap.action(for: .mouse(down), in: state, screen: map) == .selection(.move(.down)))
        let layerTwo = try #require(hit(.parameter(.weight(layer: 1, row: 0, column: 0)), in: map))
        #expect(
            KeyMap.action(
                for: .mouse(MouseEvent(.wheelUp, column: layerTwo.area.x, row: layerTwo.area.y)), in: state,
                screen: map) == .selection(.select(.weight(layer: 1, row: 0, column: 0))),
            "over another layer's pane the wheel brings the selection there first")
        let row = try #require(hit(.sample(1), in: map))
        #expect(
            KeyMap.action(
                for: .mouse(MouseEvent(.wheelDown, column: row.area.x, row: row.area.y)), in: state, screen: map)
                == .selection(.chooseSample(backwards: false)))
        #expect(
            KeyMap.action(
                for: .mouse(MouseEvent(.wheelUp, column: row.area.x, row: row.area.y)), in: state, screen: map)
                == .selection(.chooseSample(backwards: true)))
        // The title bar does not scroll; a click there names nothing.
        #expect(KeyMap.action(for: .mouse(MouseEvent(.wheelDown, column: 5, row: 0)), in: state, screen: map) == nil)
        #expect(KeyMap.action(for: .mouse(MouseEvent(.click, column: 5, row: 0)), in: state, screen: map) == nil)
    }

    @Test("over the help a click closes it; an entry, or a terminal too small, takes no click")
    func modes() throws {
        var state = try Self.deepCircle(size: Size(width: 120, height: 40))
        let map = ScreenMap.of(state)
        let weight = try #require(hit(.parameter(.weight(layer: 0, row: 1, column: 1)), in: map))
        let click = Key.mouse(MouseEvent(.click, column: weight.area.x, row: weight.area.y))
        state.apply(.view(.toggleHelp))
        #expect(ScreenMap.of(state) == .empty)
        #expect(KeyMap.action(for: click, in: state, screen: map) == .view(.closeHelp))
        #expect(
            KeyMap.action(for: .mouse(MouseEvent(.wheelDown, column: 3, row: 3)), in: state, screen: map) == nil)
        state.apply(.view(.closeHelp))
        state.apply(.entry(.beginLearningRate))
        #expect(KeyMap.action(for: click, in: state, screen: map) == nil)
        state.apply(.entry(.cancel))
        state.apply(.terminal(.resize(Size(width: 30, height: 10))))
        #expect(KeyMap.action(for: click, in: state, screen: map) == nil)
    }

    @Test(
        "a cell of the Confusion pane moves its cursor there, the cell drawn in reverse video; the wheel moves it a row"
    )
    func confusionCells() throws {
        let state = try PresetScreen.state(.digits, size: Size(width: 120, height: 40), keys: "K")
        let map = ScreenMap.of(state)
        let cells = map.hits.compactMap { hit -> (ConfusionCell, Rect)? in
            if case .target(.confusionCell(let cell)) = hit.kind { return (cell, hit.area) }
            return nil
        }
        #expect(cells.count >= 9, "a few classes' cells at least")
        let (cell, area) = try #require(cells.first { $0.0 != state.confusionCell && !$0.0.isDiagonal })
        let action = KeyMap.action(
            for: .mouse(MouseEvent(.click, column: area.x + 1, row: area.y)), in: state, screen: map)
        #expect(action == .classes(.chooseCell(cell)))
        var clicked = state
        clicked.apply(try #require(action))
        #expect(clicked.confusionCell == cell)
        let canvas = Frame.render(clicked)
        let after = ScreenMap.of(clicked)
        let shown = try #require(after.hits.first { $0.kind == .target(.confusionCell(cell)) })
        #expect(self.cells(of: shown.area).contains { canvas[$0.column, $0.row].style.reverse })
        #expect(
            KeyMap.action(for: .mouse(MouseEvent(.wheelDown, column: area.x, row: area.y)), in: state, screen: map)
                == .classes(.moveCell(.down)))
    }

    @Test("a point added ends a race: the other runners never saw the sample")
    func planeEndsRace() throws {
        var state = try Self.deepCircle(size: Size(width: 120, height: 40))
        state.apply(.race(.toggle))
        #expect(state.race != nil)
        state.apply(.plane(.addSample(x1: 0.5, x2: 0.5, classOne: true)))
        #expect(state.race == nil)
        #expect(state.message?.text.hasPrefix("race ended: a point was added on the plane") == true)
    }

    @Test("the wheel over the neuron maps goes from neuron to neuron, stopping at the ends")
    func neuronWheel() throws {
        var state = try Self.deepCircle(size: Size(width: 120, height: 40))
        let map = ScreenMap.of(state)
        let first = try #require(map.hits.first { $0.kind == .target(.neuron(0)) })
        let down = Key.mouse(MouseEvent(.wheelDown, column: first.area.x, row: first.area.y))
        let up = Key.mouse(MouseEvent(.wheelUp, column: first.area.x, row: first.area.y))
        var neurons: [Int?] = []
        for key in [down, down, down, up, up, up, up] {
            state.apply(try #require(KeyMap.action(for: key, in: state, screen: map)))
            neurons.append(NeuronMapsPane.neuron(of: state.selection))
        }
        #expect(neurons == [1, 2, 2, 1, 0, 0, 0])
    }
}
