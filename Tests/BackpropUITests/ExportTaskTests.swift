import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// `e` as a long task: started by an effect, written a slice at a time between frames with its
/// progress on the hint line, cancelled by Esc, refused when too large, and never leaving a
/// partial file behind.
@Suite("export as a long task")
struct ExportTaskTests {
    /// A fresh folder for one test's files; `body` gets its path, and it is removed afterwards.
    private func inFolder(_ body: (String) throws -> Void) throws {
        let folder =
            FileManager.default.temporaryDirectory.appendingPathComponent("backprop-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    private func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// The seed after `steps` steps: 8 parameters, so a row is short and a long history is quick.
    private func seed(after steps: Int) -> AppState {
        var state = TestScenarios.seed()
        state.apply(.training(.advance(steps: steps)))
        return state
    }

    private let progress = TaskProgress(activity: "exporting row", current: 3_400, total: 10_001)

    @Test("the loop's progress is kept for the hint line, replacing no message; the end clears it and brings its own")
    func progressAndEnd() {
        var start = TestScenarios.seed()
        start.apply(.training(.learningRateUp))
        let running = assertUpdate(start, .task(.progress(progress))) { $0.task = progress }
        let done = StatusMessage("steps 0-10000 (10001 rows) exported to ./t.csv")
        assertUpdate(running, .task(.finished(done))) {
            $0.task = nil
            $0.message = done
        }
    }

    @Test("Esc's cancel asks the loop to stop the task, as an effect; with no task it asks nothing")
    func cancelIsAnEffect() {
        var running = TestScenarios.seed()
        running.task = progress
        running.message = StatusMessage("lr 0.2")
        assertUpdate(running, .task(.cancel), effects: [.cancelTask]) { $0.message = nil }
        assertUpdate(TestScenarios.seed(), .task(.cancel), effects: [])
    }

    @Test("Esc cancels a running export unless help, a quiz or an entry is open, which it closes first")
    func escapeCancels() {
        var running = TestScenarios.seed()
        #expect(KeyMap.action(for: .escape, in: running) == nil)
        running.task = progress
        #expect(KeyMap.action(for: .escape, in: running) == .task(.cancel))
        running.apply(.walk(.next))
        #expect(KeyMap.action(for: .escape, in: running) == .task(.cancel), "the hint line shows the export")
        var helped = running
        helped.isHelpShown = true
        #expect(KeyMap.action(for: .escape, in: helped) == .view(.closeHelp))
        var typing = running
        typing.apply(.entry(.beginLearningRate))
        #expect(KeyMap.action(for: .escape, in: typing) == .entry(.cancel))
        var asked = running
        asked.apply(.quiz(.ask))
        #expect(KeyMap.action(for: .escape, in: asked) == .entry(.cancel), "the answer being typed")
        asked.apply(.entry(.type("+")))
        asked.apply(.entry(.commit))
        #expect(asked.quiz != nil && asked.entry == nil)
        #expect(KeyMap.action(for: .escape, in: asked) == .quiz(.end), "the answer's explanation")
    }

    @Test("e while an export runs is refused in one line: one export at a time")
    func oneExportAtATime() {
        var running = seed(after: 10)
        running.task = progress
        let refused = assertUpdate(running, .file(.exportTrace)) {
            $0.message = StatusMessage(
                wordings: ["an export is still being written; wait for it, or Esc cancels it", "still exporting"],
                kind: .error)
        }
        #expect(refused.task == progress)
    }

    @Test("an export larger than the limit is refused before anything is written, with its size and rows")
    func tooLargeIsRefused() throws {
        var state = TestScenarios.seed()
        // 100,000,001 states b could reach, without taking them: the history's one checkpoint
        // is step 0.
        var far = state.trainer.state
        far.stepCount = 100_000_000
        state.trainer.restore(far)
        var refused = state
        let effects = refused.apply(.file(.exportTrace))
        #expect(effects == [])
        let message = try #require(refused.message)
        #expect(message.kind == .error)
        let text = message.text
        let pattern =
            #/the trace would be ([\d.]+) GB \(100,000,001 rows of (\d+) bytes\), more than the 2 GB e writes; w saves the current state alone, and a run started again with x has fewer rows/#
        let match = try #require(text.wholeMatch(of: pattern), "\(text)")
        // A row is what `--headless --format csv` prints for the state (with grad_norm_1), and
        // the four columns.
        let writer = TraceWriter(format: .csv, columns: TraceColumns(trainer: state.trainer))
        let row = writer.line(for: state.trainer).utf8.count + ",0.1,sgd,0,step\n".utf8.count
        #expect(abs(Int(match.output.2)! - row) <= 10, "row estimate \(match.output.2), row \(row)")
        let gigabytes = Double(100_000_002 * Int(match.output.2)!) / 1e9
        // Within half a unit of the size's last printed place (10.3 GB is written "10 GB").
        let decimals = match.output.1.split(separator: ".").dropFirst().first?.count ?? 0
        let halfUnit = 0.5 / pow(10, Double(decimals))
        #expect(
            abs(Double(match.output.1)! - gigabytes) <= halfUnit + 1e-9, "\(match.output.1) GB, \(gigabytes) GB")
        #expect(message.wordings.last.map { $0.count <= 60 } == true, "a short wording for narrow terminals")
        assertUpdate(state, .file(.exportTrace)) { $0.message = message }
    }

    @Test("started by its effect, the export shows row 1 at once, writes in slices, and is named only when whole")
    func slicesThenNamed() throws {
        try inFolder { (folder) throws in
            let performer = EffectPerformer(folder: folder, now: { Date(timeIntervalSince1970: 1_738_333_501) })
            var state = seed(after: 3_000)
            let expected = ExportedTrace.text(history: state.history, to: state.trainer)
            var task: (any LongTask)?
            performer.apply(.file(.exportTrace), to: &state, task: &task)
            #expect(task != nil)
            #expect(state.task == TaskProgress(activity: "exporting row", current: 1, total: 3_001))
            // Training goes on meanwhile: the export is of the run as it was at the press.
            state.apply(.training(.advance(steps: 500)))
            let clock = FakeClock()
            clock.tickPerRead = 1_000_000
            var shown: [Int] = []
            while task != nil {
                #expect(try names(in: folder) == [], "nothing has a name before the last row is on disk")
                performer.advance(&task, on: &state, until: clock.nanoseconds + 3_000_000, clock: clock)
                if let current = state.task?.current { shown.append(current) }
            }
            #expect(shown.count >= 5, "several slices: \(shown)")
            #expect(shown == shown.sorted() && Set(shown).count == shown.count, "progress only goes forward")
            #expect(state.task == nil)
            let written = try names(in: folder)
            #expect(written.count == 1)
            let path = "\(folder)/\(written[0])"
            #expect(state.message == StatusMessage("steps 0-3000 (3001 rows) exported to \(path)"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        }
    }

    @Test("cancelled mid-way, the export leaves nothing and says where it stopped")
    func cancelledLeavesNothing() throws {
        try inFolder { (folder) throws in
            let performer = EffectPerformer(folder: folder)
            var state = seed(after: 3_000)
            var task: (any LongTask)?
            performer.apply(.file(.exportTrace), to: &state, task: &task)
            let clock = FakeClock()
            clock.tickPerRead = 1_000_000
            performer.advance(&task, on: &state, until: clock.nanoseconds + 2_000_000, clock: clock)
            let row = try #require(state.task?.current)
            #expect(row > 1 && row < 3_001)
            performer.apply(.task(.cancel), to: &state, task: &task)
            #expect(task == nil)
            #expect(state.task == nil)
            #expect(
                state.message
                    == StatusMessage(
                        wordings: [
                            "export cancelled at row \(thousandsSeparated(row)) of 3,001; nothing written",
                            "export cancelled; nothing written",
                        ]))
            #expect(try names(in: folder) == [])
        }
    }

    @Test("a folder that cannot take the file ends the export at once, in one line")
    func unwritableFolder() throws {
        try inFolder { (folder) throws in
            let performer = EffectPerformer(folder: folder + "/missing")
            var state = seed(after: 10)
            var task: (any LongTask)?
            performer.apply(.file(.exportTrace), to: &state, task: &task)
            #expect(task == nil)
            #expect(state.task == nil)
            #expect(state.message?.kind == .error)
            #expect(
                state.message?.text
                    .hasPrefix("cannot write \(folder)/missing/backprop-trace-") == true)
            #expect(state.message?.text.hasSuffix(".csv: no such file or directory; nothing written") == true)
        }
    }

