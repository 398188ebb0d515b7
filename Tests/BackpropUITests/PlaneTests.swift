import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// The input plane: the ramp's mapping, the painted box, where the pane goes and
/// when, `m`, and the shading around the samples of a trained network.
@Suite("the input plane")
struct PlaneTests {
    private let wide = Size(width: 120, height: 40)

    private func state(_ preset: Preset, steps: Int = 0, options: RenderOptions = RenderOptions()) -> AppState {
        var state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue, options: options, size: wide)
        if steps > 0 { state.apply(.training(.advance(steps: steps))) }
        return state
    }

    @Test("the ramp: its ends, its steps, values outside it, NaN")
    func rampEnds() {
        let sigmoid = PlaneRamp(activation: .sigmoid, values: [])
        #expect((sigmoid.low, sigmoid.high) == (0, 1))
        #expect(sigmoid.level(of: 0) == 0)
        #expect(sigmoid.level(of: 1) == 9, "the top end is in the last level")
        #expect(sigmoid.level(of: 0.0999) == 0)
        #expect(sigmoid.level(of: 0.1) == 1)
        #expect(sigmoid.level(of: 0.5) == 5)
        #expect(sigmoid.level(of: 0.4999) == 4)
        #expect(sigmoid.level(of: -3) == 0 && sigmoid.level(of: 7) == 9, "outside the range: the ends")
        #expect(sigmoid.level(of: .infinity) == 9 && sigmoid.level(of: -.infinity) == 0)
        #expect(sigmoid.level(of: .nan) == 4, "NaN paints pale, not as a class")
        #expect(sigmoid.character(of: 0) == " " && sigmoid.character(of: 1) == "@")
        #expect(String(PlaneRamp.characters) == " .:-=+*#%@")
        #expect(!sigmoid.isHigh(0.5) && sigmoid.isHigh(0.51) && sigmoid.isHigh(1) && !sigmoid.isHigh(0))

        let tanh = PlaneRamp(activation: .tanh, values: [5])
        #expect((tanh.low, tanh.high, tanh.middle) == (-1, 1, 0))
        #expect(tanh.level(of: -1) == 0 && tanh.level(of: 1) == 9 && tanh.level(of: 0) == 5)

        // Linear and relu have no range of their own: the data's, relu's from 0.
        let linear = PlaneRamp(activation: .linear, values: [-2, 6, .nan, 1])
        #expect((linear.low, linear.high) == (-2, 6))
        let relu = PlaneRamp(activation: .relu, values: [3, 4])
        #expect((relu.low, relu.high) == (0, 4))
        let flat = PlaneRamp(activation: .linear, values: [2, 2])
        #expect((flat.low, flat.high) == (1, 3), "one value: a range around it")
    }

    @Test("the box spans the data plus a tenth each side; points and cells agree")
    func axes() throws {
        let axes = PlaneAxes(around: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]))
        #expect(abs(axes.x1.lowerBound + 0.1) < 1e-12 && abs(axes.x1.upperBound - 1.1) < 1e-12)
        #expect(PlaneAxes.label(axes.x1.lowerBound) == "-0.1" && PlaneAxes.label(axes.x2.upperBound) == "1.1")
        #expect(PlaneAxes.label(2) == "2" && PlaneAxes.label(-1.25) == "-1.25" && PlaneAxes.label(-0.001) == "0")
        // The first point is the top left pixel's centre; the cell of a point is the one whose
        // pixel centre is nearest.
        let grid = axes.grid(columns: 12, rows: 6)
        #expect(grid.rows == 72)
        #expect(grid[0, 0] < grid[1, 0] && grid[0, 1] > grid[12, 1], "x1 grows across, x2 grows upwards")
        for point in [0, 5, 40, 71] {
            let cell = axes.cell(x1: grid[point, 0], x2: grid[point, 1], columns: 12, rows: 6)
            #expect(cell.row * 12 + cell.column == point)
        }
        #expect(axes.cell(x1: 0, x2: 1, columns: 12, rows: 6) == (1, 0), "sample (0, 1) near the top left")
        #expect(axes.cell(x1: 99, x2: -99, columns: 12, rows: 6) == (11, 5), "clamped to the box")
    }

    @Test("shown by itself from 120x40 for data with two inputs, a third of the width, beside the others")
    func placement() {
        for (size, shown) in [
            (Size(width: 120, height: 40), true), (Size(width: 119, height: 40), false),
            (Size(width: 120, height: 39), false), (Size(width: 200, height: 60), true),
        ] {
            let frame = Frame.render(state(.xorHidden), size: size)
            #expect(frame.text.contains("Input plane") == shown, "\(size.width)x\(size.height)")
            guard
                case .panes(let panes) = Layout.make(
                    for: size, content: Frame.content(of: state(.xorHidden), rows: size.height))
            else {
                Issue.record("no panes at \(size)")
                continue
            }
            #expect(!panes.plane.isEmpty == shown)
            guard shown else { continue }
            #expect(panes.plane.maxX == size.width && panes.plane.width >= 40)
            #expect(size.width - panes.plane.width >= 80, "the other panes keep 80 columns")
            #expect(panes.neuronMaps.x == panes.plane.x && panes.neuronMaps.y == panes.plane.maxY)
            for other in panes.layers + [panes.predictions, panes.inspector, panes.cost, panes.network] {
                #expect(!other.isEmpty && other.maxX <= panes.plane.x, "nothing under the plane's column: \(other)")
            }
            #expect(panes.title.width == size.width && panes.status.width == size.width)
        }
        // Three inputs: no plane at any size.
        #expect(!Frame.render(state(.seed), size: Size(width: 200, height: 60)).text.contains("Input plane"))
        // One layer: the plane without neuron maps.
        let gate = Frame.render(state(.and), size: wide).text
        #expect(gate.contains("Input plane · ŷ1") && !gate.contains("neurons"))
    }

    @Test("m hides it, m shows it again, and it can be asked for from 104 columns")
    func toggle() throws {
        var shown = state(.xorHidden)
        shown.apply(.view(.togglePlane(KeyMap.planeRoom(in: shown))))
        #expect(!Frame.render(shown).text.contains("Input plane"))
        #expect(shown.message?.text == "input plane hidden (m shows it)")
        shown.apply(.view(.togglePlane(KeyMap.planeRoom(in: shown))))
        #expect(Frame.render(shown).text.contains("Input plane"))

        var narrow = state(.xorHidden)
        narrow.apply(.terminal(.resize(Size(width: 104, height: 30))))
        #expect(!Frame.render(narrow).text.contains("Input plane"), "not by itself below 120x40")
        narrow.apply(.view(.togglePlane(KeyMap.planeRoom(in: narrow))))
        #expect(Frame.render(narrow).text.contains("Input plane"))
        narrow.apply(.terminal(.resize(Size(width: 103, height: 30))))
        narrow.apply(.view(.togglePlane(KeyMap.planeRoom(in: narrow))))
        narrow.apply(.view(.togglePlane(KeyMap.planeRoom(in: narrow))))
        #expect(
            narrow.message?.text
                == "the input plane needs a terminal 104 columns wide (this one has 103); it shows when there is room")
        var small = narrow
        small.apply(.terminal(.resize(Size(width: 80, height: 24))))
        small.apply(.view(.togglePlane(KeyMap.planeRoom(in: small))))
        small.apply(.view(.togglePlane(KeyMap.planeRoom(in: small))))
        #expect(
            small.message?.text(fitting: 80)
                == "the input plane needs 104 columns (this terminal has 80)",
            "a shorter line where the long one would be cut")
        narrow.apply(.terminal(.resize(Size(width: 110, height: 30))))
        #expect(Frame.render(narrow).text.contains("Input plane"), "asked for: shows once there is room")

        var seed = state(.seed)
        seed.apply(.view(.togglePlane(KeyMap.planeRoom(in: seed))))
        #expect(seed.message?.text == "the input plane needs data with 2 inputs (x1 across, x2 up); this has 3")
        #expect(seed.message?.kind == .error)
    }

    /// Each sample's mark in the plane pane of `state`'s frame, with the four cells around it.
    private func marks(of state: AppState, high: Character, low: Character) -> [(mark: Character, around: [Cell])] {
        let canvas = Frame.render(state)
        guard case .panes(let panes) = Layout.make(for: state.size, content: Frame.content(of: state, rows: 40))
        else { return [] }
        let inputs = state.trainer.scenario.inputs
        guard let inside = PlanePane.plot(in: panes.plane, labelWidth: PlaneAxes(around: inputs).labelWidth) else {
            return []
        }
        var found: [(Character, [Cell])] = []
        for y in inside.y..<inside.maxY {
            for x in inside.x..<inside.maxX where [high, low].contains(canvas[x, y].character) {
                let around = [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)].map { canvas[$0.0, $0.1] }
                found.append((canvas[x, y].character, around))
            }
        }
        return found
    }

    @Test("after learning XOR, the shading beside every sample agrees with its target (ASCII)")
    func asciiShadingAgreesWithTargets() throws {
        let trained = state(.xorHidden, steps: 20000, options: RenderOptions(ascii: true))
        let canvas = Frame.render(trained)
        let found = marks(of: trained, high: "x", low: "o")
        #expect(found.count == 4, "\(canvas.text)")
        let characters = String(PlaneRamp.characters)
        for (mark, around) in found {
            for cell in around where characters.contains(cell.character) {
                let level = characters.firstIndex(of: cell.character)!.utf16Offset(in: characters)
                #expect(mark == "x" ? level >= 5 : level <= 4, "\(mark) beside '\(cell.character)':\n\(canvas.text)")
            }
        }
    }

    @Test("in colour each cell is two pixels; the shading beside every sample agrees with its target")
    func colourPixelsAgreeWithTargets() throws {
        let trained = state(.xorHidden, steps: 20000)
        let canvas = Frame.render(trained)
        let found = marks(of: trained, high: "●", low: "○")
        #expect(found.count == 4)
        for (mark, around) in found {
            for cell in around where cell.character == "▀" {
                for case .ramp(let level)? in [cell.style.foreground, cell.style.background] {
                    #expect(mark == "●" ? level >= 5 : level <= 4)
                }
            }
        }
        // The four samples on their cell's shade, which agrees with their class, in their
        // class's dark colour (the legend's ● is text, on no background).
        let marks = canvas.cells.filter { ($0.character == "●" || $0.character == "○") && $0.style.background != nil }
        #expect(marks.count == 4 && marks.allSatisfy(\.style.bold))
        for mark in marks {
            let high = mark.character == "●"
            #expect(mark.style.foreground == .sampleMark(high: high))
            guard case .ramp(let level)? = mark.style.background else {
                Issue.record("a mark without a shade: \(mark)")
                continue
            }
            #expect(high ? level >= 5 : level <= 4, "\(mark)")
        }
        // 32x16 cells of plane and three 12x6 maps.
        #expect(canvas.cells.filter { $0.character == "▀" }.count == 32 * 16 - 4 + 3 * 12 * 6)
    }

    @Test("without colour (NO_COLOR, --snapshot) it is drawn with the ramp's characters, the marks ● ○")
    func monochromeUsesTheRamp() {
        let canvas = Frame.render(state(.xorHidden, steps: 20000, options: RenderOptions(color: false)))
        #expect(!canvas.text.contains("▀"))
        #expect(canvas.text.contains("@") && canvas.text.contains("●") && canvas.text.contains("○"))
        #expect(!canvas.hasBackground)
    }

    @Test("b scrubs the plane back: the picture after b is the picture before the step")
    func stepBackRestoresThePicture() {
        var state = state(.xorHidden, steps: 300)
        guard case .panes(let panes) = Layout.make(for: wide, content: Frame.content(of: state, rows: 40)) else {
            Issue.record("no panes")
            return
        }
        func plane(_ canvas: Canvas) -> [Cell] {
            (panes.plane.y..<panes.neuronMaps.maxY).flatMap { y in
                (panes.plane.x..<panes.plane.maxX).map { canvas[$0, y] }
            }
        }
        let before = plane(Frame.render(state))
        state.apply(.training(.step))
        #expect(plane(Frame.render(state)) != before, "a step at step 300 moves the plane")
        state.apply(.history(.stepBack))
        #expect(plane(Frame.render(state)) == before)
    }

    @Test("the selected neuron's map is marked; the plane paints the selected output")
    func selectionFollows() throws {
        var state = state(.xorHidden)
        try KeySequence(parsing: "<Right><Right>").press(on: &state)
        #expect(state.selection == .weight(layer: 0, row: 0, column: 2))
        let canvas = Frame.render(state)
        let reversed = String(
            canvas.cells.prefix(canvas.size.width * (canvas.size.height - 2)).filter(\.style.reverse).map(\.character))
        #expect(reversed.contains("h¹3"), "\(reversed)")
        #expect(NeuronMapsPane.neuron(of: .weight(layer: 1, row: 1, column: 0)) == 1)

        // The sample < > chose is the one mark in reverse video: sample 3, (1, 0), bottom right.
        try KeySequence(parsing: ">>").press(on: &state)
        let marks = Frame.render(state).cells.filter { $0.character == "●" || $0.character == "○" }
        #expect(marks.filter(\.style.reverse).count == 1)
        guard case .panes(let panes) = Layout.make(for: wide, content: Frame.content(of: state, rows: 40)),
            let plot = PlanePane.plot(in: panes.plane, labelWidth: 4)
        else { return }
        let corner = Frame.render(state)[plot.maxX - 3, plot.maxY - 2]
        #expect(corner.character == "●" && corner.style.reverse, "\(corner)")
        #expect(NeuronMapsPane.neuron(of: .bias(layer: 1, column: 0)) == nil)
    }

    @Test("the neuron maps: the largest maps that all fit, else as many as fit and how many there are")
    func mapArrangement() {
        let inside = Rect(x: 0, y: 0, width: 38, height: 15)
        #expect(NeuronMapsPane.arrangement(count: 3, inside: inside) == (12, 2))
        #expect(NeuronMapsPane.arrangement(count: 8, inside: inside) == (8, 4))
        let tiny = NeuronMapsPane.arrangement(count: 40, inside: inside)
        #expect(tiny == (6, 5))
    }
}
