import BackpropCore
import Testing

/// The trace's columns for a test split, a penalty and mini-batches (`TraceColumns`), in the
/// headless writer and in the export `e`.
@Suite("trace columns")
struct TraceColumnsTests {
    @Test("a run with none of them has only the gradient's norms beyond the article's")
    func none() {
        let trainer = Trainer(scenario: Preset.circle.scenario)
        #expect(TraceColumns(trainer: trainer) == TraceColumns(testCost: false, penalty: false, batch: false))
        #expect(TraceColumns(trainer: trainer).gradientNorms)
        #expect(TraceWriter.csvHeader(for: trainer.network).hasPrefix("step,cost,L1_w1_1,"))
        #expect(
            TraceWriter.csvHeader(for: trainer.network, columns: TraceColumns(trainer: trainer))
                .hasPrefix("step,cost,grad_norm_1,grad_norm_2,L1_w1_1,"))
    }

    @Test("each line's grad_norm cells and grad_norms list are the core's norms at the line's state")
    func gradientNorms() throws {
        var scenario = Preset.overfit.scenario
        try scenario.setBatchSize(5)
        try scenario.setPenalty(.l1(0.01))
        var trainer = Trainer(scenario: scenario)
        let columns = TraceColumns(trainer: trainer)
        let csv = TraceWriter(format: .csv, columns: columns)
        let json = TraceWriter(format: .json, columns: columns)
        let header = csv.header(for: trainer, name: "overfit")[0].split(separator: ",")
        let first = try #require(header.firstIndex(of: "grad_norm_1"))
        #expect(header[first...].prefix(4) == ["grad_norm_1", "grad_norm_2", "grad_norm_3", "L1_w1_1"])
        for _ in 0..<3 {
            let norms = trainer.gradientNorms()
            #expect(norms == trainer.nextStep().gradientNorms)
            let cells = csv.line(for: trainer).split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells[first..<(first + 3)].map { Double($0)! } == norms)
            #expect(
                json.line(for: trainer).contains("\"grad_norms\":[\(norms.map(\.description).joined(separator: ","))],")
            )
            trainer.step()
        }
    }

    @Test("JSON opens with the split, and each line has test_cost, penalty and epoch")
    func jsonWithSplit() throws {
        var trainer = Trainer(scenario: Preset.overfit.scenario)
        try trainer.setPenalty(.l2(0.01))
        let writer = TraceWriter(format: .json, columns: TraceColumns(trainer: trainer))
        let split = trainer.scenario.split
        let header = writer.header(for: trainer, name: "overfit")
        #expect(
            header == [
                "{\"train\":[\(split.training.map(String.init).joined(separator: ","))],"
                    + "\"test\":[\(split.test.map(String.init).joined(separator: ","))]}"
            ])
        trainer.run(steps: 3)
        let line = writer.line(for: trainer)
        #expect(
            line.hasPrefix(
                "{\"step\":3,\"cost\":\(trainer.cost),\"test_cost\":\(trainer.testCost!),"
                    + "\"penalty\":\(trainer.penaltyValue),\"epoch\":3,\"w\"") || line.contains("\"layers\""))
        #expect(line.contains("\"test_cost\":\(trainer.testCost!),\"penalty\":\(trainer.penaltyValue),\"epoch\":3,"))
        #expect(!line.contains("batch"))
    }

    @Test("CSV with mini-batches: the columns after cost, a cell for each, the batch as given")
    func csvWithBatches() throws {
        var scenario = Preset.overfit.scenario
        try scenario.setBatchSize(4)
        var trainer = Trainer(scenario: scenario)
        let columns = TraceColumns(trainer: trainer)
        #expect(columns == TraceColumns(testCost: true, penalty: false, batch: true))
        let writer = TraceWriter(format: .csv, columns: columns)
        let header = writer.header(for: trainer, name: "overfit")[0].split(separator: ",")
        #expect(
            header.prefix(9) == [
                "step", "cost", "test_cost", "epoch", "batch", "grad_norm_1", "grad_norm_2", "grad_norm_3", "L1_w1_1",
            ])
        let start = writer.line(for: trainer).split(separator: ",", omittingEmptySubsequences: false)
        #expect(start.count == header.count)
        #expect(start[3] == "0" && start[4] == "")
        let batch = trainer.nextBatch
        trainer.step()
        let row = writer.line(for: trainer, batch: batch).split(separator: ",", omittingEmptySubsequences: false)
        #expect(row[1] == "\(trainer.cost)" && row[2] == "\(trainer.testCost!)")
        #expect(row[3] == "1" && row[4] == batch.map(String.init).joined(separator: " "))
        // Five batches of 4 make the first epoch; the sixth step is in the second.
        for _ in 0..<5 { trainer.step() }
        #expect(TraceColumns.epoch(of: trainer.state) == 2)
    }

    @Test("the export carries the columns, each step's batch the samples the step used")
    func export() throws {
        var scenario = Preset.overfit.scenario
        try scenario.setBatchSize(6)
        var trainer = Trainer(scenario: scenario)
        var history = TrainingHistory(interval: 100)
        history.record(trainer)
        var used: [[Int]] = [[]]
        for _ in 0..<7 { used.append(trainer.step().samples) }
        let lines = ExportedTrace.text(history: history, to: trainer).split(separator: "\n")
        let header = lines[0].split(separator: ",")
        #expect(
            header.prefix(9) == [
                "step", "cost", "test_cost", "epoch", "batch", "grad_norm_1", "grad_norm_2", "grad_norm_3", "L1_w1_1",
            ])
        #expect(lines.count == 9)
        for (k, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == header.count)
            #expect(cells[0] == "\(k)")
            #expect(cells[4] == used[k].map(String.init).joined(separator: " "), "row \(k)")
        }
        // 20 training samples in batches of 6: steps 1-4 are epoch 1 (6, 6, 6, 2), 5-7 epoch 2.
        #expect(lines.dropFirst().map { $0.split(separator: ",")[3] } == ["0", "1", "1", "1", "1", "2", "2", "2"])
    }
}
