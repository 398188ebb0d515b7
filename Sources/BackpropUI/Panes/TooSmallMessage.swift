/// What a terminal below the minimum size shows instead of the panes: the size it has, the size
/// it needs, and that q still quits. Wrapped word by word to the width; when even that does not
/// fit, the short form "20x5 < 80x20" / "q quits", so the sizes are never the part cut off.
/// Clipped, never trapped, down to 1x1.
struct TooSmallMessage {
    let have: Size
    let need: Size

    /// The forms of the message from fullest to shortest, each a list of paragraphs.
    var forms: [[String]] {
        [
            ["terminal is \(have);", "backprop-tui needs at least \(need)", "q quits"],
            ["terminal \(have) < \(need)", "q quits"],
            ["\(have) < \(need)", "q quits"],
            ["\(have)<\(need)", "q quits"],
            ["\(have)<\(need)"],
        ]
    }

    /// The lines drawn on a terminal of `size`: the fullest form whose words all fit the width
    /// and whose wrapped lines fit the height, else the shortest form, wrapped and clipped.
    func lines(for size: Size) -> [String] {
        for form in forms {
            if let lines = TooSmallMessage.wrap(form, width: size.width), lines.count <= size.height {
                return lines
            }
        }
        return forms.last ?? []
    }

    func draw(on canvas: inout Canvas) {
        let size = canvas.size
        let lines = lines(for: size)
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (size.width - line.count) / 2)
            canvas.put(line, x: x, y: top + index, style: index == 0 ? Style(bold: true) : .plain)
        }
    }

    /// Each paragraph wrapped at spaces to `width` columns, or `nil` when a word is wider.
    static func wrap(_ paragraphs: [String], width: Int) -> [String]? {
        var lines: [String] = []
        for paragraph in paragraphs {
            var line = ""
            for word in paragraph.split(separator: " ") {
                guard word.count <= width else { return nil }
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines
    }
}
