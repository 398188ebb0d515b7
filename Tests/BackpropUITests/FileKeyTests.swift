import BackpropCore
@testable import BackpropUI
import Foundation
import XCTest

/// `e` and `w`: written atomically into the state's folder, never over a file, loading back.
final class FileKeyTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder =
            FileManager.default.temporaryDirectory.appendingPathComponent("backprop-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func state() -> AppState {
        TestScenarios.seed()
    }

    /// Writes into the test's folder; 2025-01-31 14:25:01 UTC (the name uses local time, so
    /// only its shape is checked).
    private var effects: EffectPerformer {
        EffectPerformer(folder: folder, now: { Date(timeIntervalSince1970: 1_738_333_501) })
    }

    private func writtenPath(_ state: AppState) throws -> String {
        let text = try XCTUnwrap(state.message?.text)
        XCTAssertEqual(state.message?.kind, .info, text)
        return try XCTUnwrap(text.split(separator: " ").last.map(String.init), text)
    }

    func testExportWritesHeadlessCSVRowsWithLrAndEventAndNeverOverwrites() throws {
        var state = state()
        state.apply(.training(.advance(steps: 1500)))
        state.apply(.training(.step))
        effects.apply(.file(.exportTrace), to: &state)
        let path = try writtenPath(state)
        XCTAssertTrue(
            path.range(of: #"/backprop-trace-\d{8}-\d{6}\.csv$"#, options: .regularExpression) != nil, path)
        XCTAssertEqual(state.message?.text, "steps 0-1501 (1502 rows) exported to \(path)")
        let written = try String(contentsOfFile: path, encoding: .utf8)

        // What `--headless --format csv --steps 1501` prints (the header, then steps 0 ... 1501),
        // each line followed by the lr, the optimizer, its step count (sgd keeps none) and the
        // event.
        var trainer = Trainer(scenario: Preset.seed.scenario)
        let writer = TraceWriter(format: .csv, columns: TraceColumns(trainer: trainer))
        var expected = [
            TraceWriter.csvHeader(for: trainer.network, columns: TraceColumns(trainer: trainer))
                + ",lr,optimizer,optimizer_step,event",
            writer.line(for: trainer) + ",0.1,sgd,0,start",
        ]
        for _ in 0..<1501 {
            trainer.run(steps: 1)
            expected.append(writer.line(for: trainer) + ",0.1,sgd,0,step")
        }
        XCTAssertEqual(written, expected.joined(separator: "\n") + "\n")

        effects.apply(.file(.exportTrace), to: &state)
        let second = try writtenPath(state)
        XCTAssertTrue(second.hasSuffix("-2.csv"), second)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), written, "the first export was overwritten")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(names.count, 2, "a temporary file was left: \(names)")
    }

    func testAnExportReplaysRowByRowThroughLrChangesEditsOptimizersAndStepsBack() throws {
        var state = state()
        state.apply(.training(.advance(steps: 3)))
        state.apply(.training(.cycleOptimizer))  // momentum, from step 3
        state.apply(.training(.learningRateUp))
        state.apply(.training(.step))
        state.apply(.training(.step))
        state.apply(.entry(.beginParameter))
        for character in "-0.75" { state.apply(.entry(.type(character))) }
        state.apply(.entry(.commit))
        state.apply(.training(.step))
        state.apply(.history(.stepBack))  // the step after the edit is gone from the line b can reach
        state.apply(.training(.learningRateDown))
        state.apply(.training(.learningRateDown))
        state.apply(.training(.advance(steps: 1200)))
        effects.apply(.file(.exportTrace), to: &state)
        let path = try writtenPath(state)
        XCTAssertEqual(state.message?.text, "steps 0-1205 (1211 rows) exported to \(path)")
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try XCTUnwrap(rows.first)
        XCTAssertEqual(header.suffix(4), ["lr", "optimizer", "optimizer_step", "event"])

        // A reader replays it: the first row is the start; then each row is one step, a new lr
        // or typed-in parameters, from the row before.
        var trainer = Trainer(scenario: Preset.seed.scenario)
        let writer = TraceWriter(format: .csv, columns: TraceColumns(trainer: trainer))
        XCTAssertEqual(header[2], "accuracy", "the seed's one-hot targets are classes")
        XCTAssertEqual(header[3], "grad_norm_1")
        var events: [String] = []
        for row in rows.dropFirst() {
            let event = try XCTUnwrap(row.last)
            let lr = try XCTUnwrap(Double(row[row.count - 4]))
            // After step, cost, accuracy and the one layer's grad_norm_1.
            let parameters = row[4..<(row.count - 4)].compactMap(Double.init)
            switch event {
            case "start":
                trainer.restore(TrainingState(network: trainer.network, stepCount: Int(row[0])!, learningRate: lr))
            case "step": trainer.step()
            case "lr": try trainer.setLearningRate(lr)
            case "optimizer":
                let name = try XCTUnwrap(OptimizerName(rawValue: String(row[row.count - 3].split(separator: " ")[0])))
                trainer.setOptimizer(trainer.optimizer.named(name))
            case "edit":
                // An edit changes the parameters only: the optimizer and its state go on.
                var edited = trainer.state
                edited.network.parameters = parameters
                edited.learningRate = lr
                trainer.restore(edited)
            default: XCTFail("event \(event)")
            }
            events.append(event)
            XCTAssertEqual(
                writer.line(for: trainer)
                    + ",\(trainer.learningRate),\(trainer.optimizer.plainSummary),\(trainer.state.optimizerState.step),\(event)",
                row.joined(separator: ","),
                "row \(events.count) does not replay")
        }
        XCTAssertEqual(trainer.state, state.trainer.state, "the replay ends where the state is")
        XCTAssertEqual(trainer.cost.bitPattern, state.trainer.cost.bitPattern)
        XCTAssertEqual(events.filter { $0 != "step" }, ["start", "optimizer", "lr", "edit", "lr", "lr"])
        XCTAssertEqual(events.count, 1 + 3 + 1 + 1 + 2 + 1 + 2 + 1200)
        XCTAssertEqual(rows.last?[rows[0].count - 3], "momentum momentum=0.9")
        XCTAssertEqual(
            rows.last?[rows[0].count - 2], "1202", "momentum's own steps: 2, then 1200 (the one undone is not counted)")
    }

    func testSaveWritesAScenarioThatLoadsBackExactly() throws {
        var state = state()
        state.apply(.training(.advance(steps: 40)))
        state.apply(.training(.learningRateUp))
        state.apply(.selection(.cycle(backwards: true)))
        state.apply(.entry(.beginParameter))
        for character in "0.123456789012345" { state.apply(.entry(.type(character))) }
        state.apply(.entry(.commit))
        effects.apply(.file(.saveScenario), to: &state)
        let path = try writtenPath(state)
        XCTAssertTrue(
            path.range(of: #"/backprop-scenario-\d{8}-\d{6}\.json$"#, options: .regularExpression) != nil, path)
        let loaded = try Scenario.load(path: path)
        XCTAssertEqual(loaded.network, state.trainer.network)
        XCTAssertEqual(loaded.learningRate.bitPattern, state.trainer.learningRate.bitPattern)
        XCTAssertEqual(loaded.inputs, state.trainer.scenario.inputs)
        XCTAssertEqual(loaded.targets, state.trainer.scenario.targets)
        XCTAssertEqual(loaded.loss, state.trainer.loss)
        XCTAssertEqual(loaded.reduction, state.trainer.reduction)
        XCTAssertEqual(Trainer(scenario: loaded).cost.bitPattern, state.trainer.cost.bitPattern)

        effects.apply(.file(.saveScenario), to: &state)
        XCTAssertTrue(try writtenPath(state).hasSuffix("-2.json"))
    }

    func testSaveCarriesTheOptimizerAndItsStateSoTheLoadedRunGoesOnTheSame() throws {
        var state = state()
        for _ in 0..<4 { state.apply(.training(.cycleOptimizer)) }  // adam
        state.apply(.training(.advance(steps: 25)))
        effects.apply(.file(.saveScenario), to: &state)
        let loaded = try Scenario.load(path: try writtenPath(state))
        XCTAssertEqual(loaded.optimizer, state.trainer.optimizer)
        XCTAssertEqual(loaded.optimizerState, state.trainer.state.optimizerState, "t, m and v as they were")
        var resumed = Trainer(scenario: loaded)
        var going = state.trainer
        resumed.run(steps: 10)
        going.run(steps: 10)
        XCTAssertEqual(resumed.network, going.network, "the loaded run takes Adam's very next steps")
    }

    func testAnUnwritableFolderIsAnErrorMessageNotACrash() {
        var state = state()
        let effects = EffectPerformer(folder: folder + "/missing")
        effects.apply(.file(.exportTrace), to: &state)
        XCTAssertEqual(state.message?.kind, .error)
        XCTAssertTrue(state.message?.text.contains("cannot write") ?? false, state.message?.text ?? "")
    }

    func testUpdateOnlyAsksForTheFileTheLoopThenWrites() throws {
        var state = state()
        let effects = state.apply(.file(.saveScenario))
        XCTAssertEqual(effects.count, 1)
        guard case .writeFile(let text, let base, let ext, _) = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(base, "backprop-scenario")
        XCTAssertEqual(ext, "json")
        XCTAssertEqual(text, state.trainer.scenario.jsonText(), "the scenario as it stands")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "update wrote nothing")
        XCTAssertNil(state.message, "and says nothing until the file is written")
        var task: (any LongTask)?
        state.apply(try XCTUnwrap(self.effects.perform(effects[0], task: &task)))
        XCTAssertNil(task, "w's file is written at once")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).count, 1)
        XCTAssertTrue(state.message?.text.hasPrefix("state saved to ") ?? false)
    }
}
