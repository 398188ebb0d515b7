import BackpropCore
import Testing

@testable import BackpropUI

/// The cost pane alone, drawn into a canvas of its own size.
///
/// Every pane here is drawn at (0, 0) with 8-column numbers, so the y labels take columns 1-10
/// (inside the box, 8 digits and a space either side), the y axis is column 11 and the plot
/// starts at column 12 and ends one column before the right border: a pane `w` wide has a
/// plot `w - 14` cells wide. A pane of fewer than 10 inner rows gives every inner row to the
/// plot (the step range goes in the bottom border), so a pane `h` high has a plot `h - 2` high.
///
/// Braille cells hold 2 x 4 dots. Dot rows are counted from the bottom of the plot (0) up; the
/// bits of a cell, from U+2800, are
///
///     left column   right column
///     0x01          0x08           top dot row of the cell
///     0x02          0x10
///     0x04          0x20
///     0x40          0x80           bottom dot row of the cell
@Suite struct CostPaneTests {
    private let plotX = 12
    private let plotY = 1

    private func render(
        _ costs: [Double], size: Size, scale: CostScale = .linear, glyphs: Glyphs = .unicode
    ) -> Canvas {
        var curve = CostCurve()
        for (step, cost) in costs.enumerated() { curve.record(step: step, cost: cost) }
        return render(curve, size: size, scale: scale, glyphs: glyphs)
    }

    private func render(
        _ curve: CostCurve, size: Size, scale: CostScale = .linear, glyphs: Glyphs = .unicode
    ) -> Canvas {
        var canvas = Canvas(size: size)
        let context = PaneContext(
            glyphs: glyphs, number: NumberFormat(width: 8, decimals: 4),
            selection: .weight(layer: 0, row: 0, column: 0), sample: 0, walkPhase: nil)
        CostPane(curve: curve, scale: scale).draw(
            on: &canvas, in: Rect(x: 0, y: 0, width: size.width, height: size.height), context: context)
        return canvas
    }

    /// The plot cell at column `x`, row `y` of the plot (0, 0 top left).
    private func cell(_ canvas: Canvas, _ x: Int, _ y: Int) -> Character {
        canvas[plotX + x, plotY + y].character
    }

    private func braille(_ bits: UInt32) -> Character {
        Character(Unicode.Scalar(0x2800 + bits)!)
    }

    private func line(_ canvas: Canvas, _ row: Int) -> String {
        String(canvas.text.split(separator: "\n", omittingEmptySubsequences: false)[row])
    }

    /// The dots of a braille plot `width` x `height` cells: `dots[column]` holds the dot rows
    /// (0 at the bottom) that are on in that dot column.
    private func dots(_ canvas: Canvas, width: Int, height: Int) -> [[Int]] {
        let left: [UInt32] = [0x01, 0x02, 0x04, 0x40]
        let right: [UInt32] = [0x08, 0x10, 0x20, 0x80]
        var columns = Array(repeating: [Int](), count: 2 * width)
        for x in 0..<width {
            for y in 0..<height {
                let scalar = cell(canvas, x, y).unicodeScalars.first!.value
                let bits = scalar >= 0x2800 && scalar <= 0x28FF ? scalar - 0x2800 : 0
                for k in 0..<4 {
                    let row = (height - 1 - y) * 4 + (3 - k)
                    if bits & left[k] != 0 { columns[2 * x].append(row) }
                    if bits & right[k] != 0 { columns[2 * x + 1].append(row) }
                }
            }
        }
        return columns.map { $0.sorted() }
    }

    @Test func fallingCostInAShortRunFallsLeftToRight() {
        // A 16 x 4 pane: a plot of 2 x 2 cells, 4 dot columns x 8 dot rows. Four steps in four
        // dot columns: step s in column s. Linear axis from 0 to 8, so cost c is in dot row
        // min(7, c): 8 -> 7, 6 -> 6, 4 -> 4, 2 -> 2. Joined to the column before: column 2
        // reaches up to row 5 (next to 6), column 3 up to row 3.
        //   cell (0, top, dot rows 4-7): left row 7 = 0x01, right row 6 = 0x10 -> 0x11
        //   cell (1, top):               left rows 5, 4 = 0x04 | 0x40 -> 0x44
        //   cell (1, bottom, rows 0-3):  right rows 3, 2 = 0x08 | 0x10 -> 0x18
        //   cell (0, bottom):            nothing
        let canvas = render([8, 6, 4, 2], size: Size(width: 16, height: 4))
        #expect(cell(canvas, 0, 0) == braille(0x11))
        #expect(cell(canvas, 1, 0) == braille(0x44))
        #expect(cell(canvas, 1, 1) == braille(0x18))
        #expect(cell(canvas, 0, 1) == " ")
    }

