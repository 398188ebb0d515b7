/// The bottom line: the lr, value, quiz answer or drawing's class prompt while typing one, else a
/// running export's progress (with the last message after it), else the last message, else what
/// the step walk is doing, else the drawing's keys while drawing, else the keys of the open
/// Confusion pane, else the key hint.
struct HintLine: Pane {
    /// The lr or value being typed, if any.
    let entry: TextEntry?
    /// The name of the selected parameter, for the value prompt.
    let selectionName: String
    /// Feedback from the last key, if it has any.
    let message: StatusMessage?
    /// How far the running export has got, if one runs.
    var task: TaskProgress? = nil
    /// Whether a drawing is open (`D`): its keys take the hint's place.
    var isDrawing = false
    /// A standing remark about the state when no message answers a key (a dead relu layer).
    var note: String? = nil
    /// What the walk's phase is doing, when a walk is going on.
    let walkExplanation: String?
    /// The key that turns the walk's form, said after its explanation when there is room:
    /// "M matrix form" or "M numbers".
    var walkKeyHint: String? = nil
    /// Whether the quiz's question is "will C fall?", which y and n answer too.
    var quizTakesYesOrNo = false
    /// Whether the quiz's question is "which bug?" (a bug hunt), answered by a bug's number or
    /// name, with no step taken.
    var quizTakesBugName = false
    /// Whether the Confusion pane is open, so the arrows move its cell: the line says so in
    /// place of the key hint.
    var confusionShown = false

    /// The keys of the open Confusion pane, longest first.
    static let confusionHints = [
        " Confusion: arrows move the cell (row y, the class; column ŷ, the class read)  < > walk its samples  K or Esc closes",
        " Confusion: arrows move the cell (row y, column ŷ)  < > walk its samples  K or Esc closes",
        " Confusion: arrows move the cell  < > walk its samples  K or Esc closes",
        " arrows move the cell  < > its samples  K/Esc close",
    ]

    /// The key hint, longest first: the first that fits the width is shown.
    static let hints = HintTier.allCases.map(KeyTable.hint)

