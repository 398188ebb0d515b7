import BackpropCore

extension Reduction {
    /// The word the inspector uses for how the samples combine into b's step.
    var biasCombination: String { averagesBias ? "mean" : "sum" }
}