    @Test("a quit signal while --snapshot runs an export cancels it, removes it and quits")
    func stopWhileRunToTheEnd() throws {
        try inFolder { (folder) throws in
            let performer = EffectPerformer(folder: folder, shouldStop: { true })
            var state = seed(after: 3_000)
            performer.apply(.file(.exportTrace), to: &state)
            #expect(state.shouldQuit)
            #expect(state.task == nil)
            #expect(state.message?.text == "export cancelled at row 1 of 3,001; nothing written")
            #expect(try names(in: folder) == [])
        }
    }

    @Test("the hint line shows the progress, and a key's message after it when there is room")
    func hintLine() {
        var state = TestScenarios.seed(size: Size(width: 100, height: 30))
        state.task = progress
        let last = { (state: AppState) in Frame.render(state, size: state.size).text.split(separator: "\n").last! }
        #expect(last(state).hasPrefix(" exporting row 3,400 of 10,001 … Esc cancels"))
        state.apply(.training(.learningRateUp))
        #expect(last(state).hasPrefix(" exporting row 3,400/10,001, Esc cancels  lr 0.2"), "\(last(state))")
        state.size = Size(width: 80, height: 24)
        state.options.ascii = true
        state.message = nil
        #expect(last(state).hasPrefix(" exporting row 3,400 of 10,001 ... Esc cancels"))
    }
}
