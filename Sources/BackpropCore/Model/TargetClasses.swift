/// How the targets name classes, when they do, and so when a prediction counts as right: the
/// accuracy ("3/4 right") beside the cost, which is what a class cares about.
///
/// A prediction that does not decide is never right: a ŷ exactly on the threshold, a tie for the
/// largest ŷ, or a NaN. A network whose outputs have all died to 0 says nothing about any class,
/// so it must not be credited with the samples whose class happens to come first.
public enum TargetClasses: Hashable, Sendable {
    /// Every row one-hot over 2 or more outputs (one class per output, as ce wants): a sample is
    /// right when its largest ŷ_j is at its target's 1 and larger than every other ŷ.
    case oneHot
    /// Every target 0 or 1 (each output a yes-or-no class, like the logic gates): a sample is
    /// right when every ŷ_j is on its target's side of 0.5. A ŷ of exactly 0.5 is on neither.
    case binary
    /// Every target -1 or 1 (each output a yes-or-no class as tanh gives it): a sample is right
    /// when every ŷ_j has its target's sign. A ŷ of exactly 0 has neither.
    case signed

    /// The rule `targets` (N x m) follow, or nil when they are not classes (any other number).
    public init?(targets: Matrix) {
        guard targets.rows > 0 else { return nil }
        if targets.elements.allSatisfy({ $0 == 0 || $0 == 1 }) {
            let oneHot =
                targets.columns >= 2
                && (0..<targets.rows).allSatisfy { s in
                    (0..<targets.columns).reduce(0.0) { $0 + targets[s, $1] } == 1
                }
            self = oneHot ? .oneHot : .binary
        } else if targets.elements.allSatisfy({ $0 == -1 || $0 == 1 }) {
            self = .signed
        } else {
            return nil
        }
    }

    /// Whether sample `sample`'s row of `prediction` names its class in `targets`. A NaN
    /// prediction, a tie for the largest and a ŷ on the threshold are never right.
    public func isRight(sample: Int, prediction: Matrix, targets: Matrix) -> Bool {
        isRight(row: sample, of: prediction, target: sample, of: targets)
    }

    /// Whether row `row` of `prediction` names the class of row `target` of `targets`: for ŷ
    /// whose rows are a set's samples (the training samples, in the split's order) against the
    /// data's targets. The rule of `isRight(sample:prediction:targets:)`.
    public func isRight(row: Int, of prediction: Matrix, target sample: Int, of targets: Matrix) -> Bool {
        let outputs = targets.columns
        switch self {
        case .oneHot:
            guard let target = (0..<outputs).first(where: { targets[sample, $0] == 1 }) else { return false }
            let chosen = prediction[row, target]
            if chosen.isNaN { return false }
            // Strictly larger than every other output: a tie names no class.
            for j in 0..<outputs where j != target {
                let other = prediction[row, j]
                if other.isNaN || other >= chosen { return false }
            }
            return true
        case .binary, .signed:
            let threshold = self == .binary ? 0.5 : 0.0
            for j in 0..<outputs {
                let value = prediction[row, j]
                // Both comparisons are false for NaN and for a value on the threshold.
                let right = targets[sample, j] == 1 ? value > threshold : value < threshold
                if !right { return false }
            }
            return true
        }
    }

    /// How many samples `prediction` gets right.
    public func rightCount(prediction: Matrix, targets: Matrix) -> Int {
        (0..<targets.rows).reduce(0) { $0 + (isRight(sample: $1, prediction: prediction, targets: targets) ? 1 : 0) }
    }
}
