import BackpropCore
import Testing

@testable import BackpropUI

/// The Landscape pane's state: the trail kept whatever the pane shows, its pair, its zoom, and
/// the keys `S` `P` `z` `Z` `E`.
@Suite("the landscape's state and keys")
struct LandscapeStateTests {
    /// Keeps a run's costs and parameters as the visualiser does, written apart from its own
    /// observer.
    struct TrailKeeper: CostObserver {
        var curve: CostCurve
        var trail: ParameterTrail
        mutating func record(step: Int, cost: Double) { curve.record(step: step, cost: cost) }
        mutating func record(_ report: StepReport) { curve.record(report) }
        var wantsParameters: Bool { true }
        mutating func record(parameters: UnsafeBufferPointer<Double>, afterStep step: Int) {
            trail.record(parameters, step: step)
        }
    }

    /// A trail of `states`' parameters, each after its step, made independently of `AppState`.
    static func trail(of states: [Trainer], parameterCount: Int) -> ParameterTrail {
        var trail = ParameterTrail(parameterCount: parameterCount)
        for state in states { trail.record(state.network, step: state.stepCount) }
        return trail
    }

    /// Whether `a` and `b` keep the same states (steps and values), whatever their storage holds.
    static func sameStates(_ a: ParameterTrail, _ b: ParameterTrail) -> Bool {
        a.count == b.count && a.parameterCount == b.parameterCount
            && (0..<a.count).allSatisfy { k in
                a.step(at: k) == b.step(at: k)
                    && (0..<a.parameterCount).allSatisfy {
                        a.value(at: k, offset: $0).bitPattern == b.value(at: k, offset: $0).bitPattern
                    }
            }
    }

    /// The states a trainer passes through in `steps` single steps from `start`, `start` first.
    static func states(from start: Trainer, steps: Int) -> [Trainer] {
        var trainer = start
        var states = [trainer]
        for _ in 0..<steps {
            trainer.step()
            states.append(trainer)
        }
        return states
    }

    @Test("a new state keeps its first parameters, hides the pane, and pairs ω11 with the next parameter")
    func startsWithTheInitialState() {
        let state = TestScenarios.seed()
        let count = state.trainer.network.parameters.count
        #expect(state.trail == Self.trail(of: [state.trainer], parameterCount: count))
        #expect(!state.landscape.isShown && state.landscape.zoom == 0)
        #expect(state.landscape.partner == .weight(layer: 0, row: 0, column: 1))
    }

    @Test("s, a run and the walk's update record every state, with the pane closed too")
    func stepsAreRecorded() {
        let state = TestScenarios.seed()
        let count = state.trainer.network.parameters.count
        let expected = Self.states(from: state.trainer, steps: 8)
        let stepped = assertUpdate(state, .training(.step)) { wanted in
            wanted.apply(.training(.step))
            wanted.trail = Self.trail(of: Array(expected[0...1]), parameterCount: count)
        }
        let ran = assertUpdate(stepped, .training(.advance(steps: 5))) { wanted in
            wanted.apply(.training(.advance(steps: 5)))
            wanted.trail = Self.trail(of: Array(expected[0...6]), parameterCount: count)
        }
        // The walk takes its step at the last backward phase: n from nothing to the update.
        var walking = ran
        while walking.walkPhase != .backward(layer: 0) { walking.apply(.walk(.next)) }
        #expect(walking.trail == ran.trail, "the walk's phases before the update take no step")
        assertUpdate(walking, .walk(.next)) { wanted in
            wanted.apply(.walk(.next))
            wanted.trail = Self.trail(of: Array(expected[0...7]), parameterCount: count)
        }
    }

    @Test("a run at max speed keeps only the last 128 states, each the state of its step")
    func longRunsKeepTheLastStates() {
        var state = TestScenarios.seed()
        state.apply(.training(.advance(steps: 300)))
        let reference = Self.states(from: TestScenarios.seed().trainer, steps: 300)
        #expect(state.trail == Self.trail(of: reference, parameterCount: state.trainer.network.parameters.count))
        #expect(state.trail.count == 128 && state.trail.step(at: 0) == 173)
    }

