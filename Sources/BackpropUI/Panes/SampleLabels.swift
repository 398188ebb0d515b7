import Foundation

/// The "sample 9:" labels that start the inspector's and the walk's lines, padded to the widest
/// of the samples shown, so that every equation after them starts in the same column when sample
/// 9 and sample 10 are on screen together.
///
/// Samples are numbered as in the data: a mini-batch's rows are named by `rowSamples`, the data
/// index of each row of the step.
struct SampleLabels {
    /// Columns of the widest label, without the two spaces after it.
    private let width: Int
    /// The data index of each row of the step, when rows are not the data's own order.
    private let rowSamples: [Int]?

    /// Labels for `samples` (0-based, in the data as loaded); `rowSamples` gives the data index
    /// of each row of the step, for `label(row:)`.
    init(_ samples: some Sequence<Int>, of rowSamples: [Int]? = nil) {
        width = samples.map { "sample \($0 + 1):".count }.max() ?? 0
        self.rowSamples = rowSamples
    }

    /// The label of the step's row `row`: its sample's.
    func label(row: Int) -> String {
        label(rowSamples.map { $0[row] } ?? row)
    }

    /// "sample 9:   " for sample index 8 when sample 10 is also shown: the label, padding, two spaces.
    func label(_ sample: Int) -> String {
        "sample \(sample + 1):".padding(toLength: width, withPad: " ", startingAt: 0) + "  "
    }

    /// Spaces as wide as a label, for a line that continues a sample's.
    var indent: String { String(repeating: " ", count: width + 2) }
}
