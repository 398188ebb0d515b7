import BackpropCore

/// Counts as the screen writes them: digits in groups of three, so that "12 of 100,000" reads at
/// a glance in front of a class.
enum CountText {
    /// "1-12 of 100,000": the run `range` (0-based) of `count` things, counted from 1.
    static func run(_ range: Range<Int>, of count: Int) -> String {
        let first = thousandsSeparated(range.lowerBound + 1)
        let last = thousandsSeparated(range.upperBound)
        return range.count == 1
            ? "\(first) of \(thousandsSeparated(count))" : "\(first)-\(last) of \(thousandsSeparated(count))"
    }
}
