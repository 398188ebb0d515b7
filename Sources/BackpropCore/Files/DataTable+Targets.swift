extension DataTable {
    /// `error` as this table's CSV file would name it: a target that a loss refuses
    /// (`ScenarioError.targetNotProbability`, `.targetSum`, which speak of y's rows and
    /// columns as a scenario file writes them) becomes a `.csv` error at the sample's line,
    /// naming the column. Any other error is returned as it is.
    ///
    /// `--data f.csv --loss bce` checks the targets only once the loss is known, after the
    /// table is read; this is how its message still points into the file.
    public func locating(_ error: ScenarioError, path: String) -> ScenarioError {
        switch error {
        case .targetNotProbability(let loss, let sample, let output, let value)
        where sampleLines.indices.contains(sample - 1) && targetNames.indices.contains(output - 1):
            return .csv(
                path: path, line: sampleLines[sample - 1],
                problem:
                    "column \(TerminalSafe.quoted(targetNames[output - 1])) is \(value), but loss \(loss.rawValue) needs every target in [0, 1] (a probability); use 1 for the class and 0 otherwise, or loss sse"
            )
        case .targetSum(let sample, let sum) where sampleLines.indices.contains(sample - 1):
            return .csv(
                path: path, line: sampleLines[sample - 1],
                problem:
                    "the \(targetNames.count) target columns sum to \(sum), but loss ce needs them to sum to 1 (one probability per class, like 0,1,0)"
            )
        default:
            return error
        }
    }
}