    /// The drawing's keys, longest first: the keys `KeyMap` takes while drawing, then the
    /// table's keys that matter most beside them.
    static let drawingHints = [
        " arrows move  Space ink  . light  BS clear  Enter add  Esc leave  s step  r run  b back",
        " arrows move  Space ink  . light  BS clear  Enter add  Esc leave  s step  b back",
        " arrows move  Space ink  . light  Enter add  Esc leave",
    ]

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        if let entry {
            drawPrompt(entry, on: &canvas, in: area)
        } else if let task {
            drawProgress(task, on: &canvas, in: area, ellipsis: glyphs.ellipsis)
        } else if let message {
            let style = message.kind == .error ? Style(foreground: .red, bold: true) : Style(foreground: .green)
            // A long message loses its last words, and says so, rather than stopping mid-word.
            let text = LineFit.words(
                message.text(fitting: area.width), width: area.width - 1, ellipsis: glyphs.ellipsis)
            canvas.put(" " + text, x: area.x, y: area.y, style: style, clip: area)
        } else if let note {
            let text = LineFit.words(note, width: area.width - 1, ellipsis: glyphs.ellipsis)
            canvas.put(" " + text, x: area.x, y: area.y, style: Style(foreground: .yellow, bold: true), clip: area)
        } else if let walkExplanation {
            // Its clauses ("; ") are whole hints: the last ones go first, never half of one.
            let text = LineFit.parts(
                glyphs.spelled(walkExplanation).components(separatedBy: "; "), separator: "; ", width: area.width - 1,
                ellipsis: glyphs.ellipsis)
            let after = canvas.put(" " + text, x: area.x, y: area.y, style: Style(bold: true), clip: area)
            // The explanation comes first; the key only where it fits whole after it.
            if let walkKeyHint, after + 2 + DisplayWidth.of(walkKeyHint) <= area.x + area.width {
                canvas.put("  " + walkKeyHint, x: after, y: area.y, style: Style(dim: true), clip: area)
            }
        } else if isDrawing {
            let hint = HintLine.drawingHints.first { $0.count <= area.width } ?? HintLine.drawingHints.last!
            canvas.put(hint, x: area.x, y: area.y, style: Style(dim: true), clip: area)
        } else if confusionShown {
            // The arrows mean something else while it is open: said in bold, not the dim hint.
            let hints = HintLine.confusionHints.map(glyphs.spelled)
            let hint = hints.first { DisplayWidth.of($0) <= area.width } ?? hints[hints.count - 1]
            canvas.put(hint, x: area.x, y: area.y, style: Style(bold: true), clip: area)
        } else {
            let hint = HintLine.hints.first { $0.count <= area.width } ?? HintLine.hints.last!
            canvas.put(hint, x: area.x, y: area.y, style: Style(dim: true), clip: area)
        }
    }

    /// The task's progress in the longest wording that fits, then, while a key's message
    /// stands, as much of the message as fits after it: the progress must stay in sight
    /// (it says how Esc stops the task), and the key's answer must not be lost either.
    private func drawProgress(_ task: TaskProgress, on canvas: inout Canvas, in area: Rect, ellipsis: String) {
        let wordings = task.wordings(ellipsis: ellipsis)
        // With a message, the progress takes the shortest wording that still says Esc cancels.
        let candidates = message == nil ? wordings : Array(wordings.dropFirst())
        let progress = candidates.first { DisplayWidth.of($0) + 1 <= area.width } ?? wordings[wordings.count - 1]
        let after = canvas.put(
            " " + progress, x: area.x, y: area.y, style: Style(foreground: .cyan, bold: true), clip: area)
        guard let message else { return }
        let room = area.x + area.width - after - 2
        guard room > 0 else { return }
        let style = message.kind == .error ? Style(foreground: .red, bold: true) : Style(foreground: .green)
        let text = LineFit.words(message.text(fitting: room + 1), width: room, ellipsis: ellipsis)
        canvas.put("  " + text, x: after, y: area.y, style: style, clip: area)
    }

    /// The entry being typed: what it is for, the text with the cursor as one reverse-video
    /// cell (on the character it stands before, or on a blank after the text), then the keys,
    /// or, when the last key was refused, why (in the message's place: the line is the prompt's).
    private func drawPrompt(_ entry: TextEntry, on canvas: inout Canvas, in area: Rect) {
        let label: String
        let keys: String
        switch entry.purpose {
        case .learningRate:
            label = " learning rate: "
            keys = "  Enter applies, Esc cancels"
        case .parameter:
            label = " new value of \(selectionName): "
            keys = "  Enter applies (b undoes), Esc cancels"
        case .drawingLabel(let classes):
            label = " label (0-\(classes - 1)): "
            keys = "  Enter adds the drawing as a sample (b takes it out), Esc goes back to it"
        case .quizAnswer:
            label =
                quizTakesBugName
                ? " answer (a bug's number or name): "
                : quizTakesYesOrNo ? " answer (y, n, +, - or the new C): " : " answer (+, - or a number): "
            // The longest that fits after the label and the answer typed so far.
            let room = area.width - label.count - entry.text.count - 1
            // "Which bug?" is about the program: no step is taken.
            let takes: [String] =
                quizTakesBugName ? [] : ["  Enter answers and takes the step, Tab another question, Esc leaves"]
            let wordings =
                takes + [
                    "  Enter answers, Tab another question, Esc leaves", "  Enter answers, Tab next kind, Esc leaves",
                    "  Enter answers, Esc leaves", "  Enter answers",
                ]
            keys = wordings.first { $0.count <= room } ?? ""
        }
        let start = canvas.put(label, x: area.x, y: area.y, style: Style(bold: true), clip: area)
        // The entry holds printable ASCII only, so character n is column start + n.
        let text = Array(entry.text) + [" "]
        for (offset, character) in text.enumerated() {
            let style = offset == entry.cursor ? Style(reverse: true) : .plain
            canvas.put(String(character), x: start + offset, y: area.y, style: style, clip: area)
        }
        let after = start + text.count
        if let message {
            let style = message.kind == .error ? Style(foreground: .red, bold: true) : Style(foreground: .green)
            canvas.put("  " + message.text(fitting: area.width), x: after, y: area.y, style: style, clip: area)
        } else {
            canvas.put(keys, x: after, y: area.y, style: Style(dim: true), clip: area)
        }
    }
}
