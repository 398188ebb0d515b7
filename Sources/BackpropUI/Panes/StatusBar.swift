import BackpropCore
import Foundation

/// The reverse-video line near the bottom: step, cost (exactly 10 significant digits, or in full
/// on wide terminals), learning rate, optimizer, the quiz's score once a question is answered,
/// running or paused, and speed. On a line too
/// narrow for all of them the last parts go first (speed, then running or paused), never half a
/// number. In a race the cost is each runner's, named by its optimizer, lane order (the run on
/// screen first, so the optimizer's own part is left out), in the legend's 4 digits; short names
/// when the full ones would push a runner off the line.
struct StatusBar: Pane {
    let stepCount: Int
    let cost: Double
    let learningRate: Double
    let optimizer: OptimizerName
    /// "running", "paused" or "DIVERGED".
    let activity: String
    let speed: RunSpeed
    let showsFullCost: Bool
    /// The runners of a race, the run on screen first; empty without a race.
    var runners: [RaceRunner] = []
    /// The quiz's answers so far, once there is one; `nil` before the first.
    var score: QuizScore? = nil
    /// Where the next step falls, when a step uses fewer than every training sample.
    var batch: BatchPosition? = nil
    /// The penalty in force and its value for the current weights, written beside C.
    var penalty: Penalty = .none
    var penaltyValue: Double = 0
    /// With a split: the training and the test cost per sample (`Loss.costPerSample`), which
    /// compare where C and the test C, sums over sets of different sizes, do not.
    var perSample: (training: Double, test: Double)? = nil
    /// Test samples right and held out, when the targets are classes and some are held out.
    var testRight: (right: Int, count: Int)? = nil
    /// The frame's number rule, for the penalty and the costs per sample (C keeps its 10 digits).
    var number = Layout.narrowNumber

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let bar = Style(reverse: true)
        canvas.fill(x: area.x, y: area.y, width: area.width, height: 1, with: Cell(" ", style: bar))
        canvas.put(
            text(width: area.width, ellipsis: context.glyphs.ellipsis, separator: context.glyphs.separator), x: area.x,
            y: area.y, style: bar, clip: area)
    }

    /// The line for `width` columns; `separator` joins the step to its epoch and batch
    /// (` · `, ` | ` in ASCII).
    func text(width: Int, ellipsis: String, separator: String = " · ") -> String {
        var step = "step \(stepCount)"
        if let batch { step += "\(separator)epoch \(batch.epoch)\(separator)batch \(batch.batch)/\(batch.batches)" }
        var rest = (score.map { ["score \($0.text)"] } ?? []) + [activity, "speed \(speed)"]
        if let testRight { rest.insert("test \(testRight.right)/\(testRight.count) right", at: 0) }
        guard runners.count > 1 else {
            // The penalty goes with C, as the optimizer minimises their sum; the test cost
            // right after, so a class compares the two.
            var cost = "C \(costText)"
            if penalty.isActive {
                // Beside C's digits, with the padding that keeps the bar still moved after it.
                let digits = String(costText.reversed().drop { $0 == " " }.reversed())
                let padding = String(repeating: " ", count: costText.count - digits.count)
                cost = "C \(digits) + \(penalty.name.uppercased()) \(number.compact(penaltyValue))\(padding)"
            }
            let test =
                perSample.map { ["C/N train \(number.compact($0.training)) test \(number.compact($0.test))"] } ?? []
            let parts =
                [step, cost] + test + ["lr \(DecimalNumber.text(learningRate))", optimizer.rawValue] + rest
            return " " + LineFit.parts(parts, separator: "  ", width: width - 1, ellipsis: ellipsis)
        }
        func costs(short: Bool) -> [String] {
            runners.map { "\(short ? $0.name.abbreviation : $0.name.rawValue) \($0.costText)" }
        }
        let full = [step] + costs(short: false)
        let leading = DisplayWidth.of(full.joined(separator: "  ")) <= width - 1 ? full : [step] + costs(short: true)
        let parts = leading + ["lr \(DecimalNumber.text(learningRate))"] + rest
        return " " + LineFit.parts(parts, separator: "  ", width: width - 1, ellipsis: ellipsis)
    }

    /// Columns the full cost takes on a wide bar: the longest shortest-round-trip form of a
    /// non-negative double ("2.2250738585072014e-308"), so the rest of the bar never jumps.
    static let fullCostWidth = 23

    /// Exactly 10 significant digits, trailing zeros kept ("1.224520590", "2.000000000"): the
    /// bar is where a class reads a cost that still moves in its 8th digit, so it keeps more
    /// digits than the panes' rule. Exponent form below 1e-4 and from 1e10, with the short
    /// exponent every number has ("3.871156828e17"); on a wide bar every digit the double holds,
    /// when 10 are not all of them, padded to one width. NaN and inf by name.
    var costText: String { StatusBar.costText(cost, showsFullCost: showsFullCost) }

    /// `cost` as the bar writes it, on a bar wide enough for every digit or not.
    static func costText(_ cost: Double, showsFullCost: Bool) -> String {
        guard cost.isFinite else { return DecimalNumber.text(cost) }
        let tenDigits = DecimalNumber.shortExponent(String(format: "%#.10g", cost))
        guard showsFullCost else { return tenDigits }
        let full = Double(tenDigits) == cost ? tenDigits : DecimalNumber.text(cost)
        return full.padding(toLength: max(full.count, fullCostWidth), withPad: " ", startingAt: 0)
    }
}
