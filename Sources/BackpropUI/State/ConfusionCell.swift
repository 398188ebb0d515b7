/// A cell of the Confusion pane: a true class (its row) and a predicted class (its column),
/// both indices into the classes (`ClassVerdicts.names`). Its samples are those of that class
/// that ŷ reads as the other: `3 → 8`.
public struct ConfusionCell: Equatable, Hashable, Sendable {
    /// The row: the class the samples are.
    public var truth: Int
    /// The column: the class ŷ names for them.
    public var predicted: Int

    /// The cell of row `truth`, column `predicted`.
    public init(truth: Int, predicted: Int) {
        self.truth = truth
        self.predicted = predicted
    }

    /// Whether the cell is on the diagonal: its samples are right.
    public var isDiagonal: Bool { truth == predicted }

    /// The cell one step from this one in the direction of an arrow key, within `classCount`
    /// classes (the cursor stops at the edges); itself for any other key.
    func moved(_ key: Key, classCount: Int) -> ConfusionCell {
        var cell = clamped(classCount: classCount)
        switch key {
        case .up: cell.truth = max(0, cell.truth - 1)
        case .down: cell.truth = min(classCount - 1, cell.truth + 1)
        case .left: cell.predicted = max(0, cell.predicted - 1)
        case .right: cell.predicted = min(classCount - 1, cell.predicted + 1)
        default: break
        }
        return cell
    }

    /// The same cell within `classCount` classes (another scenario may have fewer).
    func clamped(classCount: Int) -> ConfusionCell {
        let last = max(0, classCount - 1)
        return ConfusionCell(truth: min(truth, last), predicted: min(predicted, last))
    }
}
