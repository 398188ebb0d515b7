/// How a line of words is made to fit a width without cutting a word or a number in half.
enum LineFit {
    /// `text` if it fits in `width` columns; otherwise as many whole words as fit, then
    /// `ellipsis`, so the reader sees that something was left out. A single word longer than
    /// the width is the only thing ever cut, and it too ends in the ellipsis.
    static func words(_ text: String, width: Int, ellipsis: String) -> String {
        guard text.count > width else { return text }
        guard width > ellipsis.count else { return String(ellipsis.prefix(max(0, width))) }
        // A space and the ellipsis follow the words kept.
        let room = width - ellipsis.count
        let head = text.prefix(room)
        // The last space that ends a whole word within the room.
        if let space = head.lastIndex(of: " "), space > text.startIndex {
            var kept = String(text[..<space])
            while let last = kept.last, last == " " || last == "," || last == ";" || last == ":" || last == "(" {
                kept.removeLast()
            }
            if !kept.isEmpty { return kept + " " + ellipsis }
        }
        return String(text.prefix(room)) + ellipsis
    }

    /// The parts joined by `separator`, leaving out the last ones (the least important) until
    /// the line fits in `width`; the first part is shortened by `words` if even it is too long.
    static func parts(_ parts: [String], separator: String, width: Int, ellipsis: String) -> String {
        var kept = parts
        while kept.count > 1, kept.joined(separator: separator).count > width { kept.removeLast() }
        return words(kept.joined(separator: separator), width: width, ellipsis: ellipsis)
    }

    /// The first of `candidates` (longest and fullest first) that fits in `width` columns, or the
    /// last one shortened by `words`.
    static func first(_ candidates: [String], width: Int, ellipsis: String) -> String {
        candidates.first { $0.count <= width } ?? words(candidates.last ?? "", width: width, ellipsis: ellipsis)
    }
}
