import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// Frames of networks far larger than the screen: the plane is computed on a grid whose work is
/// bounded, the neuron maps and the gradient check compute only what they show, and what takes
/// longer than a frame is made in slices that show their progress and stop when their pane closes.
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

    // MARK: The gradient check

    /// The gradient check's title, "… 1-9 of 8,001", read as the run of entries shown.
    private func entriesInTitle(_ text: String) throws -> ClosedRange<Int> {
        let match = try #require(text.firstMatch(of: /Gradient check(?: \(c\))? . ([\d,]+)-([\d,]+) of/))
        let first = try #require(Int(match.output.1.replacing(",", with: "")))
        let last = try #require(Int(match.output.2.replacing(",", with: "")))
        return first...last
    }

    @Test("the gradient check estimates only the entries its pane shows, whatever the network")
    func gradientCheckOnlyShown() throws {
        var state = WideNetworks.xor(hidden: [2000])
        state.apply(.view(.toggleGradientCheck))
        var renderer = FrameRenderer(budget: .unlimited)
        let text = renderer.render(state).text
        let estimate = try #require(renderer.data?.gradientCheck)
        let shown = try entriesInTitle(text)
        // The entries estimated are exactly those on screen: two cost passes each, no more.
        #expect(estimate.offsets == (shown.lowerBound - 1)..<shown.upperBound)
        #expect(estimate.isComplete && estimate.estimatedCount == shown.count)
        #expect(shown.count < 100 && state.trainer.network.parameters.count == 8001)
        #expect(!text.contains("checking"))

        // Tab walks the selection on; the window follows and keeps what it shares.
        for _ in 0..<shown.count { state.apply(.selection(.cycle(backwards: false))) }
        let moved = try entriesInTitle(renderer.render(state).text)
        #expect(moved.upperBound > shown.upperBound)
        #expect(renderer.data?.gradientCheck?.offsets == (moved.lowerBound - 1)..<moved.upperBound)
    }

    @Test("a slow gradient check shows its progress, goes on a slice a render, and closing it stops it")
    func gradientCheckInSlices() throws {
        var state = WideNetworks.xor(hidden: [2000])
        state.apply(.view(.toggleGradientCheck))
        var renderer = FrameRenderer(budget: .slices(1))
        let first = renderer.render(state).text
        let count = try entriesInTitle(first).count
        #expect(renderer.data?.gradientCheck?.estimatedCount == 1)
        #expect(renderer.hasUnfinishedWork)
        #expect(first.contains("checking 1 of \(count)"), "\(first)")
        _ = renderer.render(state)
        #expect(renderer.data?.gradientCheck?.estimatedCount == 2)
        // `c` again: the pane closes and nothing more is computed.
        state.apply(.view(.toggleGradientCheck))
        let closed = renderer.render(state).text
        #expect(!renderer.hasUnfinishedWork)
        #expect(renderer.data?.gradientCheck == nil)
        #expect(!closed.contains("Gradient check") && !closed.contains("checking"))
        // Opened again and rendered to the end, it matches a frame made in one go.
        state.apply(.view(.toggleGradientCheck))
        var renders = 0
        repeat {
            _ = renderer.render(state)
            renders += 1
        } while renderer.hasUnfinishedWork && renders < 1000
        #expect(renders == count)
        #expect(renderer.render(state).text == Frame.render(state).text)
    }

    @Test("a step while the check is under way starts it again for the new state")
    func aStepRestartsTheCheck() throws {
        var state = WideNetworks.xor(hidden: [2000])
        state.apply(.view(.toggleGradientCheck))
        var renderer = FrameRenderer(budget: .slices(2))
        _ = renderer.render(state)
        #expect(renderer.data?.gradientCheck?.estimatedCount == 2)
        state.apply(.training(.step))
        _ = renderer.render(state)
        #expect(renderer.data?.gradientCheck?.estimatedCount == 2, "the old state's estimates are dropped")
        let made = try #require(renderer.data?.gradientCheck)
        let fresh = FiniteDifference(at: state.trainer, offsets: made.offsets)
        var expected = fresh
        expected.estimateNext(at: state.trainer)
        expected.estimateNext(at: state.trainer)
        #expect(
            made.estimate(atOffset: made.offsets.lowerBound) == expected.estimate(atOffset: made.offsets.lowerBound))
    }

    @Test("the lr preview tries a rate a slice, says how far it got, and stops when closed")
    func learningRatePreviewInSlices() {
        var state = WideNetworks.xor(hidden: [2000])
        state.apply(.view(.toggleLearningRatePreview))
        var renderer = FrameRenderer(budget: .slices(1))
        let first = renderer.render(state).text
        #expect(renderer.data?.learningRatePreview?.entries.count == 1)
        #expect(first.contains("trying 1 of 10 rates"), "\(first)")
        #expect(renderer.hasUnfinishedWork)
        state.apply(.view(.toggleLearningRatePreview))
        _ = renderer.render(state)
        #expect(!renderer.hasUnfinishedWork && renderer.data?.learningRatePreview == nil)
    }

    @Test("a frame made in one go stops its estimates at a bounded work and says how far they got")
    func finishedFramesAreBounded() throws {
        var state = WideNetworks.xor(hidden: [2000])
        state.apply(.view(.toggleGradientCheck))
        // Three estimates' work: two passes over 4 samples of 8,001 parameters each.
        let pass = 4 * 8001
        var renderer = FrameRenderer(budget: .work(3 * 2 * pass))
        let text = renderer.render(state).text
        let shown = try entriesInTitle(text).count
        #expect(renderer.data?.gradientCheck?.estimatedCount == 3)
        #expect(text.contains("checking 3 of \(shown)"), "\(text)")
        // `Frame.render`, which `--snapshot` draws with, finishes this one.
        #expect(shown * 2 * pass <= Frame.finishingWork)
        #expect(!Frame.render(state).text.contains("checking"))
    }
}

