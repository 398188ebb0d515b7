/// The scenario of a worksheet drawn from a seed: small enough to work by hand, every number
/// with one decimal, the same on every machine (`SeededGenerator`).
///
/// 2 inputs, the hidden layers asked for, 1 output, 2 samples; inputs and weights from ±0.1 to
/// ±1.0 and never 0 (so no term of a sum vanishes), biases from -0.5 to 0.5, targets from 0 to 1;
/// sigmoid in every layer, loss mse, reduction sum (the update is the exact gradient of C) and
/// lr 0.5, unless `adjust` changes them.
public enum HandSizedScenario {
    /// The samples of a drawn sheet.
    public static let sampleCount = 2
    /// The inputs of each sample.
    public static let inputCount = 2
    /// The default learning rate.
    public static let learningRate = 0.5

    /// The scenario for `seed` with hidden layers of `hidden` neurons, after `adjust` (the
    /// command line's --activation, --loss, --reduction, --lr, ...). A draw whose sheet could be
    /// rounded the other way by accident (`Worksheet.isClean`) is followed by the next draw of
    /// the same generator, so every seed gives one sheet and it is a clean one when any of the
    /// first 100 draws is.
    public static func drawn(
        seed: UInt64, hidden: [Int], adjust: (inout Scenario) throws -> Void
    ) throws -> Scenario {
        // Counted before anything is drawn: `--hidden 100000` must be refused, not allocated.
        let sizes = [inputCount] + hidden + [1]
        var parameters = 0
        for l in 0..<(sizes.count - 1) {
            let (weights, overflow) = (sizes[l] &+ 1).multipliedReportingOverflow(by: sizes[l + 1])
            parameters = overflow || sizes[l] == Int.max ? Int.max : min(Int.max / 2, parameters + weights)
        }
        if parameters > Worksheet.parameterLimit { throw WorksheetRefusal.tooManyParameters(parameters) }
        var generator = SeededGenerator(seed: seed)
        var first: Scenario?
        for _ in 0..<100 {
            var scenario = try draw(hidden: hidden, using: &generator)
            try adjust(&scenario)
            if first == nil { first = scenario }
            guard let sheet = try? Worksheet(scenario: scenario, source: "") else { return scenario }
            if sheet.isClean { return scenario }
        }
        return first!
    }

    /// One draw of every number.
    private static func draw(hidden: [Int], using generator: inout SeededGenerator) throws(ScenarioError)
        -> Scenario
    {
        let sizes = [inputCount] + hidden + [1]
        let inputs = (0..<sampleCount).map { _ in (0..<inputCount).map { _ in nonZero(using: &generator) } }
        let targets = (0..<sampleCount).map { _ in [tenths(0...10, using: &generator)] }
        let layers = (0..<(sizes.count - 1)).map { l in
            ScenarioLayer(
                weights: (0..<sizes[l]).map { _ in (0..<sizes[l + 1]).map { _ in nonZero(using: &generator) } },
                bias: (0..<sizes[l + 1]).map { _ in tenths(-5...5, using: &generator) }, activation: .sigmoid)
        }
        return try Scenario(
            inputs: inputs, targets: targets, layers: layers, learningRate: learningRate, loss: .mse,
            reduction: .sum)
    }

    /// k/10 for k drawn uniformly from `range`, as the double nearest the decimal.
    private static func tenths(_ range: ClosedRange<Int>, using generator: inout SeededGenerator) -> Double {
        let count = UInt64(range.count)
        // The top bits, by multiplication: no modulo bias worth a worksheet, and the same everywhere.
        let k = range.lowerBound + Int(((generator.next() >> 32) * count) >> 32)
        return Double(k) / 10
    }

    /// ±0.1 to ±1.0, never 0.
    private static func nonZero(using generator: inout SeededGenerator) -> Double {
        let magnitude = tenths(1...10, using: &generator)
        return generator.next() >> 63 == 0 ? magnitude : -magnitude
    }
}
