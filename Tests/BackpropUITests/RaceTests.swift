import BackpropCore
import BackpropUI
import XCTest

/// `R` and `--compare` in the visualiser: who races, that every runner is exactly its own run
/// whatever the path its steps take (s, running, the walk), what ends a race, and a runner
/// that diverges.
final class RaceTests: XCTestCase {
    private func seed(size: Size = Size(width: 80, height: 24)) -> AppState {
        AppState(scenario: Preset.seed.scenario, scenarioName: "seed", size: size)
    }

    /// `state` started with `--compare names`, as the command line sets it up.
    private func compared(_ names: [OptimizerName], scenario: Scenario = Preset.seed.scenario) -> AppState {
        var opening = scenario
        try! opening.setOptimizer(scenario.optimizer.named(names[0]))
        var state = AppState(scenario: opening, scenarioName: "seed")
        state.raceNames = names
        state.apply(.race(.toggle))
        return state
    }

    private func names(_ state: AppState) -> [OptimizerName] { state.raceRunners.map(\.name) }

    /// The linear seed at lr 1: sgd's steps overshoot and grow until the cost is infinite; Adam's
    /// steps are at most about lr, and it converges (as the headless race's test).
    private var overshooting: Scenario {
        try! Scenario(
            inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
            weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], learningRate: 1, activation: .linear)
    }

    func testRRacesSgdMomentumAndAdamWithoutTheCurrentRule() {
        var state = seed()
        state.apply(.race(.toggle))
        XCTAssertEqual(names(state), [.sgd, .momentum, .adam])
        XCTAssertEqual(state.raceRunners.map(\.lane), [0, 1, 2])
        XCTAssertEqual(state.message?.text(fitting: 80), "race: sgd, momentum, adam; the panes follow sgd; R ends it")

        var adam = seed(size: Size(width: 120, height: 40))
        for _ in 0..<4 { adam.apply(.training(.cycleOptimizer)) }
        adam.apply(.training(.advance(steps: 7)))
        adam.apply(.race(.toggle))
        XCTAssertEqual(names(adam), [.adam, .sgd, .momentum])
        XCTAssertEqual(adam.race?.startStep, 7)
        XCTAssertEqual(
            adam.message?.text, "race from step 7: adam, sgd, momentum, in lockstep; the panes follow adam; R ends it")
        // Runner 1 is the run as it was, its optimizer's state included; the others start afresh.
        XCTAssertEqual(adam.raceRunners[0].trainer.state.optimizerState.step, 7)
        for rival in adam.race!.rivals {
            XCTAssertEqual(rival.trainer.state.optimizerState, OptimizerState(fresh: rival.name, parameterCount: 8))
            XCTAssertEqual(rival.trainer.learningRate, adam.trainer.learningRate)
            XCTAssertEqual(rival.trainer.state.network, adam.trainer.state.network)
            XCTAssertEqual(rival.trainer.stepCount, 7)
        }
    }

    func testCompareNamesTheRaceAtTheStartAndForEveryRLater() {
        var state = compared([.adam, .sgd, .nesterov])
        XCTAssertEqual(names(state), [.adam, .sgd, .nesterov])
        XCTAssertEqual(state.race?.startStep, 0)
        state.apply(.race(.toggle))
        XCTAssertNil(state.race)
        state.apply(.training(.cycleOptimizer))  // sgd
        state.apply(.race(.toggle))
        XCTAssertEqual(
            names(state), [.sgd, .adam, .nesterov], "the current rule first, the others as --compare named them")
        state.apply(.training(.cycleOptimizer))  // momentum: not a --compare name
        state.apply(.race(.toggle))
        XCTAssertEqual(names(state), [.momentum, .adam, .sgd, .nesterov])
        // At most five runners, the first four --compare names after the current one.
        XCTAssertEqual(Race.rivalNames(for: .sgd, compared: [.momentum, .nesterov, .rmsprop, .adam]).count, 4)
    }

    /// Each rival against a trainer of its own, started from `start` under its rule and run
    /// `steps` steps on the fast path; runner 1 against `alone`, the same keys without a race.
    private func assertLockstep(
        _ state: AppState, from start: Trainer, steps: Int, alone: AppState, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertEqual(
            state.trainer.state, alone.trainer.state, "runner 1 is the run without a race", file: file, line: line)
        XCTAssertEqual(state.costCurve, alone.costCurve, file: file, line: line)
        for rival in state.race?.rivals ?? [] {
            var own = start
            own.setOptimizer(start.optimizer.named(rival.name))
            own.run(steps: steps)
            XCTAssertEqual(rival.trainer.state, own.state, "\(rival.name) is its own run", file: file, line: line)
            XCTAssertEqual(rival.trainer.cost.bitPattern, own.cost.bitPattern, file: file, line: line)
            XCTAssertEqual(rival.costCurve.lastStep, state.trainer.stepCount, file: file, line: line)
        }
    }

    func testEveryRunnerTakesEveryStepOfSRunningAndTheWalkBitForBit() {
        for preset in [Preset.seed, .xorHidden] {
            var state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue)
            state.apply(.training(.advance(steps: 5)))
            var alone = state
            let start = state.trainer
            state.apply(.race(.toggle))
            XCTAssertEqual(state.race?.rivals.count, 2)
            func both(_ action: Action) {
                state.apply(action)
                alone.apply(action)
            }
            for _ in 0..<3 { both(.training(.step)) }
            assertLockstep(state, from: start, steps: 3, alone: alone)
            // Across the history's checkpoints (every 1,000 steps early on), in uneven chunks.
            for chunk in [1, 999, 12_345, 2] { both(.training(.advance(steps: chunk))) }
            assertLockstep(state, from: start, steps: 3 + 13_347, alone: alone)
            // The walk's step: the others take it when runner 1 does, at the walk's last phase.
            let phases = 2 * state.trainer.network.layerCount + 2
            for phase in 1...phases {
                both(.walk(.next))
                let taken = phase == phases ? 1 : 0
                XCTAssertEqual(state.race?.rivals.map(\.trainer.stepCount), [13_355 + taken, 13_355 + taken])
            }
            assertLockstep(state, from: start, steps: 13_351, alone: alone)
            XCTAssertNotNil(state.race, "walking is stepping: the race goes on")
        }
    }

    func testTheRivalsCurvesStartAtTheRacesStepOnTheSameSteps() throws {
        var state = seed()
        state.apply(.training(.advance(steps: 3000)))
        state.apply(.race(.toggle))
        state.apply(.training(.advance(steps: 2000)))
        let rival = try XCTUnwrap(state.race?.rivals.first)
        XCTAssertEqual(rival.costCurve.span, state.costCurve.span, "the same steps to a bucket as runner 1's")
        XCTAssertEqual(rival.costCurve.lastStep, 5000)
        XCTAssertFalse(rival.costCurve.summary(steps: 0, 2999)?.hasFiniteCost ?? false, "nothing before step 3000")
        let first = try XCTUnwrap(rival.costCurve.summary(steps: 3000, 3001))
        XCTAssertTrue(first.hasFiniteCost)
        XCTAssertEqual(rival.costCurve.overall?.max, state.costCurve.summary(steps: 3000, 3001)?.max)
    }

    func testRAgainEndsTheRaceWithItsStandingsAndThePanesStay() {
        var state = seed(size: Size(width: 200, height: 40))
        state.apply(.race(.toggle))
        state.apply(.training(.advance(steps: 50)))
        let trainer = state.trainer.state
        let costs = state.raceRunners.map { ($0.name.rawValue, $0.trainer.cost) }.sorted { $0.1 < $1.1 }
        state.apply(.race(.toggle))
        XCTAssertNil(state.race)
        XCTAssertEqual(state.trainer.state, trainer)
        let list = costs.map { "\($0.0) \(String(format: "%#.4g", $0.1))" }.joined(separator: ", ")
        XCTAssertEqual(
            state.message?.text, "race ended at step 50, lowest cost first: \(list); the panes follow sgd")
        XCTAssertTrue(Frame.render(state).text.contains("  C 0."), "the status bar has one cost again")
    }

    func testEveryChangeOtherThanAStepEndsTheRaceAndSaysWhy() {
        let endings: [(keys: [Action], reason: String)] = [
            ([.history(.stepBack)], "b went back; back to step 9"),
            ([.history(.reset)], "x reset the run; reset to step 0"),
            ([.history(.nextScenario)], "d changed the scenario; preset and"),
            ([.training(.cycleOptimizer)], "the optimizer changed; optimizer momentum"),
            ([.training(.learningRateUp)], "the lr changed; lr 0.2"),
            ([.training(.learningRateDown)], "the lr changed; lr 0.05"),
            ([.entry(.beginLearningRate), .entry(.type("1")), .entry(.commit)], "the lr changed; lr 1"),
            ([.entry(.beginParameter), .entry(.type("2")), .entry(.commit)], "ω11 was edited; ω11 set to 2"),
        ]
        for (keys, reason) in endings {
            var state = seed(size: Size(width: 200, height: 40))
            state.apply(.race(.toggle))
            state.apply(.training(.advance(steps: 10)))
            for key in keys { state.apply(key) }
            XCTAssertNil(state.race, "\(keys)")
            XCTAssertTrue(
                state.message?.text.hasPrefix("race ended: \(reason)") ?? false, "\(keys): \(state.message as Any)")
            XCTAssertTrue(Frame.render(state).text.contains("  C "), "one cost on the status bar again")
        }
    }

    func testWhatLeavesTheRunAloneLeavesTheRace() {
        let keep: [[Action]] = [
            [.view(.toggleCostScale)], [.view(.toggleGradientCheck)], [.view(.toggleLearningRatePreview)],
            [.view(.toggleHelp)],
            [.selection(.move(.right))], [.selection(.chooseSample(backwards: false))], [.training(.speedUp)],
            [.training(.run)], [.training(.pause)],
            [.file(.exportTrace)], [.file(.saveScenario)], [.terminal(.resize(Size(width: 100, height: 30)))],
            // Refused or changing nothing: the run is as it was.
            [.entry(.beginLearningRate), .entry(.commit)],
            [.entry(.beginLearningRate), .entry(.type("0")), .entry(.commit)],
            [.entry(.beginLearningRate), .entry(.type("1")), .entry(.cancel)],
            [.entry(.beginParameter), .entry(.type("x")), .entry(.commit)],
        ]
        for keys in keep {
            var state = seed()
            state.apply(.race(.toggle))
            for key in keys { state.apply(key) }
            XCTAssertNotNil(state.race, "\(keys)")
        }
        // x at step 0 of a race started at step 0 resets nothing.
        var state = seed()
        state.apply(.race(.toggle))
        state.apply(.history(.reset))
        XCTAssertNotNil(state.race)
        XCTAssertEqual(state.message?.text, "reset: already at step 0, as the scenario starts")
        // So does + at the top of the ladder.
        var top = seed()
        top.apply(.entry(.beginLearningRate))
        for character in "1000" { top.apply(.entry(.type(character))) }
        top.apply(.entry(.commit))
        top.apply(.race(.toggle))
        top.apply(.training(.learningRateUp))
        XCTAssertNotNil(top.race)
    }

    func testARivalThatDivergesStopsThereAndTheOthersGoOn() throws {
        var state = compared([.adam, .sgd], scenario: overshooting)
        state.apply(.training(.run))
        state.apply(.training(.advance(steps: 400)))
        XCTAssertTrue(state.isRunning, "runner 1 is fine: the run goes on")
        XCTAssertEqual(state.trainer.stepCount, 400)
        let sgd = try XCTUnwrap(state.race?.rivals.first)
        XCTAssertTrue(sgd.hasDiverged)
        XCTAssertLessThan(sgd.trainer.stepCount, 400)
        XCTAssertEqual(sgd.costCurve.lastStep, sgd.trainer.stepCount, "its curve ends where it stopped")
        var own = Trainer(scenario: overshooting)
        own.run(steps: 400)
        XCTAssertEqual(sgd.trainer.state, own.state, "it stopped where its own run stops")
        XCTAssertEqual(
            state.message?.text,
            "sgd diverged at step \(own.stepCount) (cost \(own.cost)): its curve ends there; the race goes on")
        XCTAssertEqual(state.message?.kind, .error)
        let frame = Frame.render(state, size: Size(width: 120, height: 40)).text
        XCTAssertTrue(frame.contains("o sgd diverged"), frame)
        XCTAssertTrue(frame.contains("  sgd diverged  "), "the status bar says so too: \(frame)")
        // More steps leave it where it stopped.
        state.apply(.training(.step))
        XCTAssertEqual(state.race?.rivals.first?.trainer.stepCount, own.stepCount)
        XCTAssertEqual(state.trainer.stepCount, 401)
    }

    func testRunnerOneDivergingPausesTheRaceAsARunDoes() throws {
        var state = compared([.sgd, .adam], scenario: overshooting)
        state.apply(.training(.run))
        state.apply(.training(.advance(steps: 400)))
        XCTAssertTrue(state.hasDiverged)
        XCTAssertFalse(state.isRunning)
        XCTAssertTrue(state.message?.text.hasPrefix("cost became") ?? false, "\(state.message as Any)")
        let adam = try XCTUnwrap(state.race?.rivals.first)
        XCTAssertEqual(adam.trainer.stepCount, state.trainer.stepCount, "in lockstep to the last step")
        XCTAssertFalse(adam.hasDiverged)
        // A diverged run cannot start a race.
        state.apply(.race(.toggle))
        state.apply(.history(.reset))
        XCTAssertNil(state.race)
        state.apply(.training(.advance(steps: 400)))
        state.apply(.race(.toggle))
        XCTAssertNil(state.race)
        XCTAssertTrue(state.message?.text.hasPrefix("training diverged") ?? false, "\(state.message as Any)")
    }

    func testTheStatusBarListsEachRunnersCostFirstInFullThenShort() {
        var state = compared([.sgd, .momentum, .adam])
        state.apply(.training(.advance(steps: 30)))
        let costs = state.raceRunners.map { String(format: "%#.4g", $0.trainer.cost) }
        let wide = Frame.render(state, size: Size(width: 120, height: 40)).text.split(separator: "\n")
        XCTAssertTrue(
            wide[wide.count - 2].hasPrefix(
                " step 30  sgd \(costs[0])  momentum \(costs[1])  adam \(costs[2])  lr 0.1  paused  speed 10/s"),
            "\(wide[wide.count - 2])")
        var five = compared([.sgd, .momentum, .nesterov, .rmsprop, .adam])
        five.apply(.training(.advance(steps: 30)))
        let narrow = Frame.render(five, size: Size(width: 80, height: 24)).text.split(separator: "\n")
        let bar = narrow[narrow.count - 2]
        XCTAssertTrue(bar.hasPrefix(" step 30  sgd "), "\(bar)")
        for name in ["mom", "nest", "rms", "adam"] { XCTAssertTrue(bar.contains("  \(name) "), "\(bar)") }
    }
}