    @Test func fallingCostInALongRunGivesEachColumnItsShareFromLowestToHighest() {
        // Sixteen steps, costs 15, 14, ... 0, in four dot columns of 8 dot rows: column c holds
        // steps 4c ..< 4c + 4. The axis runs from 0 to 15, so cost c is in dot row
        // Int(c / 15 * 8): column 0 (15 ... 12) rows 6-7, column 1 (11 ... 8) rows 4-5,
        // column 2 (7 ... 4) rows 2-3, column 3 (3 ... 0) rows 0-1.
        //   cell (0, top):    left rows 7, 6 = 0x01 | 0x02, right rows 5, 4 = 0x20 | 0x80 -> 0xA3
        //   cell (1, bottom): the same pattern one cell lower and to the right -> 0xA3
        let costs = (0..<16).map { Double(15 - $0) }
        let canvas = render(costs, size: Size(width: 16, height: 4))
        #expect(cell(canvas, 0, 0) == braille(0xA3))
        #expect(cell(canvas, 1, 1) == braille(0xA3))
        #expect(cell(canvas, 1, 0) == " ")
        #expect(cell(canvas, 0, 1) == " ")
    }

    @Test func aLongFallingRunIsOneUnbrokenFallingLine() {
        // 1/(s+1) falls steeply, then slowly: every dot column has dots, its top dot is never
        // above the one before, and each column touches the one before (no gaps).
        let costs = (0..<5000).map { 1 / Double($0 + 1) }
        let canvas = render(costs, size: Size(width: 60, height: 11))
        let columns = dots(canvas, width: 46, height: 9)
        #expect(columns.allSatisfy { !$0.isEmpty })
        #expect(columns[0].last == 35, "the first step is the largest cost: the top dot row")
        #expect(columns.last?.first == 0, "the last steps are the smallest: the bottom dot row")
        for x in 1..<columns.count {
            #expect(columns[x].last! <= columns[x - 1].last!, "column \(x) rose")
            #expect(columns[x].last! >= columns[x - 1].first! - 1, "gap before column \(x)")
        }
    }

    @Test func anOscillatingRunShowsItsEnvelope() {
        // Costs alternate 0 and 1 for 1000 steps: every share of the steps holds both, so every
        // dot column spans the whole height.
        let costs = (0..<1000).map { Double($0 % 2) }
        let canvas = render(costs, size: Size(width: 30, height: 7))
        let columns = dots(canvas, width: 16, height: 5)
        #expect(columns.allSatisfy { $0 == Array(0..<20) })
    }

    @Test func theStepAxisEndsAtTheStepReached() {
        // Five steps (0 to 4) in a plot 66 cells wide: the last label is 4, not the width.
        let costs = [5.0, 4, 3, 2, 1]
        // A short pane (7 rows, 5 inner): the range sits in the bottom border, 0 under the
        // first plot column, the last step ending in the last.
        let short = render(costs, size: Size(width: 80, height: 7))
        let border = line(short, 6)
        #expect(border.hasSuffix("─ 4 ┘"))
        #expect(border.contains(" step "))
        #expect(short[plotX, 6].character == "0")
        #expect(short[plotX + 65, 6].character == "4")
        // A tall pane keeps an axis line and a row of labels inside.
        let tall = render(costs, size: Size(width: 80, height: 14))
        #expect(line(tall, 11).contains("└───"))
        let labels = line(tall, 12).split(separator: " ").map(String.init)
        #expect(labels == ["│", "0", "step", "4", "│"])
        #expect(tall[plotX + 65, 12].character == "4")
        #expect(line(tall, 13).hasPrefix("└───"))
    }

    @Test func aShortPaneGivesEveryInnerRowToTheCurve() {
        // The 80x24 layout's 7-row box: 5 rows of curve, labelled top, middle and bottom.
        let costs = (0..<200).map { 1 / Double($0 + 1) }
        let canvas = render(costs, size: Size(width: 80, height: 7))
        let columns = dots(canvas, width: 66, height: 5)
        #expect(columns[0].last == 19)
        #expect(columns.last?.first == 0)
        #expect(line(canvas, 1).hasPrefix("│   1.0000 ┤"))
        #expect(line(canvas, 3).hasPrefix("│   0.5000 ┤"))
        #expect(line(canvas, 5).hasPrefix("│   0.0000 ┤"))
        #expect(line(canvas, 6).hasSuffix(" 199 ┘"))
    }

