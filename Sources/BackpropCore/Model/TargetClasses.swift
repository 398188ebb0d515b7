/// How the targets name classes, when they do, and so when a prediction counts as right: the
/// accuracy ("3/4 right") beside the cost, which is what a class cares about.
public enum TargetClasses: Equatable, Sendable {
    /// Every row one-hot over 2 or more outputs (one class per output, as ce wants): a sample is
    /// right when its largest ŷ_j is at its target's 1.
    case oneHot
    /// Every target 0 or 1 (each output a yes-or-no class, like the logic gates): a sample is
    /// right when every ŷ_j is on its target's side of 0.5. A ŷ of exactly 0.5 is on neither.
    case binary

    /// The rule `targets` (N x m) follow, or nil when they are not classes (any other number).
    public init?(targets: Matrix) {
        guard targets.rows > 0, targets.elements.allSatisfy({ $0 == 0 || $0 == 1 }) else { return nil }
        let oneHot =
            targets.columns >= 2
            && (0..<targets.rows).allSatisfy { s in (0..<targets.columns).reduce(0.0) { $0 + targets[s, $1] } == 1 }
        self = oneHot ? .oneHot : .binary
    }

    /// Whether sample `sample`'s row of `prediction` names its class in `targets`. A NaN
    /// prediction is never right.
    public func isRight(sample: Int, prediction: Matrix, targets: Matrix) -> Bool {
        let outputs = targets.columns
        switch self {
        case .oneHot:
            var best = 0
            for j in 0..<outputs {
                let value = prediction[sample, j]
                if value.isNaN { return false }
                if value > prediction[sample, best] { best = j }
            }
            return targets[sample, best] == 1
        case .binary:
            for j in 0..<outputs {
                let value = prediction[sample, j]
                let right = targets[sample, j] == 1 ? value > 0.5 : value < 0.5
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
