/// Counts as the screen writes them: digits in groups of three, so that "12 of 100,000" reads at
/// a glance in front of a class.
enum CountText {
    /// `n` with a comma between groups of three digits: 100000 -> "100,000", 999 -> "999".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return n < 0 ? "-" + text : text
    }

    /// "1-12 of 100,000": the run `range` (0-based) of `count` things, counted from 1.
    static func run(_ range: Range<Int>, of count: Int) -> String {
        let first = grouped(range.lowerBound + 1)
        let last = grouped(range.upperBound)
        return range.count == 1 ? "\(first) of \(grouped(count))" : "\(first)-\(last) of \(grouped(count))"
    }
}
