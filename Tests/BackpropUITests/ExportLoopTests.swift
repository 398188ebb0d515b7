import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// The main loop with an export running: it works in slices between frames, keys keep working
/// meanwhile, and Esc or quitting stops it with nothing left behind.
@Suite("the loop during an export")
struct ExportLoopTests {
    private func key(_ character: Character) -> TerminalEvent { .key(.character(character)) }

    /// Runs the loop on `state` with `script`, every clock read taking 1 simulated ms, writing
    /// into a fresh folder; returns the screen and the names the folder holds afterwards.
    private func run(_ state: inout AppState, _ script: [(milliseconds: UInt64, event: TerminalEvent)]) throws
        -> (screen: ScriptedScreen, names: [String], folder: String)
    {
        let folder =
            FileManager.default.temporaryDirectory.appendingPathComponent("backprop-loop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = FakeClock()
        clock.tickPerRead = 1_000_000
        let screen = ScriptedScreen(clock: clock, script: script)
        AppLoop(clock: clock, effects: EffectPerformer(folder: folder)).run(&state, on: screen)
        #expect(!screen.ranDry, "the loop waited for an event the script did not have")
        return (screen, try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), folder)
    }

    /// The seed 20,000 steps in: the export has more than 10,000 rows to write.
    private func longRun() -> AppState {
        var state = TestScenarios.seed()
        state.apply(.training(.advance(steps: 20_000)))
        return state
    }

    private func hint(_ frame: Canvas) -> String {
        String(frame.text.split(separator: "\n").last!)
    }

    @Test("while paused, the export goes on by itself, frame after frame, each showing how far it got")
    func runsToTheEndWhilePaused() throws {
        var state = longRun()
        let rows = ExportedTrace(history: state.history, to: state.trainer).rowCount
        let (screen, names, _) = try run(&state, [(0, key("e")), (60_000, key("q"))])
        let progress = screen.frames.map(hint).filter { $0.contains("exporting row") }
        #expect(progress.count >= 5, "the progress was drawn as it went: \(progress.count) frames")
        #expect(progress.contains { $0.contains("of \(thousandsSeparated(rows)) … Esc cancels") })
        #expect(names.count == 1)
        let done = hint(screen.frames.last!)
        #expect(done.hasPrefix(" steps 0-20000 (20001 rows) exported to "), "\(done)")
        // Done, the paused loop blocks again.
        #expect(screen.timeouts.last == .some(nil))
        let gaps = zip(screen.drawTimes, screen.drawTimes.dropFirst()).map { $1 - $0 }
        #expect(gaps.max()! <= 40_000_000, "a frame at least every 40 simulated ms while exporting")
    }

    @Test("keys work during an export, each answered within a slice, and Esc cancels it, leaving nothing")
    func keysThenEscape() throws {
        var state = longRun()
        let (screen, names, _) = try run(
            &state, [(0, key("e")), (30, key("s")), (31, key("+")), (60, .key(.escape)), (5_000, key("q"))])
        #expect(names == [], "the cancelled export left nothing")
        #expect(state.trainer.stepCount == 20_001, "s took its step while the export ran")
        #expect(state.trainer.learningRate == 0.2)
        let cancelled = hint(screen.frames.last!)
        #expect(cancelled.hasPrefix(" export cancelled at row "), "\(cancelled)")
        #expect(cancelled.contains(" of 20,001; nothing written"), "\(cancelled)")
        #expect(state.task == nil)
        let s = try #require(screen.deliveries.first { $0.event == key("s") })
        let answered = try #require(screen.frames.indices.first { $0 >= s.framesBefore })
        let frame = screen.frames[answered]
        #expect(frame.text.contains("step 20001 "), "the next frame shows the step")
        #expect(hint(frame).contains("exporting row"), "and the export still running")
        #expect(screen.drawTimes[answered] - s.at <= 2 * AppLoop.taskSliceNanoseconds, "within a slice or two")
    }

    @Test("quitting mid-export removes the partial file")
    func quitRemovesIt() throws {
        for ending in [key("q"), TerminalEvent.quit] {
            var state = longRun()
            let (_, names, _) = try run(&state, [(0, key("e")), (40, ending)])
            #expect(state.shouldQuit)
            #expect(names == [], "quit by \(ending)")
        }
    }
}