    @Test func logScaleSpacesPowersOfTenEvenly() {
        // Costs 1, 0.1, 0.01, 0.001 in the 2 x 2 cell plot. log10 runs from -3 to 0, so
        // cost 10^-k is at fraction 1 - k/3 of 8 dot rows: rows 7, 5, 2, 0. Joined: column 1
        // reaches up to row 6, column 2 up to row 4, column 3 up to row 1.
        //   cell (0, top):    left row 7 = 0x01, right rows 6, 5 = 0x10 | 0x20 -> 0x31
        //   cell (1, top):    left row 4 = 0x40 -> 0x40
        //   cell (1, bottom): left rows 3, 2 = 0x01 | 0x02, right rows 1, 0 = 0x20 | 0x80 -> 0xA3
        let costs = [1, 0.1, 0.01, 0.001]
        let log = render(costs, size: Size(width: 16, height: 4), scale: .log)
        #expect(cell(log, 0, 0) == braille(0x31))
        #expect(cell(log, 1, 0) == braille(0x40))
        #expect(cell(log, 1, 1) == braille(0xA3))
        #expect(line(log, 0).contains("log"))
        #expect(line(log, 1).hasPrefix("│   1.0000 ┤"))
        #expect(line(log, 2).hasPrefix("│   0.0010 ┤"))
        // Linear, from 0 to 1: the last three are all in dot row 0 (column 1 reaches up to
        // row 6 to join the first).
        //   cell (1, bottom): left row 0 = 0x40, right row 0 = 0x80 -> 0xC0
        let linear = render(costs, size: Size(width: 16, height: 4), scale: .linear)
        #expect(cell(linear, 1, 1) == braille(0xC0))
        #expect(line(linear, 2).hasPrefix("│   0.0000 ┤"))
    }

    @Test func aConstantCostIsAFlatLine() {
        // Linear: the axis runs from 0 to the cost, so the line is the top dot row: dots 1 and
        // 4 (0x09) in every cell of the top row, nothing below.
        let canvas = render(Array(repeating: 0.5, count: 50), size: Size(width: 30, height: 7))
        for x in 0..<16 {
            #expect(cell(canvas, x, 0) == braille(0x09))
            for y in 1..<5 { #expect(cell(canvas, x, y) == " ") }
        }
        // Log: a range of one decade around the cost (here 1, so the sums are exact) puts it
        // half way up: dot row 10 of 0-19, the second dot row from the top of the middle cell
        // row (dot rows 8-11): dots 2 and 5, 0x02 | 0x10.
        let log = render(Array(repeating: 1, count: 50), size: Size(width: 30, height: 7), scale: .log)
        for x in 0..<16 { #expect(cell(log, x, 2) == braille(0x12)) }
    }

    @Test func asciiModeDrawsOnlySevenBitMarks() {
        // One dot column and four sub-rows a cell, in a 6 x 2 cell plot; six steps, one a
        // column, on 8 dot rows from 0 to 8: 8 -> row 7 (the top sub-row of the upper cell,
        // "'"), 6 -> row 6 ("-"), 4 -> row 4 joined up to 5 (the two lower sub-rows: "."),
        // 2 -> row 2 joined up to 3 (the two upper sub-rows of the lower cell: "-", the mark
        // nearer the middle), then two NaN columns left empty.
        var costs: [Double] = [8, 6, 4, 2]
        costs += Array(repeating: .nan, count: 2)
        let canvas = render(costs, size: Size(width: 20, height: 4), glyphs: .ascii)
        #expect(canvas.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect((0..<4).map { cell(canvas, $0, 0) } == ["'", "-", ".", " "])
        #expect((0..<4).map { cell(canvas, $0, 1) } == [" ", " ", " ", "-"])
        #expect(line(canvas, 3).hasSuffix("- 5 +"))
        // A long run, log scale, with a spike: still 7-bit.
        let long = (0..<3000).map { $0 == 1500 ? 40 : 1 / Double($0 + 1) }
        let wide = render(long, size: Size(width: 80, height: 14), scale: .log, glyphs: .ascii)
        #expect(wide.text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func costsThatTurnNaNAreLeftOutAndTheAxisStillEndsAtTheStepReached() {
        // Six steps in six dot columns (a 3 x 2 cell plot): 4, 3, 2, 1, then NaN and inf.
        // Columns 4 and 5, the third cell column, stay empty; the axis still ends at step 5.
        let costs = [4, 3, 2, 1, Double.nan, .infinity]
        let canvas = render(costs, size: Size(width: 17, height: 4))
        #expect(cell(canvas, 2, 0) == " ")
        #expect(cell(canvas, 2, 1) == " ")
        let columns = dots(canvas, width: 3, height: 2)
        #expect(columns[0].last == 7)
        #expect(columns[3].first == 2)
        #expect(columns[4].isEmpty && columns[5].isEmpty)
        #expect(line(canvas, 3).hasSuffix(" 5 ┘"))
        // A NaN in the middle: the line stops and starts again, not joined across it.
        let gap = render([4, 4, .nan, 1, 1, 1], size: Size(width: 17, height: 4))
        let gapColumns = dots(gap, width: 3, height: 2)
        #expect(gapColumns[2].isEmpty)
        #expect(gapColumns[3] == [2])
        // Nothing finite at all: the pane says so.
        let none = render([Double.nan], size: Size(width: 40, height: 5))
        #expect(none.text.contains("no finite cost to draw"))
    }
}