    @Test("b forgets the states after the one it restores; x and d start a new trail, b after them puts the old back")
    func historyKeysCutOrRestartTheTrail() {
        var state = TestScenarios.seed()
        for _ in 0..<3 { state.apply(.training(.step)) }
        let count = state.trainer.network.parameters.count
        let expected = Self.states(from: TestScenarios.seed().trainer, steps: 3)
        // The trail's `==` also compares the slot it forgot, so its states are compared one by one.
        let back = assertUpdate(state, .history(.stepBack)) { $0.apply(.history(.stepBack)) }
        #expect(Self.sameStates(back.trail, Self.trail(of: Array(expected[0...2]), parameterCount: count)))
        #expect(!Self.sameStates(state.trail, back.trail))
        #expect(back.landscapePath.points.count == 3, "the path ends at the restored state")
        assertUpdate(back, .history(.reset)) { wanted in
            wanted.apply(.history(.reset))
            wanted.trail = Self.trail(of: [expected[0]], parameterCount: count)
        }
        let next = assertUpdate(back, .history(.nextScenario)) { wanted in
            wanted.apply(.history(.nextScenario))
            wanted.trail = Self.trail(of: [wanted.trainer], parameterCount: wanted.trainer.network.parameters.count)
            wanted.landscape.partner = ParameterIndex.first.cycled(backwards: false, in: wanted.trainer.network)
        }
        #expect(next.trail.parameterCount == next.trainer.network.parameters.count)
        #expect(next.trail.parameterCount != count, "the next preset has another network")
        // b after d puts the run back with its path, partner and zoom as they were.
        var zoomed = back
        zoomed.apply(.landscape(.cyclePartner))
        zoomed.apply(.landscape(.zoomIn))
        var left = zoomed
        left.apply(.history(.nextScenario))
        left.apply(.history(.stepBack))
        #expect(left.trail == zoomed.trail && left.landscape.partner == zoomed.landscape.partner)
        #expect(left.landscape.zoom == zoomed.landscape.zoom && left.landscapePath == zoomed.landscapePath)
    }

