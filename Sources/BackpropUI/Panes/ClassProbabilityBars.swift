import BackpropCore

/// The output probabilities ŷ of one sample as bars, one line a class, the class the network
/// picks (the largest ŷ) marked right or wrong against the label when there is one:
///
/// ```
///  0 ▏            0.0012
///  3 ██████████▋  0.8931 ◂ wrong
///  8 ██▏          0.1012 ◂ label
/// ```
///
/// The words say it all without colour; colour adds green for right and red for wrong. A tie
/// for the largest ŷ, or a NaN, picks no class (as `TargetClasses` counts it).
struct ClassProbabilityBars: Equatable, Sendable {
    /// ŷ_j for each class j.
    let probabilities: [Double]
    /// The sample's true class, when it has one (a drawn digit has none until it is labelled).
    let label: Int?
    /// Each class's name, as the data names it (`0` to `9` for digits).
    let names: [String]

    /// The class the network picks: the one largest ŷ; nil on a tie or a NaN (as the
    /// predictions and the Confusion pane read it).
    var predicted: Int? {
        ClassVerdicts.largest(of: probabilities)
    }

    /// Whether the picked class is the label (nil without a label).
    var isRight: Bool? {
        label.map { $0 == predicted }
    }

    /// Columns of the widest mark, ` ◂ picked`.
    static let markWidth = 9
    /// The fewest columns a bar gets.
    static let minimumBarWidth = 4

    /// The columns the lines take with bars of `barWidth` in the frame's number format.
    func width(barWidth: Int, number: NumberFormat) -> Int {
        nameWidth + 1 + barWidth + 1 + number.width + Self.markWidth
    }

    /// The rows the lines take: one a class.
    var height: Int { probabilities.count }

    private var nameWidth: Int { names.map { DisplayWidth.of($0) }.max() ?? 1 }

    /// Draws the lines into `area` from its top, the bars as wide as the room allows; classes
    /// beyond its height are left out (the caller sizes it). With `classes`, only those lines, in
    /// that order (a caller short of rows draws the classes in two columns); the pick is still
    /// the largest of them all.
    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext, classes: Range<Int>? = nil) {
        let glyphs = context.glyphs
        let number = context.number
        let barWidth = max(
            Self.minimumBarWidth, area.width - nameWidth - 2 - number.width - Self.markWidth)
        let picked = predicted
        let arrow = glyphs.isASCII ? "<" : "◂"
        for (line, j) in (classes ?? probabilities.indices).enumerated() where line < area.height {
            let (y, p) = (area.y + line, probabilities[j])
            let name = names.indices.contains(j) ? names[j] : "\(j)"
            var x = canvas.put(
                String(repeating: " ", count: nameWidth - DisplayWidth.of(name)) + name, x: area.x, y: y, clip: area)
            var mark = ""
            var style = Style.plain
            if j == picked {
                switch isRight {
                case true?:
                    (mark, style) = ("\(arrow) right", Style(foreground: .green, bold: true))
                case false?:
                    (mark, style) = ("\(arrow) wrong", Style(foreground: .red, bold: true))
                case nil:
                    (mark, style) = ("\(arrow) picked", Style(bold: true))
                }
            } else if j == label {
                (mark, style) = ("\(arrow) label", Style(foreground: .green))
            }
            x = canvas.put(
                Self.bar(p, width: barWidth, ascii: glyphs.isASCII), x: x + 1, y: y, style: style, clip: area)
            x = canvas.put(number.string(p), x: x + 1, y: y, style: style, clip: area)
            if !mark.isEmpty { canvas.put(" " + mark, x: x, y: y, style: style, clip: area) }
        }
    }

    /// A bar of `fraction` (0 to 1) of `width` columns, in eighths of a block (`#` in ASCII,
    /// whole columns), padded with blanks to `width`. Even a tiny non-zero share shows a sliver,
    /// so "almost nothing" and "nothing" differ.
    static func bar(_ fraction: Double, width: Int, ascii: Bool) -> String {
        let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        let eighths = Int((clamped * Double(width * 8)).rounded())
        var text: String
        if ascii {
            let columns = clamped > 0 ? max(1, (eighths + 4) / 8) : 0
            text = String(repeating: "#", count: min(columns, width))
        } else {
            let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
            text = String(repeating: "█", count: eighths / 8)
            let rest = eighths % 8
            if rest > 0 {
                text.append(partials[rest - 1])
            } else if eighths == 0 && clamped > 0 {
                text.append(partials[0])
            }
        }
        return text + String(repeating: " ", count: max(0, width - text.count))
    }
}
