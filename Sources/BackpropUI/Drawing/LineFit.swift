/// How a line of words is made to fit a width without cutting a word or a number in half.
///
/// Widths are terminal columns (`DisplayWidth`), not characters: a line may quote a file name
/// with wide characters in it.
enum LineFit {
    /// `text` if it fits in `width` columns; otherwise as many whole words as fit, then
    /// `ellipsis`, so the reader sees that something was left out. A single word longer than
    /// the width is the only thing ever cut, and it too ends in the ellipsis.
    static func words(_ text: String, width: Int, ellipsis: String) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard width > ellipsisWidth else { return DisplayWidth.prefix(ellipsis, columns: max(0, width)) }
        // A space and the ellipsis follow the words kept.
        let room = width - ellipsisWidth
        let head = DisplayWidth.prefix(text, columns: room)
        // The last space that ends a whole word within the room.
        if let space = head.lastIndex(of: " "), space > head.startIndex {
            var kept = String(head[..<space])
            while let last = kept.last, last == " " || last == "," || last == ";" || last == ":" || last == "(" {
                kept.removeLast()
            }
            if !kept.isEmpty { return kept + " " + ellipsis }
        }
        return head + ellipsis
    }

    /// The parts joined by `separator`, leaving out the last ones (the least important) until
    /// the line fits in `width`; the first part is shortened by `words` if even it is too long.
    static func parts(_ parts: [String], separator: String, width: Int, ellipsis: String) -> String {
        var kept = parts
        while kept.count > 1, DisplayWidth.of(kept.joined(separator: separator)) > width { kept.removeLast() }
        return words(kept.joined(separator: separator), width: width, ellipsis: ellipsis)
    }

    /// The first of `candidates` (longest and fullest first) that fits in `width` columns, or the
    /// last one shortened by `words`.
    static func first(_ candidates: [String], width: Int, ellipsis: String) -> String {
        candidates.first { DisplayWidth.of($0) <= width }
            ?? words(candidates.last ?? "", width: width, ellipsis: ellipsis)
    }
}
