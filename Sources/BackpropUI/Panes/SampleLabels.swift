import Foundation

/// The "sample 9:" labels that start the inspector's and the walk's lines, padded to the widest
/// of the samples shown, so that every equation after them starts in the same column when sample
/// 9 and sample 10 are on screen together.
struct SampleLabels {
    /// Columns of the widest label, without the two spaces after it.
    private let width: Int

    /// Labels for `samples` (0-based).
    init(_ samples: some Sequence<Int>) {
        width = samples.map { "sample \($0 + 1):".count }.max() ?? 0
    }

    /// "sample 9:   " for sample index 8 when sample 10 is also shown: the label, padding, two spaces.
    func label(_ sample: Int) -> String {
        "sample \(sample + 1):".padding(toLength: width, withPad: " ", startingAt: 0) + "  "
    }

    /// Spaces as wide as a label, for a line that continues a sample's.
    var indent: String { String(repeating: " ", count: width + 2) }
}