extension LargeNetworkFrameTests {
    @Test("the plane's values are kept while the network is the same: moving the selection reuses them")
    func planeKeptAcrossViewKeys() throws {
        var state = WideNetworks.xor(hidden: [3], size: Size(width: 120, height: 40))
        var renderer = FrameRenderer()
        let first = renderer.render(state)
        let kept = try #require(renderer.data?.plane)
        #expect(!kept.grid.isCoarse)
        // The very values the pane computes for itself.
        let direct = state.trainer.network.predictions(
            for: PlaneAxes(around: state.trainer.scenario.inputs).grid(columns: kept.grid.columns, rows: kept.grid.rows)
        )
        #expect(kept.values == direct)
        state.apply(.selection(.move(.down)))
        _ = renderer.render(state)
        #expect(renderer.data?.plane?.values == kept.values)
        state.apply(.training(.step))
        let stepped = renderer.render(state)
        #expect(renderer.data?.plane?.values != kept.values, "a step paints the new network")
        #expect(stepped.text == Frame.render(state).text && first.text != stepped.text)
        // Laid out once, before the plane was made: the same frame as one laid out afresh.
        state.apply(.view(.toggleGradientCheck))
        let both = renderer.render(state)
        #expect(both.text.contains("Gradient check") && both.text.contains("Input plane"))
        let data = try #require(renderer.data)
        #expect(both == Frame.render(state, size: state.size, data: data))
    }
}

extension LargeNetworkFrameTests {
    @Test("a hidden neuron's error from a layer of 5,000 writes the terms that fit and counts the rest")
    func errorSentBackFromAWideLayer() throws {
        var state = WideNetworks.xor(hidden: [3, 5000])
        state.selection = .weight(layer: 0, row: 0, column: 1)
        let text = Frame.render(state).text
        let line = try #require(text.split(separator: "\n").first { $0.contains("e¹2 = Σk") }, "\(text)")
        let more = try #require(line.firstMatch(of: #/…(\d+) more = /#))
        let hidden = try #require(Int(more.output.1))
        let shown = line.split(separator: " + ").count - 1
        #expect(hidden + shown == 5000, "\(line)")
        #expect(shown >= 1)
    }
}

extension LargeNetworkFrameTests {
    @Test("the plane's place, found before the layout, is the one the layout gives it")
    func planeAreaBeforeTheLayout() throws {
        for (width, height) in [
            (80, 24), (104, 30), (119, 40), (120, 39), (120, 40), (200, 60), (300, 80), (1000, 1000),
        ] {
            for choice in [nil, true, false] as [Bool?] {
                var state = AppState(
                    scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden",
                    size: Size(width: width, height: height))
                state.planeChoice = choice
                let request = state.planeRequest
                let frame = FrameInput(state: state, data: FrameData(for: state), rows: height)
                let pane = try #require(PlanePane.pane(for: frame))
                let early = Layout.planeArea(for: state.size, request: request, pane: pane, glyphs: frame.glyphs)
                guard case .panes(let panes) = Layout.make(for: state.size, content: Frame.content(of: frame)) else {
                    Issue.record("\(width)x\(height) fits")
                    continue
                }
                #expect(early == panes.plane, "\(width)x\(height) \(request)")
            }
        }
    }
}
