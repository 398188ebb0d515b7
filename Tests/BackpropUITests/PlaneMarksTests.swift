import BackpropCore
@testable import BackpropUI
import Testing

/// Many samples must not bury the input plane under their marks: past a quarter of the plot's
/// cells the marks are thinned to a lattice, the chosen sample is always marked, and the box
/// says how many are.
@Suite("the input plane's sample marks")
struct PlaneMarksTests {
    private static let size = Size(width: 120, height: 40)

    /// `count` samples spread over the plane (a disc of ones in a square of zeros), through 4
    /// hidden neurons, as `--data` of a CSV of that many rows would give.
    private static func state(samples count: Int) throws -> AppState {
        var generator = SeededGenerator(seed: 3)
        var csv = "x1,x2,y\n"
        for _ in 0..<count {
            let x1 = Double.random(in: -1...1, using: &generator)
            let x2 = Double.random(in: -1...1, using: &generator)
            csv += "\(x1),\(x2),\(x1 * x1 + x2 * x2 < 0.4 ? 1 : 0)\n"
        }
        let scenario = try DataTable(csv: csv).scenario(seed: 1, hidden: [4])
        return AppState(scenario: scenario, scenarioName: "\(count).csv", size: size)
    }

    /// The plot's cells and how many of them hold a mark, and the plane's bottom edge.
    private static func marks(_ state: AppState) throws -> (cells: Int, marked: Int, edge: String, plot: Rect) {
        let canvas = Frame.render(state)
        let (_, layout) = Frame.layout(state, size: state.size, data: FrameData(for: state))
        guard case .panes(let panes) = layout else { throw PlaneMarksTestsError.noPanes }
        let axes = PlaneAxes(around: state.trainer.scenario.inputs)
        let plot = try #require(PlanePane.plot(in: panes.plane, labelWidth: axes.labelWidth))
        var marked = 0
        for y in plot.y..<plot.maxY {
            for x in plot.x..<plot.maxX where ["●", "○"].contains(canvas[x, y].character) { marked += 1 }
        }
        let edge = String((panes.plane.x..<panes.plane.maxX).map { canvas[$0, panes.plane.maxY - 1].character })
        return (plot.width * plot.height, marked, edge, plot)
    }

    private enum PlaneMarksTestsError: Error { case noPanes }

    @Test("500 samples mark at most a quarter of the cells, and the box says how many of the 500 it marks")
    func manySamplesAreThinned() throws {
        let state = try Self.state(samples: 500)
        let (cells, marked, edge, _) = try Self.marks(state)
        // A quarter of the cells, and the selected sample's own mark, which may lie off the lattice.
        #expect(marked > 0 && (marked - 1) * PlaneMarks.markedShare <= cells, "\(marked) marks in \(cells) cells")
        #expect(edge.contains("\(marked) of 500 samples marked"), "\(edge)")
    }

    @Test("the chosen sample is marked, in reverse video, even off the lattice")
    func chosenSampleIsAlwaysMarked() throws {
        var state = try Self.state(samples: 500)
        let before = Frame.render(state).cells.filter { $0.style.reverse && ["●", "○"].contains($0.character) }.count
        #expect(before == 1, "sample 1")
        for sample in [37, 251, 499] {
            state.selectedSample = sample
            let chosen = Frame.render(state).cells.filter { $0.style.reverse && ["●", "○"].contains($0.character) }
            #expect(chosen.count == 1, "sample \(sample + 1)")
        }
    }

    @Test(
        "the presets' 50 to 80 samples are all marked, and the box says nothing of marks",
        arguments: [Preset.circle, .spiral, .rings])
    func fewSamplesAreAllMarked(preset: Preset) throws {
        let state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue, size: Self.size)
        let (_, marked, edge, plot) = try Self.marks(state)
        let axes = PlaneAxes(around: preset.scenario.inputs)
        // Every sample's own cell holds a mark (samples sharing a cell share it).
        let distinct = Set(
            (0..<preset.scenario.sampleCount).map { s in
                let cell = axes.cell(
                    x1: preset.scenario.inputs[s, 0], x2: preset.scenario.inputs[s, 1], columns: plot.width,
                    rows: plot.height)
                return cell.row * plot.width + cell.column
            })
        #expect(marked == distinct.count, "\(preset.rawValue)")
        #expect(!edge.contains("marked"))
    }

    @Test("the lattice: a quarter of the cells or fewer, the selected sample last")
    func latticeArithmetic() {
        let cells = (0..<32).flatMap { column in (0..<16).map { row in (column: column, row: row) } }
        let marks = PlaneMarks(cells: cells, columns: 32, rows: 16, selected: 17)
        #expect(marks.isThinned && marks.samples.count <= 32 * 16 / 4 + 1)
        #expect(marks.samples.last == 17)
        let few = PlaneMarks(cells: Array(cells.prefix(10)), columns: 32, rows: 16, selected: 0)
        #expect(!few.isThinned && few.samples.count == 10)
    }
}
