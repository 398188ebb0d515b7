import BackpropCore

/// "Which bug?", the question `t` asks first in a bug hunt (`--bug`): the six bugs listed by
/// number, and once answered the verdict with the line of maths the program got wrong beside
/// the right one.
extension QuizPane {
    /// The question and the numbered list of bugs: one a line with what it does when there are
    /// rows for that, else the names side by side.
    func whichBugLines(width: Int, rows: Int, context: PaneContext) -> [InspectorPane.Line] {
        let glyphs = context.glyphs
        let bugs = PlantedBug.allCases.enumerated()
        var lines = [
            line(
                [
                    "Which bug is planted in this backprop? Type its number or its name, then Enter.",
                    "Which bug is planted? Type its number or name.", "Which bug? Number or name.",
                ], width: width, glyphs: glyphs, style: Style(bold: true))
        ]
        let listed = PlantedBug.allCases.count
        if rows >= listed + 2 {
            lines += bugs.map { k, bug in
                line(
                    ["\(k + 1) \(bug.rawValue): \(bug.summary)", "\(k + 1) \(bug.rawValue)"], width: width,
                    glyphs: glyphs)
            }
            lines.append(
                line(
                    [
                        "Clue: c compares backprop with finite differences of C and names the layers that disagree.",
                        "Clue: c shows the layers that disagree.",
                    ], width: width, glyphs: glyphs, style: Style(dim: true)))
        } else {
            // Short of rows: the names in as few lines as the width allows.
            var current = ""
            for (k, bug) in bugs {
                let item = "\(k + 1) \(bug.rawValue)"
                if !current.isEmpty && DisplayWidth.of(current) + 2 + DisplayWidth.of(item) > width {
                    lines.append(InspectorPane.Line(text: current))
                    current = item
                } else {
                    current += current.isEmpty ? item : "  " + item
                }
            }
            lines.append(InspectorPane.Line(text: current))
        }
        return lines
    }

    /// The verdict on "which bug?": right or wrong and the bug's name, then the program's wrong
    /// line of maths beside the right one, and where the gradient check shows it.
    func bugVerdictLines(_ verdict: QuizVerdict, bug: PlantedBug, width: Int, context: PaneContext)
        -> [InspectorPane.Line]
    {
        let glyphs = context.glyphs
        let style = verdict.isRight ? Style(foreground: .green, bold: true) : Style(foreground: .red, bold: true)
        let said: String
        if case .bug(let guess) = verdict.answer { said = guess.rawValue } else { said = "?" }
        let head =
            verdict.isRight
            ? ["right: the bug is \(bug.rawValue), \(bug.summary)", "right: the bug is \(bug.rawValue)"]
            : [
                "wrong: you said \(said); the bug is \(bug.rawValue), \(bug.summary)",
                "wrong: you said \(said); the bug is \(bug.rawValue)", "wrong: the bug is \(bug.rawValue)",
            ]
        let layers = brokenLayers.map { String($0 + 1) }
        let named =
            layers.count == 1
            ? "layer \(layers[0])" : "layers \(layers.dropLast().joined(separator: ", ")) and \(layers.last ?? "")"
        let where_ =
            layers.isEmpty
            ? []
            : [
                line(
                    [
                        "c shows it in \(named): a wrong e or δ reaches every layer below it",
                        "c shows it in \(named)",
                    ], width: width, glyphs: glyphs, style: Style(dim: true))
            ]
        return [
            line(head, width: width, glyphs: glyphs, style: style),
            line(
                [
                    "the program: \(QuizPane.spelledMaths(bug.wrongLine, glyphs))",
                    QuizPane.spelledMaths(bug.wrongLine, glyphs),
                ],
                width: width, glyphs: glyphs, style: Style(foreground: .red)),
            line(
                [
                    "right:       \(QuizPane.spelledMaths(bug.rightLine, glyphs))",
                    QuizPane.spelledMaths(bug.rightLine, glyphs),
                ],
                width: width, glyphs: glyphs, style: Style(foreground: .green)),
        ] + where_
    }

    /// A bug's line of maths in the frame's glyphs: the layer marks, which `Glyphs.spelled` leaves
    /// alone, written out in ASCII first (ᴸ⁻¹ as ^(L-1)).
    static func spelledMaths(_ text: String, _ glyphs: Glyphs) -> String {
        guard glyphs.isASCII else { return text }
        var result = text
        let pairs = [
            ("ᴸ⁻¹", "^(L-1)"), ("ˡ⁻¹", "^(l-1)"), ("ˡ⁺¹", "^(l+1)"), ("ᴸ", "^L"), ("ˡ", "^l"), ("⊙", "*"),
            ("×", "x"),
        ]
        for (unicode, ascii) in pairs { result = result.replacingOccurrences(of: unicode, with: ascii) }
        return result
    }
}
