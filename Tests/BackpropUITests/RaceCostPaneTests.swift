import BackpropCore
import Testing

@testable import BackpropUI

/// The cost pane of a race, alone: the legend, the rivals' markers on runner 1's x axis, the
/// shared y range, and what a late start or a divergence leaves out.
///
/// As in `CostPaneTests`, panes are drawn at (0, 0) with 8-column numbers: the plot starts at
/// column 12 and ends one column before the right border. A race's legend takes the first inner
/// row (from column 2) of a pane with at least 4 inner rows, so the plot starts at row 2.
@Suite struct RaceCostPaneTests {
    private let plotX = 12

    /// A runner in `lane` under `name`, whose curve holds `costs` from step `start` on. Its
    /// trainer is the seed's at step 0 (the legend shows its cost, 1.556).
    private func runner(_ name: OptimizerName, lane: Int, costs: [Double], from start: Int = 0) -> RaceRunner {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        if name != .sgd { trainer.setOptimizer(Optimizer.sgd.named(name)) }
        var curve = CostCurve()
        for (offset, cost) in costs.enumerated() { curve.record(step: start + offset, cost: cost) }
        return RaceRunner(trainer: trainer, costCurve: curve, lane: lane)
    }

    private func render(
        _ runners: [RaceRunner], size: Size, scale: CostScale = .linear, glyphs: Glyphs = .unicode
    ) -> Canvas {
        var canvas = Canvas(size: size)
        let context = PaneContext(
            glyphs: glyphs, number: NumberFormat(width: 8, decimals: 4),
            selection: .weight(layer: 0, row: 0, column: 0), sample: 0, walkPhase: nil)
        CostPane(curve: runners[0].costCurve, scale: scale, runners: runners).draw(
            on: &canvas, in: Rect(x: 0, y: 0, width: size.width, height: size.height), context: context)
        return canvas
    }

    private func line(_ canvas: Canvas, _ row: Int) -> String {
        String(canvas.text.split(separator: "\n", omittingEmptySubsequences: false)[row])
    }

    /// The plot rows (top first) of plot column `x` that hold `marker`.
    private func rows(of marker: Character, in canvas: Canvas, column x: Int, plotY: Int, height: Int) -> [Int] {
        (0..<height).filter { canvas[plotX + x, plotY + $0].character == marker }
    }

