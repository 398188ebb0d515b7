import BackpropCore
import Testing

/// The text trace is for people: the article's few numbers in full, a large ŷ summarised.
@Suite struct TraceWriterTests {
    @Test func smallPredictionsArePrintedInFull() {
        let line = TraceWriter(format: .text).line(for: Trainer(scenario: Preset.seed.scenario))
        #expect(line == "step 0  cost 1.5562961971059417  ŷ [[0.90024951 0.94267582] [0.80218389 0.88079708]]")
    }

    @Test func aLargePredictionShowsItsFirstAndLastThreeSamples() throws {
        let samples = 600  // 1200 numbers: past the threshold of 1000
        let inputs = (0..<samples).map { [Double($0) / Double(samples), 1] }
        let scenario = try Scenario(
            inputs: inputs, targets: inputs.map { [$0[0], 0] }, weights: [[1, 0], [0, 1]])
        let trainer = Trainer(scenario: scenario)
        let line = TraceWriter(format: .text).line(for: trainer)
        let p = trainer.prediction
        func row(_ s: Int) -> String { "[\(fixed(p[s, 0])) \(fixed(p[s, 1]))]" }
        let expected = [0, 1, 2].map(row) + ["..."] + [597, 598, 599].map(row)
        #expect(line.hasSuffix("ŷ [" + expected.joined(separator: " ") + "]"), "\(line)")
    }

    @Test func aDivergingRunIsWrittenInExponentFormNotHundredsOfDigits() throws {
        var scenario = Preset.seed.scenario
        try scenario.setActivations([.linear])
        try scenario.setLearningRate(3)
        var trainer = Trainer(scenario: scenario)
        _ = trainer.run(steps: 60)
        let writer = TraceWriter(format: .text)
        let line = writer.line(for: trainer)
        #expect(trainer.prediction[0, 0].magnitude > 1e100, "the run has diverged: \(line)")
        #expect(line.count < 150, "\(line)")
        // One exponent style: short, as the visualiser writes it (e123, not e+123).
        #expect(!line.contains("e+") && line.contains("e1"), "\(line)")
        #expect(line.range(of: #"[0-9]{20}"#, options: .regularExpression) == nil, "\(line)")
        let footer = writer.footer(for: trainer).joined()
        #expect(!footer.contains("e+"), "\(footer)")
        // Ordinary values keep numpy's fixed point (the article's golden lines).
        #expect(writer.line(for: Trainer(scenario: Preset.seed.scenario)).contains("[[0.90024951 0.94267582]"))
    }

    private func fixed(_ value: Double) -> String {
        // An independent spelling of 8 decimals (not the writer's own function).
        let scaled = (value * 1e8).rounded()
        let whole = Int(scaled) / 100_000_000
        let fraction = Int(scaled) % 100_000_000
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
