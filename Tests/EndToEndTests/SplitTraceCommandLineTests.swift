import BackpropCore
import Foundation
import Testing

/// `--headless` of a preset with a test split (`overfit`): the split's record, and the test cost
/// and epoch of every line, against the core's own trainer.
@Suite("headless trace with a test split")
struct SplitTraceCommandLineTests {
    @Test("JSON: the split first, then every step's test cost as the core computes it, epoch = step")
    func json() throws {
        let result = try ExecutableUnderTest.run([
            "--preset", "overfit", "--headless", "--format", "json", "--steps", "3",
        ])
        #expect(result.status == 0)
        let lines = result.lines
        try #require(lines.count == 5)
        let split = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: [Int]])
        let scenario = Preset.overfit.scenario
        #expect(split == ["train": scenario.split.training, "test": scenario.split.test])
        var trainer = Trainer(scenario: scenario)
        for (step, line) in lines.dropFirst().enumerated() {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(record["step"] as? Int == step)
            #expect(record["epoch"] as? Int == step)
            // The numbers as text: Foundation's JSON reader may miss a double's last bit.
            #expect(line.contains("\"cost\":\(trainer.cost),\"test_cost\":\(trainer.testCost!),"), "\(line)")
            #expect(record["batch"] == nil && record["penalty"] == nil)
            trainer.run(steps: 1)
        }
    }

    @Test("CSV: test_cost and epoch after cost; text: the held-out count and each line's test cost")
    func csvAndText() throws {
        let csv = try ExecutableUnderTest.run(["--preset", "overfit", "--headless", "--format", "csv", "--steps", "1"])
        #expect(
            csv.lines.first?.hasPrefix(
                "step,cost,test_cost,accuracy,test_accuracy,epoch,grad_norm_1,grad_norm_2,grad_norm_3,L1_w1_1,")
                ?? false)
        let text = try ExecutableUnderTest.run(["--preset", "overfit", "--headless", "--steps", "1"])
        #expect(text.lines.first?.hasSuffix(", 20 held out to test") ?? false, "\(text.lines.first ?? "")")
        #expect(text.lines.dropFirst().first?.contains("  test cost ") ?? false)
        // overfit's 20 held out beside its 20 that train, each counted over its own samples.
        #expect(text.lines.dropFirst().first?.contains(#/  accuracy \d+/20  test accuracy \d+/20  /#) ?? false)
    }

    @Test("--batch with --every: a printed step's batch is the samples that very step used, as the core steps them")
    func batchOfPrintedSteps() throws {
        let result = try ExecutableUnderTest.run([
            "--preset", "overfit", "--batch", "6", "--headless", "--format", "json", "--steps", "8", "--every", "3",
        ])
        #expect(result.status == 0)
        var scenario = Preset.overfit.scenario
        try scenario.setBatchSize(6)
        var trainer = Trainer(scenario: scenario)
        var used: [[Int]] = [[]]
        var epochs = [0]
        for _ in 0..<8 {
            let trace = trainer.step()
            used.append(trace.samples)
            epochs.append(trace.position.epoch)
        }
        let printed = result.lines.dropFirst()
        #expect(printed.count == 4)
        for line in printed {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let step = try #require(record["step"] as? Int)
            #expect([0, 3, 6, 8].contains(step))
            #expect(record["batch"] as? [Int] == used[step], "step \(step)")
            #expect(record["epoch"] as? Int == epochs[step], "step \(step)")
        }
    }
}