    @Test func theLegendNamesEachRunnersMarkOptimizerAndCostInItsColour() {
        let runners = [
            runner(.adam, lane: 0, costs: [4, 3, 2, 1]), runner(.sgd, lane: 1, costs: [4, 4, 3, 3]),
            runner(.momentum, lane: 2, costs: [4, 2, 1, 0]),
        ]
        let canvas = render(runners, size: Size(width: 60, height: 9))
        #expect(line(canvas, 0).hasPrefix("┌ Cost C (linear, g toggles) ─"))
        #expect(
            line(canvas, 1) == "│ ⠿ adam 1.556  o sgd 1.556  + momentum 1.556" + String(repeating: " ", count: 14) + "│"
        )
        #expect(canvas[2, 1].style == Style(foreground: .yellow, bold: true), "runner 1's mark, in the line's colour")
        #expect(canvas[16, 1].style == Style(foreground: .runner(1), bold: true))
        #expect(canvas[18, 1].style == Style(foreground: .runner(1)), "the name in the lane's colour")
        #expect(canvas[22, 1].style == .plain, "the cost plain")
        #expect(canvas[29, 1].style == Style(foreground: .runner(2), bold: true))
        #expect(line(canvas, 2).hasPrefix("│   4.0000 ┤"), "the plot starts under the legend")
    }

    @Test func narrowerLegendsShortenTheNamesThenLeaveOutTheCostsButNameEveryRunner() {
        let runners = [OptimizerName.sgd, .momentum, .nesterov, .rmsprop, .adam].enumerated().map {
            runner($0.element, lane: $0.offset, costs: [1, 0.5])
        }
        let wide = render(runners, size: Size(width: 80, height: 9))
        #expect(line(wide, 1).contains("⠿ sgd 1.556  o mom 1.556  + nest 1.556  x rms 1.556  * adam 1.556"))
        // 47 columns of legend and a blank before the border.
        let middle = render(runners, size: Size(width: 52, height: 9))
        #expect(line(middle, 1).contains("⠿ sgd  o momentum  + nesterov  x rmsprop  * adam"))
        let narrow = render(runners, size: Size(width: 36, height: 9))
        #expect(line(narrow, 1).contains("⠿ sgd o mom + nest x rms * adam"))
    }

    @Test func theRivalsMarkersFollowTheirCostsOnTheSharedAxis() {
        // A 26 x 9 pane: 12 plot columns, 6 plot rows (2 to 7). Twelve steps, one a column; the
        // y axis runs from 0 to 24, the rival's largest cost, far above runner 1's 0s.
        let first = runner(.sgd, lane: 0, costs: (0..<12).map { _ in 0 })
        let rival = runner(.adam, lane: 1, costs: (0..<12).map { Double(24 - $0) })
        let canvas = render([first, rival], size: Size(width: 26, height: 9))
        #expect(line(canvas, 2).hasPrefix("│  24.0000 ┤"), "the range covers the rival's costs")
        for column in 0..<12 {
            // Cost 24 - c in division Int((24 - c) / 24 * 6), counted from the bottom.
            let division = min(5, Int(Double(24 - column) / 24 * 6))
            #expect(
                rows(of: "o", in: canvas, column: column, plotY: 2, height: 6) == [5 - division],
                "column \(column)")
            #expect(canvas[plotX + column, 2 + 5 - division].style == Style(foreground: .runner(1)))
        }
    }

    @Test func aLateStarterHasNoMarksBeforeItsStartAndADivergedOneNoneAfterItsEnd() {
        // Runner 1 along the bottom, the others well above it (so no cell is shared).
        let first = runner(.sgd, lane: 0, costs: (0..<12).map { _ in 0 })
        let late = runner(.adam, lane: 1, costs: (6..<12).map { 24 - Double($0) }, from: 6)
        var diverged = runner(.momentum, lane: 2, costs: [24, 23, 22, .infinity])
        // Its trainer diverged too, as a rival's does when its curve ends in infinity: the
        // seed's data through a linear layer at lr 5 overshoots until the cost is infinite.
        var overshooting = Trainer(
            scenario: try! Scenario(
                inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
                weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], learningRate: 5, activation: .linear))
        overshooting.run(steps: 1000)
        overshooting.setOptimizer(Optimizer.sgd.named(.momentum))
        #expect(!overshooting.cost.isFinite)
        diverged.trainer = overshooting
        let canvas = render([first, late, diverged], size: Size(width: 60, height: 9))
        let columns = (0..<46).filter { !rows(of: "o", in: canvas, column: $0, plotY: 2, height: 6).isEmpty }
        #expect(columns.first == 6 * 45 / 11, "adam's marks start at step 6's column")
        #expect(columns.last == 45)
        let plus = (0..<46).filter { !rows(of: "+", in: canvas, column: $0, plotY: 2, height: 6).isEmpty }
        #expect(plus.last == 2 * 45 / 11, "momentum's marks end at its last finite cost, step 2")
        #expect(line(canvas, 1).contains("+ momentum diverged"))
    }

    @Test func runnersThatShareCellsTakeTurnsSoNoneHides() {
        // Three runners at the same cost all along: the line's row is shared by all three, and
        // its cells go line, o, +, line, o, + ... (by column plus row; the axis runs from 0 to
        // the cost, 1, so they share the top row, row 0).
        let costs = (0..<30).map { _ in 1.0 }
        let runners = [
            runner(.sgd, lane: 0, costs: costs), runner(.momentum, lane: 1, costs: costs),
            runner(.adam, lane: 2, costs: costs),
        ]
        let canvas = render(runners, size: Size(width: 26, height: 9))
        let row = Array(line(canvas, 2).dropFirst(plotX).prefix(12))
        for (column, character) in row.enumerated() {
            switch column % 3 {
            case 0: #expect(character.unicodeScalars.first!.value >= 0x2800, "column \(column): the line")
            case 1: #expect(character == "o", "column \(column)")
            default: #expect(character == "+", "column \(column)")
            }
        }
    }

    @Test func aShortPaneKeepsItsRowsForTheCurvesAndPutsTheLegendInTheTopBorder() {
        let runners = [runner(.sgd, lane: 0, costs: [2, 1]), runner(.adam, lane: 1, costs: [2, 0.5])]
        let canvas = render(runners, size: Size(width: 50, height: 5))
        #expect(line(canvas, 0) == "┌ ⠿ sgd 1.556  o adam 1.556 ─────────────────────┐")
        #expect(line(canvas, 1).hasPrefix("│   2.0000 ┤"), "every inner row is the plot's")
    }

    @Test func asciiAndLogScaleDrawTheSameMarksAndALegendInSevenBits() {
        let first = runner(.sgd, lane: 0, costs: (0..<40).map { 1 / Double($0 + 1) })
        let rival = runner(.adam, lane: 1, costs: (0..<40).map { 1 / Double($0 * $0 + 1) })
        let canvas = render([first, rival], size: Size(width: 60, height: 12), scale: .log, glyphs: .ascii)
        #expect(canvas.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(line(canvas, 0).contains("Cost C (log, g toggles)"))
        #expect(line(canvas, 1).hasPrefix("| - sgd 1.556  o adam 1.556 "))
        // On a log axis the rival's 1/(s² + 1) reaches the bottom row, 1/(s + 1) does not.
        let bottom = line(canvas, 8)
        #expect(bottom.contains("o"), "\(canvas.text)")
        #expect(!bottom.contains("_"), "runner 1's line ends above: \(canvas.text)")
    }
}
