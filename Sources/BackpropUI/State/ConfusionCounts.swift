/// The confusion matrix of a set of samples: for each true class (a row) and each predicted
/// class (a column), how many samples of the set are that class and were read as that one. The
/// diagonal holds the right ones. Samples whose ŷ names no class (a tie, a NaN) are in no
/// column: `undecided` counts them.
struct ConfusionCounts: Equatable, Sendable {
    /// `counts[truth][predicted]`.
    let counts: [[Int]]
    /// Samples of the set ŷ names no class for.
    let undecided: Int
    /// Samples in the set.
    let total: Int

    /// The counts of `verdicts` over `samples`.
    init(_ verdicts: ClassVerdicts, over samples: [Int]) {
        var counts = Array(repeating: Array(repeating: 0, count: verdicts.classCount), count: verdicts.classCount)
        var undecided = 0
        for sample in samples {
            if let guess = verdicts.predicted[sample] {
                counts[verdicts.labels[sample]][guess] += 1
            } else {
                undecided += 1
            }
        }
        self.counts = counts
        self.undecided = undecided
        total = samples.count
    }

    /// How many classes there are (rows, and columns).
    var classCount: Int { counts.count }

    /// The samples read as their own class: the diagonal's sum.
    var right: Int { counts.indices.reduce(0) { $0 + counts[$1][$1] } }

    /// The cell of the most frequent mistake (the largest count off the diagonal, the first in
    /// reading order of equal ones); `nil` when every decided sample is right.
    var largestMistake: ConfusionCell? {
        var best: ConfusionCell?
        var most = 0
        for truth in counts.indices {
            for guess in counts.indices where guess != truth && counts[truth][guess] > most {
                most = counts[truth][guess]
                best = ConfusionCell(truth: truth, predicted: guess)
            }
        }
        return best
    }
}
