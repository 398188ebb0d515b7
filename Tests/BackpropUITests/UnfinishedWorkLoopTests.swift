import BackpropCore
import BackpropUI
import Testing

/// The main loop with a gradient check that takes many frames: it draws what is made, polls for
/// keys without waiting, renders again until the check is done, and then waits for keys; a key
/// that closes the check is answered at the next poll and ends the work.
@Suite("the loop and unfinished work")
struct UnfinishedWorkLoopTests {
    /// Each clock read moves 30 ms, so each render's budget (`FrameRenderer.sliceMilliseconds`)
    /// allows exactly one estimate: the check takes one frame per entry.
    private func run(_ state: inout AppState, _ script: [(milliseconds: UInt64, event: TerminalEvent)])
        -> ScriptedScreen
    {
        let clock = FakeClock()
        clock.tickPerRead = 30_000_000
        let screen = ScriptedScreen(clock: clock, script: script)
        AppLoop(clock: clock).run(&state, on: screen)
        #expect(!screen.ranDry, "the loop waited for an event the script did not have")
        return screen
    }

    private func checkingLines(_ screen: ScriptedScreen) -> [String] {
        screen.frames.compactMap { frame in
            frame.text.split(separator: "\n").lazy.compactMap { $0.firstMatch(of: /checking \d+ of \d+/) }.first
                .map { String($0.output) }
        }
    }

    @Test("paused, the loop renders again without waiting until the check is done, then blocks")
    func pollsUntilDone() throws {
        var state = WideNetworks.xor(hidden: [2000])
        state.isGradientCheckShown = true
        let screen = run(&state, [(600_000, .key(.character("q")))])
        let lines = checkingLines(screen)
        let count = try #require(lines.first.flatMap { Int($0.split(separator: " ").last!) })
        #expect(lines == (1..<count).map { "checking \($0) of \(count)" }, "one more entry each frame")
        #expect(screen.frames.count == count)
        #expect(!screen.frames.last!.text.contains("checking"))
        // A poll after every unfinished frame, then a wait with no timeout: an idle loop again.
        #expect(screen.timeouts == Array(repeating: 0, count: count - 1) + [nil])
    }

    @Test("c closes a check under way at the next poll, and the loop goes back to waiting")
    func closingStopsTheWork() throws {
        var state = WideNetworks.xor(hidden: [2000])
        state.isGradientCheckShown = true
        // The key comes during the second frame's work.
        let screen = run(&state, [(40, .key(.character("c"))), (600_000, .key(.character("q")))])
        #expect(!state.isGradientCheckShown)
        let delivered = try #require(screen.deliveries.first)
        #expect(delivered.framesBefore <= 2, "answered within a frame or two of the work")
        #expect(!screen.frames.last!.text.contains("Gradient check"))
        #expect(screen.frames.count == delivered.framesBefore + 1, "no more frames of work after it")
        #expect(screen.timeouts.last == .some(nil), "blocks again")
    }
}
