import BackpropCore
@testable import BackpropUI
import Testing

/// The input plane sets the next step's batch and the held-out test samples apart from the
/// other training samples, keeping each sample's class, in Unicode and in ASCII, and says which
/// mark is which on its bottom edge.
@Suite("the input plane's batch and test marks")
struct PlaneSampleRoleTests {
    private static let size = Size(width: 120, height: 40)

    /// circle with batches of 8 and a fifth held out, after `steps` steps.
    private static func circle(steps: Int, options: RenderOptions = RenderOptions()) throws -> AppState {
        var scenario = Preset.circle.scenario
        try scenario.setBatchSize(8)
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 1))
        var state = AppState(scenario: scenario, scenarioName: "circle", options: options, size: size)
        for _ in 0..<steps { state.apply(.training(.step)) }
        return state
    }

    private enum Missing: Error { case panes }

    /// The frame, the plot's rectangle and every sample's cell on it.
    private static func plot(_ state: AppState) throws -> (
        canvas: Canvas, plot: Rect, cells: [(Int, Int)], edge: String
    ) {
        let canvas = Frame.render(state)
        let (_, layout) = Frame.layout(state, size: state.size, data: FrameData(for: state))
        guard case .panes(let panes) = layout else { throw Missing.panes }
        let inputs = state.trainer.scenario.dataInputs
        let axes = PlaneAxes(around: inputs)
        let plot = try #require(PlanePane.plot(in: panes.plane, labelWidth: axes.labelWidth))
        let cells = (0..<inputs.rows).map { sample in
            let cell = axes.cell(x1: inputs[sample, 0], x2: inputs[sample, 1], columns: plot.width, rows: plot.height)
            return (plot.x + cell.column, plot.y + cell.row)
        }
        let edge = String((panes.plane.x..<panes.plane.maxX).map { canvas[$0, panes.plane.maxY - 1].character })
        return (canvas, plot, cells, edge)
    }

    @Test(
        "each sample's cell shows its role and its class: the batch over the others, test apart from training",
        arguments: [
            (false, "◉", "◎", "◆", "◇", "●", "○"), (true, "X", "O", "&", "~", "x", "o"),
        ])
    func marksShowRoleAndClass(
        ascii: Bool, batchHigh: Character, batchLow: Character, testHigh: Character, testLow: Character,
        trainHigh: Character, trainLow: Character
    ) throws {
        for steps in [0, 3] {
            let state = try Self.circle(steps: steps, options: RenderOptions(ascii: ascii))
            let (canvas, plot, cells, edge) = try Self.plot(state)
            let batch = Set(state.trainer.nextBatch)
            let test = Set(state.trainer.scenario.split.test)
            #expect(batch.count == 8 && test.count == 10)
            let targets = state.trainer.scenario.targets
            // The samples in each cell, the way the plane groups them.
            var byCell: [Int: [Int]] = [:]
            for (sample, cell) in cells.enumerated() { byCell[cell.1 * 1000 + cell.0, default: []].append(sample) }
            var batchCells = 0
            for samples in byCell.values {
                let (x, y) = cells[samples[0]]
                let shown = canvas[x, y]
                let inBatch = samples.filter(batch.contains)
                if !inBatch.isEmpty {
                    batchCells += 1
                    #expect(
                        inBatch.contains { (targets[$0, 0] > 0.5 ? batchHigh : batchLow) == shown.character },
                        "a batch sample's cell shows a batch mark of its class: \(shown.character), step \(steps)")
                    #expect(shown.style.underline, "the batch is underlined too")
                } else if samples.allSatisfy(test.contains) {
                    #expect(
                        samples.contains { (targets[$0, 0] > 0.5 ? testHigh : testLow) == shown.character },
                        "a test sample's cell: \(shown.character)")
                    #expect(!shown.style.underline)
                } else if samples.allSatisfy({ !test.contains($0) }) {
                    #expect(
                        samples.contains { (targets[$0, 0] > 0.5 ? trainHigh : trainLow) == shown.character },
                        "a training sample's cell: \(shown.character)")
                }
            }
            let batchMarks = canvas.cells.filter { [batchHigh, batchLow].contains($0.character) && $0.style.bold }
            #expect(batchMarks.count == batchCells, "no mark of the batch off its samples")
            let key = "\(batchHigh)\(batchLow) next batch  \(testHigh)\(testLow) test"
            #expect(edge.contains(key), "\(edge)")
            // The plot and its key, in ASCII (the status bar is another pane's).
            let plotText = (plot.y..<plot.maxY).flatMap { y in (plot.x..<plot.maxX).map { canvas[$0, y].character } }
            let allASCII = (String(plotText) + edge).unicodeScalars.allSatisfy { $0.isASCII }
            if ascii { #expect(allASCII, "\(edge)") }
        }
    }

    @Test("without colour the batch still reads: its own glyphs, underlined")
    func batchReadsWithoutColour() throws {
        let state = try Self.circle(steps: 1, options: RenderOptions(color: false))
        let (canvas, plot, _, _) = try Self.plot(state)
        var underlined = 0
        for y in plot.y..<plot.maxY {
            for x in plot.x..<plot.maxX where ["◉", "◎"].contains(canvas[x, y].character) {
                #expect(canvas[x, y].style.underline && canvas[x, y].style.foreground == nil)
                underlined += 1
            }
        }
        #expect(underlined > 0)
    }

    @Test("a full step on every sample marks no batch and says nothing of one; a split alone keys only the test")
    func noBatchNoKey() throws {
        var scenario = Preset.circle.scenario
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 1))
        let split = AppState(scenario: scenario, scenarioName: "circle", size: Self.size)
        let (canvas, _, _, edge) = try Self.plot(split)
        #expect(!canvas.text.contains("◉") && !canvas.text.contains("◎"))
        #expect(edge.contains("◆◇ test") && !edge.contains("batch"), "\(edge)")
        let plain = AppState(scenario: Preset.circle.scenario, scenarioName: "circle", size: Self.size)
        let (plainCanvas, _, _, plainEdge) = try Self.plot(plain)
        #expect(!plainCanvas.text.contains("◆") && !plainEdge.contains("test"), "\(plainEdge)")
    }

    @Test("in a cell of several samples, the batch's is the one marked")
    func batchWinsItsCell() {
        let cells = [(column: 0, row: 0), (column: 0, row: 0), (column: 1, row: 0)]
        #expect(PlaneMarks(cells: cells, columns: 4, rows: 2, selected: 2).samples == [1, 2], "the last by default")
        #expect(PlaneMarks(cells: cells, columns: 4, rows: 2, selected: 2, preferred: [0]).samples == [0, 2])
        #expect(PlaneMarks(cells: cells, columns: 4, rows: 2, selected: 2, preferred: [0, 1]).samples == [1, 2])
    }
}
