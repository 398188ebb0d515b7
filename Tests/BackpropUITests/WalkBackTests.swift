import BackpropCore
import Testing

@testable import BackpropUI

/// `b` during a walk (`n`) goes back one phase, as `n` goes forward one: from the update it
/// undoes the step the walk took; at the first phase it ends the walk and says so.
@Suite struct WalkBackTests {
    /// The state after `n` pressed `count` times on `start`.
    private static func walked(_ count: Int, from start: AppState) -> AppState {
        var state = start
        for _ in 0..<count { state.apply(.walk(.next)) }
        return state
    }

    @Test("b from each phase before the update shows the phase before it and changes nothing else")
    func backOnePhase() {
        let start = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden")
        // 2 layers: forward 1, forward 2, cost, backward 2, backward 1, update.
        for count in 2...5 {
            let at = Self.walked(count, from: start)
            let before = Self.walked(count - 1, from: start)
            var after = at
            after.apply(.history(.stepBack))
            let phase = before.walkPhase!.counter(layerCount: 2)
            #expect(after.message?.wordings.last == "back to phase \(phase)", "from \(count)")
            var expected = at
            expected.walkPhase = before.walkPhase
            expected.message = after.message
            #expect(after == expected, "only the phase and the message change, from \(count)")
        }
    }

    @Test("b from the update undoes the walk's step exactly and shows the last backward phase")
    func backFromTheUpdateUndoesTheStep() {
        var start = AppState(scenario: Preset.seed.scenario, scenarioName: "seed")
        start.apply(.training(.step))
        let beforeStep = Self.walked(3, from: start)
        let update = Self.walked(4, from: start)
        #expect(update.walkPhase == .update)
        #expect(update.trainer.stepCount == 2)
        var back = update
        back.apply(.history(.stepBack))
        #expect(back.walkPhase == .backward(layer: 0))
        #expect(back.trainer == beforeStep.trainer, "the step is undone bit for bit")
        #expect(back.costCurve == beforeStep.costCurve)
        #expect(back.message?.wordings.last == "back to phase 3/4, step 2 undone")
        // And n takes the same step again.
        back.apply(.walk(.next))
        #expect(back.trainer == update.trainer)
        #expect(back.walkPhase == .update)
    }

    @Test("b at the first phase ends the walk, says so, and undoes nothing; the next b steps back")
    func backAtTheFirstPhaseEndsTheWalk() {
        var start = AppState(scenario: Preset.seed.scenario, scenarioName: "seed")
        start.apply(.training(.step))
        let first = Self.walked(1, from: start)
        let ended = assertUpdate(first, .history(.stepBack)) {
            $0.walkPhase = nil
            $0.message = StatusMessage(
                wordings: ["walk ended: b went back past its first phase; n starts it again", "walk ended"])
        }
        var back = ended
        back.apply(.history(.stepBack))
        #expect(back.trainer.stepCount == 0, "outside a walk b undoes as before")
    }

    @Test("in a race, b between phases keeps the race; b from the update ends it, as any undo does")
    func raceAndWalkBack() {
        var start = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden")
        start.apply(.race(.toggle))
        var state = Self.walked(3, from: start)
        state.apply(.history(.stepBack))
        #expect(state.race != nil)
        state = Self.walked(6, from: start)
        #expect(state.walkPhase == .update)
        state.apply(.history(.stepBack))
        #expect(state.race == nil)
        #expect(state.trainer.stepCount == 0)
        #expect(state.message?.text.hasPrefix("race ended: b went back; back to phase 5/6") == true)
    }
}
