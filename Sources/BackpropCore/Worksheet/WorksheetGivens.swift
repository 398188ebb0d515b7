/// What a worksheet gives: the step's samples, the network before the step and the settings,
/// every number exactly as the sheet prints it (rounded to at most 4 decimals before anything is
/// computed from it).
public struct WorksheetGivens: Equatable, Sendable {
    /// The step's samples as numbers in the data (1-based), one per row of `inputs`.
    public let sampleNumbers: [Int]
    /// How many samples the data has (the step may use fewer: a mini-batch, a test split).
    public let dataSampleCount: Int
    /// x, one sample a row, as the network sees it.
    public let inputs: Matrix
    /// The features x is computed from the data's x1 and x2, when it is (x holds their values).
    public var features: [Feature]? = nil
    /// y, one sample a row.
    public let targets: Matrix
    /// Every W, b and g before the step.
    public let network: Network
    /// lr.
    public let learningRate: Double
    /// The cost C.
    public let loss: Loss
    /// How the samples' terms combine into each step.
    public let reduction: Reduction

    /// A given as printed: its shortest decimal ("0.5", "-1", "0.1235").
    public static func text(_ value: Double) -> String { DecimalRounding.shortText(value) }

    /// N, the samples of the step.
    public var sampleCount: Int { inputs.rows }

    /// The row label of the step's `row`-th sample: "sample 3".
    public func sampleLabel(_ row: Int) -> String { "sample \(sampleNumbers[row])" }
}