    @Test("lr changes and edits take no step: the trail stays, and the path ends at the edited values")
    func changesTakeNoStep() {
        var state = TestScenarios.seed()
        state.apply(.training(.step))
        let trail = state.trail
        let raised = assertUpdate(state, .training(.learningRateUp)) { wanted in
            wanted.apply(.training(.learningRateUp))
            wanted.trail = trail
        }
        var edited = raised
        edited.apply(.entry(.beginParameter))
        for character in "0.5" { edited.apply(.entry(.type(character))) }
        edited.apply(.entry(.commit))
        // The edit takes no step: the trail keeps as many states, the edited one in place of
        // the state at its step, so the next step's path starts where that step started.
        var expected = trail
        expected.record(edited.trainer.network, step: 1)
        #expect(edited.trail == expected && edited.trail.count == trail.count && edited.trail != trail)
        #expect(
            edited.landscapePath.current
                == LandscapePoint(x: 0.5, y: edited.trainer.network[.weight(layer: 0, row: 0, column: 1)]))
        #expect(edited.landscapePath.points.count == 2)
        edited.apply(.training(.step))
        #expect(edited.landscapePath.points[1].x == 0.5)
        // b back over the step and the edit: the trail holds the unedited state again.
        edited.apply(.history(.stepBack))
        edited.apply(.history(.stepBack))
        #expect(edited.trail == trail)
    }

    @Test("S shows and hides the pane, saying which keys go with it")
    func toggle() {
        let state = TestScenarios.seed()
        let shown = assertUpdate(state, .landscape(.toggle)) {
            $0.landscape.isShown = true
            $0.message = StatusMessage("landscape of C over ω11 and ω12: P partner, z Z zoom, E export")
        }
        assertUpdate(shown, .landscape(.toggle)) {
            $0.landscape.isShown = false
            $0.message = StatusMessage("landscape hidden (S shows it)")
        }
    }

    @Test("P cycles the partner in Tab order past the selection, opens the pane and unzooms")
    func partnerCycles() {
        var state = TestScenarios.seed()
        state.landscape.zoom = 2
        state.apply(.selection(.cycle(backwards: false)))  // ω12 selected: the partner moves on to ω21
        #expect(state.landscape.partner == .weight(layer: 0, row: 1, column: 0))
        #expect(state.landscape.zoom == 0, "a new pair starts unzoomed")
        state.landscape.zoom = -1
        let names = state.names
        var partner = state.landscape.partner
        var seen: [ParameterIndex] = []
        for _ in 0..<state.trainer.network.parameters.count - 1 {
            let before = state
            state = assertUpdate(before, .landscape(.cyclePartner)) { wanted in
                partner = partner.cycled(backwards: false, in: wanted.trainer.network)
                if partner == wanted.selection {
                    partner = partner.cycled(backwards: false, in: wanted.trainer.network)
                }
                wanted.landscape.partner = partner
                wanted.landscape.isShown = true
                wanted.landscape.zoom = 0
                wanted.message = StatusMessage(
                    wordings: [
                        "landscape: ω12 across, \(names.parameter(partner)) up (P for the next, Tab moves across)",
                        "landscape: ω12 across, \(names.parameter(partner)) up",
                    ])
            }
            seen.append(state.landscape.partner)
        }
        #expect(!seen.contains(state.selection))
        #expect(Set(seen).count == seen.count, "every other parameter once")
    }

    @Test("Tab onto the partner moves the partner to the next parameter")
    func selectionOntoPartner() {
        var state = TestScenarios.seed()
        state.landscape.partner = .weight(layer: 0, row: 1, column: 0)
        state.landscape.zoom = 3
        assertUpdate(state, .selection(.move(.down))) {
            $0.selection = .weight(layer: 0, row: 1, column: 0)
            $0.landscape.partner = .weight(layer: 0, row: 1, column: 1)
            $0.landscape.zoom = 0
        }
        // Help changes neither the pair nor the zoom.
        assertUpdate(state, .view(.toggleHelp)) { $0.isHelpShown = true }
    }

    @Test("z and Z move one rung of the ladder, open the pane and say the spans; they stop at the limit")
    func zoom() {
        let state = TestScenarios.seed()
        let fitted = state.landscapePath.window(zoom: 0)
        let inward = state.landscapePath.window(zoom: -1)
        let span = { (range: ClosedRange<Double>) in DecimalNumber.text(range.upperBound - range.lowerBound) }
        #expect(span(inward.x) != span(fitted.x))
        let zoomed = assertUpdate(state, .landscape(.zoomIn)) {
            $0.landscape.isShown = true
            $0.landscape.zoom = -1
            $0.message = StatusMessage(
                wordings: [
                    "landscape 1 rung in: ω11 spans \(span(inward.x)), ω12 spans \(span(inward.y)) (z in, Z out)",
                    "landscape 1 rung in: spans \(span(inward.x)) and \(span(inward.y))",
                ])
        }
        let back = assertUpdate(zoomed, .landscape(.zoomOut)) {
            $0.landscape.zoom = 0
            $0.message = StatusMessage(
                wordings: [
                    "landscape fitting the path: ω11 spans \(span(fitted.x)), ω12 spans \(span(fitted.y)) (z in, Z out)",
                    "landscape fitting the path: spans \(span(fitted.x)) and \(span(fitted.y))",
                ])
        }
        var far = back
        far.landscape.zoom = AppState.landscapeZoomLimit
        assertUpdate(far, .landscape(.zoomOut)) {
            $0.message = StatusMessage("landscape zoomed out as far as it goes (9 rungs); z zooms back")
        }
    }

    @Test("E writes the 41x31 grid over the window the pane shows, named by the trace's names")
    func export() throws {
        var state = TestScenarios.seed()
        for _ in 0..<4 { state.apply(.training(.step)) }
        state.landscape.zoom = -1
        let trainer = state.trainer
        let reference = Self.states(from: TestScenarios.seed().trainer, steps: 4)
        let x = ParameterIndex.weight(layer: 0, row: 0, column: 0)
        let y = ParameterIndex.weight(layer: 0, row: 0, column: 1)
        let points = reference.map { LandscapePoint(x: $0.network[x], y: $0.network[y]) }
        var next = trainer
        next.step()
        let window = LandscapeWindow.fitting(
            path: points, next: LandscapePoint(x: next.network[x], y: next.network[y]), zoom: -1)
        var text = "w1_1,w1_2,cost\n"
        for row in 0..<31 {
            for column in 0..<41 {
                var network = trainer.network
                network[x] =
                    window.x.lowerBound + (Double(column) + 0.5) * (window.x.upperBound - window.x.lowerBound) / 41
                network[y] =
                    window.y.lowerBound + (Double(row) + 0.5) * (window.y.upperBound - window.y.lowerBound) / 31
                text += "\(network[x]),\(network[y]),\(trainer.cost(of: network))\n"
            }
        }
        let effects = state.apply(.landscape(.export))
        guard case .writeFile(let written, let base, let ext, let what)? = effects.first else {
            Issue.record("E returned \(effects)")
            return
        }
        #expect(base == "backprop-landscape" && ext == "csv")
        #expect(what == ["landscape of ω11 and ω12 at step 4 (41x31) written to", "landscape written to"])
        #expect(written.split(separator: "\n").count == 1 + 41 * 31)
        #expect(written == text)
        #expect(!state.landscape.isShown, "E writes what the pane would show without opening it")
    }
}
