import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// Frames of networks far larger than the screen: the plane is computed on a grid whose work is
/// bounded, and the neuron maps compute only what they show.
@Suite("frames of large networks")
struct LargeNetworkFrameTests {
    // MARK: The plane's grid

    @Test("the plane is computed at every pixel while that fits the budget, else on a coarser grid")
    func planeGrid() {
        let full = PlaneGrid(pixelColumns: 40, pixelRows: 40, workPerPoint: 24, budget: 40 * 40 * 24)
        #expect(!full.isCoarse && full.columns == 40 && full.rows == 40)
        // One more multiply-add a point and it no longer fits.
        let coarse = PlaneGrid(pixelColumns: 40, pixelRows: 40, workPerPoint: 25, budget: 40 * 40 * 24)
        #expect(coarse.isCoarse)
        #expect(coarse.pointCount * 25 <= 40 * 40 * 24)
        for work in [1, 10, 1000, 400_001, 1_000_000, 50_000_000] {
            for (columns, rows) in [(96, 96), (300, 40), (7, 200), (1, 1)] {
                let grid = PlaneGrid(pixelColumns: columns, pixelRows: rows, workPerPoint: work)
                #expect(grid.columns >= 1 && grid.rows >= 1 && grid.columns <= columns && grid.rows <= rows)
                #expect(
                    grid.pointCount == 1 || grid.pointCount * work <= PlaneGrid.workBudget,
                    "\(columns)x\(rows) at \(work)")
                // Every pixel falls on a point, and every point has pixels.
                var used = Set<Int>()
                for row in 0..<rows {
                    for column in 0..<columns { used.insert(grid.point(column: column, row: row)) }
                }
                #expect(used == Set(0..<grid.pointCount))
            }
        }
        // The proportions stay: a wide plot gets a wide grid.
        let wide = PlaneGrid(pixelColumns: 200, pixelRows: 50, workPerPoint: 400_001)
        #expect(wide.columns >= 3 * wide.rows)
    }

    @Test("a network of 100,000 neurons paints a coarse plane and says so; a small one does not")
    func coarsePlaneSaysSo() {
        let wide = Frame.render(WideNetworks.xor(hidden: [100_000], size: Size(width: 120, height: 40))).text
        #expect(wide.contains("coarse:"), "\(wide)")
        #expect(wide.contains("Layer 1 neurons"), "\(wide)")
        let small = Frame.render(WideNetworks.xor(hidden: [3], size: Size(width: 120, height: 40))).text
        #expect(small.contains("Input plane") && !small.contains("coarse"))
    }

    // MARK: The neuron maps

    @Test("the neuron maps of a wide layer say which they show, and show the selected neuron's")
    func neuronMapsWindow() throws {
        var state = WideNetworks.xor(hidden: [500], size: Size(width: 120, height: 40))
        let first = Frame.render(state).text
        let title = try #require(first.firstMatch(of: /Layer 1 neurons[^(]*\((\d+)-(\d+) of 500\)/))
        #expect(title.output.1 == "1")
        let shown = try #require(Int(title.output.2))
        #expect(shown > 1 && shown < 500)
        #expect(!first.contains("h¹300 "))
        state.selection = .weight(layer: 0, row: 1, column: 299)
        let selected = Frame.render(state).text
        let moved = try #require(selected.firstMatch(of: /Layer 1 neurons[^(]*\((\d+)-(\d+) of 500\)/))
        let range = try #require(Int(moved.output.1))...(try #require(Int(moved.output.2)))
        #expect(range.contains(300) && range.count == shown, "\(range)")
        #expect(selected.contains("h¹300"))
        #expect(NeuronMapsPane.window(count: 500, room: 15, keeping: 299).range == 285..<300)
        #expect(NeuronMapsPane.window(count: 12, room: 15, keeping: 3).range == 0..<12)
    }
}
