import BackpropCore
import Testing

@testable import BackpropUI

/// The Landscape pane on screen: golden frames, the shading ordered as the true costs are, and
/// the current point in the cell of the current weights.
@Suite("the Landscape pane")
struct LandscapePaneTests {
    /// `preset` after `steps` steps with the landscape open, on a terminal of `size`.
    static func state(_ preset: Preset, steps: Int, size: Size, options: RenderOptions = RenderOptions()) -> AppState {
        var state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue, options: options, size: size)
        state.apply(.landscape(.toggle))
        for _ in 0..<steps { state.apply(.training(.step)) }
        return state
    }

    /// The plot rectangle of the Landscape pane in `state`'s frame, and the number format.
    static func plot(of state: AppState) throws -> Rect {
        let made = Frame.layout(state, size: state.size, data: FrameData(for: state))
        guard case .panes(let panes) = made.layout else { throw PlotMissing() }
        for (placed, area) in zip(made.panes, panes.areas(of: made.panes)) {
            if let pane = placed.pane as? LandscapePane,
                let plot = LandscapePane.plot(
                    in: area, labelWidth: LandscapePane.labelWidth(number: panes.number, yName: pane.yName))
            {
                return plot
            }
        }
        throw PlotMissing()
    }
    struct PlotMissing: Error {}

    @Test(
        "golden frames: the seed after S and three steps, and the spiral with S",
        arguments: [
            ("landscape-seed-step3-80x24", Preset.seed, 3, Size(width: 80, height: 24)),
            ("landscape-seed-step3-120x40", .seed, 3, Size(width: 120, height: 40)),
            ("landscape-spiral-80x24", .spiral, 0, Size(width: 80, height: 24)),
            ("landscape-spiral-120x40", .spiral, 0, Size(width: 120, height: 40)),
        ])
    func golden(name: String, preset: Preset, steps: Int, size: Size) {
        let canvas = Frame.render(Self.state(preset, steps: steps, size: size))
        // However narrow, the title says the picture is a slice of the state at this step.
        #expect(canvas.text.contains("lice at step \(steps)") || canvas.text.contains("Slice C("))
        GoldenFile.expectMatches(canvas, named: name)
    }

    @Test(
        "in ASCII the ramp's characters are ordered as the exact costs of their cells, and X is where the weights are",
        arguments: [(Preset.seed, 12, Size(width: 80, height: 24)), (.spiral, 30, Size(width: 120, height: 40))])
    func shadingFollowsTheCosts(preset: Preset, steps: Int, size: Size) throws {
        let state = Self.state(preset, steps: steps, size: size, options: RenderOptions(ascii: true))
        let canvas = Frame.render(state)
        let plot = try Self.plot(of: state)
        let (x, y) = (state.selection, state.landscape.partner)
        let window = DescentPath(of: x, y, to: state.trainer, along: state.trail).window()
        var grid = Landscape(x: x, y: y, window: window, columns: plot.width, rows: plot.height)
        grid.finish(with: state.trainer)
        let ramp = Array(" .:-=+*#%@")
        var shaded: [(cost: Double, level: Int)] = []
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                let character = canvas[plot.x + column, plot.maxY - 1 - row].character
                guard let level = ramp.firstIndex(of: character) else { continue }
                shaded.append((grid.cost(column: column, row: row), level))
            }
        }
        #expect(shaded.count > plot.width * plot.height / 2)
        #expect(Set(shaded.map(\.level)).count >= 5, "the picture uses the ramp")
        let sorted = shaded.sorted { $0.cost < $1.cost }
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.level <= $1.level }, "a higher cost is never lighter")
        let span = (window.x.upperBound - window.x.lowerBound, window.y.upperBound - window.y.lowerBound)
        let column = Int((state.trainer.network[x] - window.x.lowerBound) / span.0 * Double(plot.width))
        let rowFromBottom = Int((state.trainer.network[y] - window.y.lowerBound) / span.1 * Double(plot.height))
        #expect(canvas[plot.x + column, plot.maxY - 1 - rowFromBottom].character == "X")
        #expect(canvas.text.filter { $0 == "X" }.count >= 1)
    }

    @Test(
        "a renderer makes the grid a row at a time, says so, and keeps a finished grid for keys that change no number")
    func rowsAtATime() {
        var state = Self.state(.spiral, steps: 2, size: Size(width: 120, height: 40))
        var renderer = FrameRenderer(budget: .slices(3))
        let first = renderer.render(state)
        #expect(renderer.hasUnfinishedWork)
        #expect(first.text.contains("making"))
        var frames = 0
        while renderer.hasUnfinishedWork, frames < 100 {
            _ = renderer.render(state)
            frames += 1
        }
        #expect(!renderer.hasUnfinishedWork)
        let finished = renderer.render(state)
        #expect(!finished.text.contains("making"))
        state.apply(.view(.toggleHelp))
        state.apply(.view(.toggleHelp))
        _ = renderer.render(state)
        #expect(!renderer.hasUnfinishedWork, "help changes no number: the grid is kept")
        // A new state: the last finished grid is drawn while the new one is made.
        state.apply(.training(.step))
        let during = renderer.render(state)
        #expect(renderer.hasUnfinishedWork)
        #expect(!during.text.contains("making"), "no half-made picture while a finished one of the same window exists")
    }
}

