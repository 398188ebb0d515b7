/// Why a scenario cannot be a worksheet: too big to work by hand, or trained by something other
/// than plain gradient descent, which is all the sheet explains.
public enum WorksheetRefusal: Error, Equatable, Sendable {
    /// More parameters than `Worksheet.parameterLimit`.
    case tooManyParameters(Int)
    /// A step over more samples than `Worksheet.sampleLimit`.
    case tooManySamples(Int)
    /// An update rule other than sgd.
    case optimizer(OptimizerName)
    /// A penalty on the weights.
    case penalty(Penalty)
    /// The givens rounded to what the sheet prints no longer make a valid scenario (targets of ce
    /// that no longer sum to 1, say).
    case roundedGivens(ScenarioError)
}
