import BackpropCore

/// What the current ŷ says of each sample when every sample is one class: the class it is (its
/// label), the class ŷ names, and whether that is right. The Confusion pane counts these, the
/// predictions pane lists them, and `<` `>` walk the ones a cell or `X` chooses.
///
/// One-hot targets name as many classes as there are outputs, counted from 0 as labels are
/// (class k is output k+1, so the digits' class 3 is the digit 3); one output whose targets are
/// 0 and 1 (or -1 and 1) names two. A prediction that does not decide (a tie for the largest ŷ,
/// a ŷ exactly on the threshold, a NaN) names no class and is never right, as `TargetClasses`
/// counts: the right ones here are the right ones of the accuracy everywhere else.
struct ClassVerdicts: Equatable, Sendable {
    /// The classes' names, in order: `0` to `m-1`, or the two values of a yes-or-no output.
    let names: [String]
    /// Each sample's class (an index into `names`), in the data's order.
    let labels: [Int]
    /// The class ŷ names for each sample; `nil` when it does not decide.
    let predicted: [Int?]
    /// ŷ of the predicted class (its probability, for softmax), or the output itself for a
    /// yes-or-no output; NaN when no class is predicted.
    let confidence: [Double]

    /// The verdicts of `prediction` (N x m) on `targets`, or `nil` when the targets do not give
    /// each sample one class (not classes at all, or several yes-or-no outputs).
    init?(prediction: Matrix, targets: Matrix) {
        // One pass over the targets for the rule; the names follow from it and the shape.
        guard let rule = TargetClasses(targets: targets), let names = ClassVerdicts.names(of: rule, targets: targets)
        else { return nil }
        self.names = names
        let rows = 0..<targets.rows
        switch rule {
        case .oneHot:
            labels = rows.map { sample in (0..<targets.columns).first { targets[sample, $0] == 1 } ?? 0 }
            let guesses = rows.map { ClassVerdicts.largest(in: prediction, sample: $0) }
            predicted = guesses
            confidence = rows.map { sample in guesses[sample].map { prediction[sample, $0] } ?? .nan }
        case .binary, .signed:
            let threshold = rule == .binary ? 0.5 : 0.0
            labels = rows.map { targets[$0, 0] == 1 ? 1 : 0 }
            predicted = rows.map { sample in
                let value = prediction[sample, 0]
                // Both comparisons are false for NaN and for a value on the threshold.
                return value > threshold ? 1 : (value < threshold ? 0 : nil)
            }
            confidence = rows.map { prediction[$0, 0] }
        }
    }

    /// The classes `targets` name, when each sample is one class: one per output of one-hot
    /// rows, or the two values of a single yes-or-no output; `nil` otherwise. Reads the targets
    /// only, so a key can ask it without a prediction.
    static func names(for targets: Matrix) -> [String]? {
        TargetClasses(targets: targets).flatMap { names(of: $0, targets: targets) }
    }

    /// The classes of `targets`, which follow `rule`.
    private static func names(of rule: TargetClasses, targets: Matrix) -> [String]? {
        switch rule {
        case .oneHot: (0..<targets.columns).map(String.init)
        case .binary where targets.columns == 1: ["0", "1"]
        case .signed where targets.columns == 1: ["-1", "1"]
        default: nil
        }
    }

    /// How many classes there are.
    var classCount: Int { names.count }

    /// Whether ŷ names sample `sample`'s class.
    func isRight(_ sample: Int) -> Bool { predicted[sample] == labels[sample] }

    /// The samples of `samples` whose class is `truth` and for which ŷ names `guess`, in the
    /// order given.
    func samples(_ samples: [Int], truth: Int, predicted guess: Int) -> [Int] {
        samples.filter { labels[$0] == truth && predicted[$0] == guess }
    }

    /// The samples of `samples` that ŷ gets wrong, in the order given.
    func wrong(among samples: [Int]) -> [Int] {
        samples.filter { !isRight($0) }
    }

    /// The output with the largest ŷ of `sample`, when it is larger than every other and no ŷ
    /// is NaN.
    private static func largest(in prediction: Matrix, sample: Int) -> Int? {
        largest(count: prediction.columns) { prediction[sample, $0] }
    }

    /// The class `values` (one ŷ a class) read as: the one largest; nil on a tie for it or a NaN.
    static func largest(of values: [Double]) -> Int? {
        largest(count: values.count) { values[$0] }
    }

    private static func largest(count: Int, _ value: (Int) -> Double) -> Int? {
        var best = 0
        var tied = false
        for j in 0..<count {
            let current = value(j)
            if current.isNaN { return nil }
            if j == 0 { continue }
            if current > value(best) {
                best = j
                tied = false
            } else if current == value(best) {
                tied = true
            }
        }
        return count > 0 && !tied ? best : nil
    }
}
