import BackpropCore
import Testing

/// The trace's columns for a test split, classes, a penalty and mini-batches (`TraceColumns`),
/// in the headless writer and in the export `e`.
@Suite("trace columns")
struct TraceColumnsTests {
    @Test("a run with none of them has only the gradient's norms beyond the article's")
    func none() throws {
        // Targets that are no classes: numbers to fit, so no accuracy either.
        let scenario = try Scenario(
            inputs: [[1, 2], [3, 4], [5, 6]], targets: [[0.25], [0.5], [0.75]], weights: [[0.1], [0.2]],
            learningRate: 0.1)
        let trainer = Trainer(scenario: scenario)
        #expect(TraceColumns(trainer: trainer) == TraceColumns(testCost: false, penalty: false, batch: false))
        #expect(TraceColumns(trainer: trainer).gradientNorms)
        #expect(TraceWriter.csvHeader(for: trainer.network).hasPrefix("step,cost,w1_1,"))
        #expect(
            TraceWriter.csvHeader(for: trainer.network, columns: TraceColumns(trainer: trainer))
                .hasPrefix("step,cost,grad_norm_1,w1_1,"))
        #expect(
            TraceWriter(format: .json, columns: TraceColumns(trainer: trainer)).line(for: trainer).contains("accuracy")
                == false)
    }

    @Test("classes without a split: accuracy alone, the fraction of samples right, and no epoch")
    func accuracyAlone() throws {
        var trainer = Trainer(scenario: Preset.circle.scenario)
        let columns = TraceColumns(trainer: trainer)
        #expect(columns == TraceColumns(testCost: false, penalty: false, batch: false, accuracy: true))
        #expect(!columns.testAccuracy && !columns.epoch)
        let csv = TraceWriter(format: .csv, columns: columns)
        #expect(
            csv.header(for: trainer, name: "circle")[0].hasPrefix("step,cost,accuracy,grad_norm_1,grad_norm_2,L1_w1_1,")
        )
        let (json, text) = (TraceWriter(format: .json, columns: columns), TraceWriter(format: .text, columns: columns))
        var fractions: Set<Double> = []
        for _ in 0..<6 {
            // Counted here from the training rows' ŷ and the data's targets, apart from the
            // writer's path through every sample's predictions.
            let targets = trainer.scenario.targets
            let right = (0..<trainer.prediction.rows).count { row in
                let wanted = targets[trainer.scenario.split.training[row], 0]
                let value = trainer.prediction[row, 0]
                return wanted == 1 ? value > 0.5 : value < 0.5
            }
            let fraction = Double(right) / Double(targets.rows)
            fractions.insert(fraction)
            let cells = csv.line(for: trainer).split(separator: ",")
            #expect(cells[2] == "\(fraction)", "step \(trainer.stepCount)")
            #expect(
                json.line(for: trainer).contains("\"cost\":\(trainer.cost),\"accuracy\":\(fraction),\"grad_norms\""))
            #expect(text.line(for: trainer).contains("cost \(trainer.cost)  accuracy \(right)/\(targets.rows)  ŷ"))
            trainer.run(steps: 100)
        }
        // Learning, so the column moves (it would not if it were written from step 0's ŷ).
        #expect(fractions.count > 1)
    }

    @Test("classes with a split: accuracy and test_accuracy, each over its own samples")
    func accuracyWithSplit() throws {
        var trainer = Trainer(scenario: Preset.overfit.scenario)
        trainer.run(steps: 40)
        let columns = TraceColumns(trainer: trainer)
        #expect(columns.accuracy && columns.testAccuracy)
        let split = trainer.scenario.split
        let targets = trainer.scenario.targets
        let classes = try #require(TargetClasses(targets: targets))
        // The training and the test workspaces' own rows, with the targets of their samples.
        func right(_ prediction: Matrix, _ samples: [Int]) -> Int {
            var rows = Matrix(rows: samples.count, columns: targets.columns)
            for (r, s) in samples.enumerated() { for j in 0..<targets.columns { rows[r, j] = targets[s, j] } }
            return classes.rightCount(prediction: prediction, targets: rows)
        }
        let training = right(trainer.prediction, split.training)
        let test = right(try #require(trainer.testPrediction), split.test)
        let accuracy = try #require(trainer.classAccuracy)
        #expect(accuracy.right == training && accuracy.testRight == test)
        #expect(accuracy.count == split.training.count && accuracy.testCount == split.test.count)
        let header = TraceWriter.csvHeader(for: trainer.network, columns: columns).split(separator: ",")
        #expect(header.prefix(6) == ["step", "cost", "test_cost", "accuracy", "test_accuracy", "epoch"])
        let cells = TraceWriter(format: .csv, columns: columns).line(for: trainer).split(separator: ",")
        #expect(Double(cells[3]) == Double(training) / Double(split.training.count))
        #expect(Double(cells[4]) == Double(test) / Double(split.test.count))
        let line = TraceWriter(format: .text, columns: columns).line(for: trainer)
        #expect(
            line.contains("  accuracy \(training)/\(split.training.count)  test accuracy \(test)/\(split.test.count)  ")
        )
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
        let accuracy = try #require(trainer.classAccuracy)
        let fractions = "\"accuracy\":\(accuracy.fraction),\"test_accuracy\":\(accuracy.testFraction!),"
        #expect(
            line.contains(
                "\"test_cost\":\(trainer.testCost!),\(fractions)\"penalty\":\(trainer.penaltyValue),\"epoch\":3,"))
        #expect(!line.contains("batch"))
    }

    @Test("CSV with mini-batches: the columns after cost, a cell for each, the batch as given")
    func csvWithBatches() throws {
        var scenario = Preset.overfit.scenario
        try scenario.setBatchSize(4)
        var trainer = Trainer(scenario: scenario)
        let columns = TraceColumns(trainer: trainer)
        #expect(columns == TraceColumns(testCost: true, penalty: false, batch: true, accuracy: true))
        let writer = TraceWriter(format: .csv, columns: columns)
        let header = writer.header(for: trainer, name: "overfit")[0].split(separator: ",")
        #expect(
            header.prefix(11) == [
                "step", "cost", "test_cost", "accuracy", "test_accuracy", "epoch", "batch", "grad_norm_1",
                "grad_norm_2", "grad_norm_3", "L1_w1_1",
            ])
        let start = writer.line(for: trainer).split(separator: ",", omittingEmptySubsequences: false)
        #expect(start.count == header.count)
        #expect(start[5] == "0" && start[6] == "")
        let batch = trainer.nextBatch
        trainer.step()
        let row = writer.line(for: trainer, batch: batch).split(separator: ",", omittingEmptySubsequences: false)
        #expect(row[1] == "\(trainer.cost)" && row[2] == "\(trainer.testCost!)")
        #expect(row[5] == "1" && row[6] == batch.map(String.init).joined(separator: " "))
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
            header.prefix(11) == [
                "step", "cost", "test_cost", "accuracy", "test_accuracy", "epoch", "batch", "grad_norm_1",
                "grad_norm_2", "grad_norm_3", "L1_w1_1",
            ])
        #expect(lines.count == 9)
        for (k, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == header.count)
            #expect(cells[0] == "\(k)")
            #expect(cells[6] == used[k].map(String.init).joined(separator: " "), "row \(k)")
        }
        // The last row's accuracy is the trainer's own.
        let last = lines.last!.split(separator: ",", omittingEmptySubsequences: false)
        let accuracy = try #require(trainer.classAccuracy)
        #expect(last[3] == "\(accuracy.fraction)" && last[4] == "\(accuracy.testFraction!)")
        // 20 training samples in batches of 6: steps 1-4 are epoch 1 (6, 6, 6, 2), 5-7 epoch 2.
        #expect(lines.dropFirst().map { $0.split(separator: ",")[5] } == ["0", "1", "1", "1", "1", "2", "2", "2"])
    }
}