/// The Landscape pane while training runs, and at the edges of what it can draw.
@Suite("the Landscape pane while running, and its limits")
struct LandscapeRunningTests {
    @Test("a run whose state changes every frame still finishes whole pictures, a few frames apart")
    func runningFinishesPictures() {
        var state = LandscapePaneTests.state(.spiral, steps: 0, size: Size(width: 120, height: 40))
        // Eight rows a frame, whatever the machine: the grid has more, so no frame finishes one.
        var renderer = FrameRenderer(budget: .slices(8))
        var pictures = 0
        var lastPicture: Landscape?
        for _ in 0..<60 {
            state.apply(.training(.advance(steps: 200)))
            let frame = renderer.render(state)
            let newest = renderer.data?.landscapeGrids?.finished
            if newest != nil, newest != lastPicture { pictures += 1 }
            if lastPicture != nil { #expect(!frame.text.contains("making"), "a finished picture stays drawn") }
            lastPicture = newest ?? lastPicture
        }
        // Restarting the grid at every new state would finish none (the design this replaced).
        #expect(pictures >= 5, "\(pictures) pictures in 60 frames")
    }

    @Test("a network whose cells are too much work between frames gets the path and a line, and E says how to make it")
    func tooLargeSaysSo() throws {
        let scenario = try Preset.circle.scenario(seed: 1, features: nil, hidden: [300, 300])
        var state = AppState(scenario: scenario, scenarioName: "circle", size: Size(width: 120, height: 40))
        #expect(Landscape.cellWork(of: state.trainer) > Landscape.interactiveCellWork)
        state.apply(.landscape(.toggle))
        let text = Frame.render(state).text
        #expect(text.contains("too large to draw here:") && text.contains("--headless --landscape"), "\(text)")
        #expect(text.contains("no surface: too large") && !text.contains("making"), "\(text)")
        #expect(state.apply(.landscape(.export)).isEmpty)
        #expect(state.message?.text.hasSuffix("--headless --steps 0 --landscape L1_w1_1,L1_w1_2 makes it") == true)
        #expect(state.message?.kind == .error)
    }

    @Test(
        "with F open too, the landscape gets rows for a surface or none, never an empty box",
        arguments: [Size(width: 81, height: 25), Size(width: 85, height: 26), Size(width: 100, height: 30)])
    func sharedWithGradientFlow(size: Size) throws {
        var state = LandscapePaneTests.state(.spiral, steps: 3, size: size)
        state.apply(.view(.toggleGradientFlow))
        let plot = try LandscapePaneTests.plot(of: state)
        #expect(plot.height >= LandscapePane.minimumHeight - LandscapePane.rowsBesidePlot)
        #expect(Frame.render(state).text.contains("C low"))
    }

    @Test("a frame answering a key makes one row of the landscape, not the budget's, and the next frames go on")
    func answeringFrameIsQuick() {
        let state = LandscapePaneTests.state(.spiral, steps: 0, size: Size(width: 120, height: 40))
        var renderer = FrameRenderer(budget: .unlimited)
        _ = renderer.render(state, answering: true)
        #expect(renderer.hasUnfinishedWork)
        #expect(renderer.data?.landscapeGrids?.making.rowsMade == 1)
        _ = renderer.render(state)
        #expect(!renderer.hasUnfinishedWork)
    }
}
