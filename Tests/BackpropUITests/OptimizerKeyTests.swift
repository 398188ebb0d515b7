import BackpropCore
import BackpropUI
import Foundation
import XCTest

/// `o`, and the optimizer's lines in the inspector and the walk: what the screen says must be
/// what the trainer does.
final class OptimizerKeyTests: XCTestCase {
    private func seed(size: Size = Size(width: 120, height: 40)) -> AppState {
        AppState(scenario: Preset.seed.scenario, scenarioName: "seed", size: size)
    }

    func testOCyclesEveryRuleWithAFreshStateAndTheScreenSaysWhich() {
        var state = seed()
        state.apply(.training(.advance(steps: 3)))
        var seen: [OptimizerName] = []
        for _ in OptimizerName.allCases {
            state.apply(.training(.cycleOptimizer))
            let name = state.trainer.optimizer.name
            seen.append(name)
            XCTAssertEqual(
                state.trainer.state.optimizerState,
                OptimizerState(fresh: name, parameterCount: 8), "\(name) starts afresh")
            XCTAssertTrue(
                state.message?.text.hasPrefix("optimizer \(name.rawValue)") ?? false, "\(state.message as Any)")
            let frame = Frame.render(state, size: state.size).text
            let lines = frame.split(separator: "\n")
            XCTAssertTrue(
                lines[lines.count - 2].contains("lr 0.1  \(name.rawValue)  paused"),
                "status bar: \(lines[lines.count - 2])")
            XCTAssertEqual(
                lines[0].contains("· \(name.rawValue) ·"), name != .sgd,
                "the title names a rule other than sgd: \(lines[0])")
            state.apply(.training(.step))
        }
        XCTAssertEqual(seen, [.momentum, .nesterov, .rmsprop, .adam, .sgd])
    }

    func testBackUndoesTheChangeWithTheOldRulesState() {
        var state = seed()
        state.apply(.training(.cycleOptimizer))
        state.apply(.training(.cycleOptimizer))
        state.apply(.training(.cycleOptimizer))
        state.apply(.training(.cycleOptimizer))  // adam
        for _ in 0..<5 { state.apply(.training(.step)) }
        let adamAtFive = state.trainer.state
        state.apply(.training(.cycleOptimizer))  // sgd
        state.apply(.training(.step))
        state.apply(.history(.stepBack))
        state.apply(.history(.stepBack))
        XCTAssertEqual(state.trainer.state, adamAtFive, "back across o: adam with its m, v and t = 5")
        XCTAssertTrue(state.message?.text.hasPrefix("optimizer change undone: adam and its state (t = 5)") ?? false)
        // Training on from there is the run that never left adam.
        var straight = Trainer(scenario: Preset.seed.scenario)
        straight.setOptimizer(Optimizer.sgd.named(.adam))
        straight.run(steps: 7)
        state.apply(.training(.step))
        state.apply(.training(.step))
        XCTAssertEqual(state.trainer.state, straight.state)
    }

    func testResetKeepsTheChosenRuleAndStartsItAfresh() {
        var state = seed()
        state.apply(.training(.cycleOptimizer))
        state.apply(.training(.advance(steps: 20)))
        state.apply(.history(.reset))
        XCTAssertEqual(state.trainer.stepCount, 0)
        XCTAssertEqual(state.trainer.optimizer.name, .momentum)
        XCTAssertEqual(state.trainer.state.optimizerState, OptimizerState(fresh: .momentum, parameterCount: 8))
        state.apply(.history(.stepBack))
        XCTAssertEqual(state.trainer.stepCount, 20, "b undoes the reset")
    }

    func testOEndsAWalkWhoseStepItWouldChange() {
        var state = seed()
        state.apply(.walk(.next))
        XCTAssertNotNil(state.walkPhase)
        state.apply(.training(.cycleOptimizer))
        XCTAssertNil(state.walkPhase)
    }

    /// The numbers in a line after `label`, as printed.
    private func numbers(in line: Substring) -> [Double] {
        line.split(whereSeparator: { " =·/():,→".contains($0) }).compactMap { Double($0) }
    }

    func testTheInspectorShowsAdamsStateAndTheStepItTakes() throws {
        var scenario = Preset.seed.scenario
        try scenario.setOptimizer(try Optimizer(.adam))
        var state = AppState(scenario: scenario, scenarioName: "seed", size: Size(width: 120, height: 40))
        state.apply(.training(.advance(steps: 3)))
        state.selection = .bias(layer: 0, column: 1)
        let frame = Frame.render(state, size: state.size).text
        let lines = frame.split(separator: "\n")
        // What the trainer will do, computed here from the trace by the textbook's formulas.
        let trace = state.trainer.nextStep()
        let k = 7
        let g = trace.parameterStep[k]
        let (beta1, beta2) = (0.9, 0.999)
        let m = beta1 * trace.optimizerBefore.first[k] + (1 - beta1) * g
        let v = beta2 * trace.optimizerBefore.second[k] + (1 - beta2) * g * g
        let mHat = m / (1 - pow(beta1, 4))
        let vHat = v / (1 - pow(beta2, 4))
        let change = trace.networkAfter.parameters[k] - trace.networkBefore.parameters[k]
        XCTAssertEqual(change, -0.1 * mHat / (vHat.squareRoot() + 1e-8), accuracy: 1e-12)

        let mLine = try XCTUnwrap(lines.first { $0.contains("adam t = 4, g = ") }, frame)
        let mNumbers = numbers(in: mLine[mLine.range(of: "adam")!.upperBound...])
        // "adam t = 4, g = G: m = β1·m + (1-β1)·g = M   m̂ = m/(1-β1ᵗ) = M/C = MHAT"
        XCTAssertEqual(mNumbers.first, 4)
        XCTAssertEqual(mNumbers[1], g, accuracy: 5e-8)
        XCTAssertEqual(mNumbers.last!, mHat, accuracy: 5e-8)
        XCTAssertTrue(mNumbers.contains { abs($0 - m) <= 5e-8 }, "m = \(m) in \(mLine)")
        let vLine = try XCTUnwrap(lines.first { $0.contains("v = β2·v + (1-β2)·g² = ") }, frame)
        XCTAssertEqual(numbers(in: vLine).last!, vHat, accuracy: 5e-8 * max(1, vHat))
        let deltaLine = try XCTUnwrap(lines.first { $0.contains("Δb2 = -lr · m̂/(√v̂ + ε) = -0.1 · ") }, frame)
        let afterEquals = deltaLine.components(separatedBy: " = ")
        XCTAssertEqual(Double(afterEquals[3].split(separator: " ")[0])!, change, accuracy: 5e-8)
        XCTAssertTrue(deltaLine.contains("(sgd: -lr · g = \(String(format: "%.7f", -0.1 * g)))"), String(deltaLine))
    }

    func testTheInspectorShowsMomentumsBufferFromTheFirstStep() throws {
        var state = seed(size: Size(width: 80, height: 24))
        state.apply(.training(.cycleOptimizer))
        var frame = Frame.render(state, size: state.size).text
        XCTAssertTrue(frame.contains("momentum t = 1, g = 0.7459: buf = g = 0.7459"), frame)
        XCTAssertTrue(frame.contains("Δω11 = -lr · buf = -0.1 · 0.7459 = -0.0746"), frame)
        state.apply(.training(.step))
        frame = Frame.render(state, size: state.size).text
        XCTAssertTrue(frame.contains("momentum t = 2, g = "), frame)
        XCTAssertTrue(frame.contains("buf = μ·buf + g = 0.9 · 0.7459 + "), frame)
    }

    func testTheWalksUpdatePhaseShowsTheRulesStep() throws {
        var scenario = Preset.xorHidden.scenario
        try scenario.setOptimizer(try Optimizer(.rmsprop))
        var state = AppState(scenario: scenario, scenarioName: "xor-hidden", size: Size(width: 120, height: 40))
        state.apply(.training(.step))
        let before = state.trainer.state
        for _ in 0..<6 { state.apply(.walk(.next)) }
        XCTAssertEqual(state.walkPhase, .update)
        let frame = Frame.render(state, size: state.size).text
        XCTAssertTrue(frame.contains("rmsprop turns g into the step"), frame)
        XCTAssertTrue(frame.contains("rmsprop t = 2, g = "), frame)
        XCTAssertTrue(frame.contains("Δω¹11 = -lr · g/(√v + ε) = "), frame)
        // The value before and after, to the printed places (4 beside the input plane).
        let weight = ParameterIndex.weight(layer: 0, row: 0, column: 0)
        let line = try XCTUnwrap(frame.split(separator: "\n").first { $0.contains("ω¹11: ") && $0.contains("C: ") })
        let values = numbers(in: line[line.range(of: "ω¹11: ")!.upperBound...])
        XCTAssertEqual(values[0], before.network[weight], accuracy: 5e-5)
        XCTAssertEqual(values[1], state.trainer.network[weight], accuracy: 5e-5)
        XCTAssertNotEqual(values[0], values[1])
        XCTAssertTrue(frame.contains("rmsprop turned each gradient into its step (not -lr·g)"), frame)
    }

    func testGoldenAdamInspector() throws {
        var scenario = Preset.seed.scenario
        try scenario.setOptimizer(try Optimizer(.adam))
        var state = AppState(scenario: scenario, scenarioName: "seed --optimizer adam")
        for _ in 0..<3 { state.apply(.training(.step)) }
        GoldenFile.assertMatches(Frame.render(state, size: Size(width: 80, height: 24)), named: "seed-adam-step3-80x24")
        GoldenFile.assertMatches(
            Frame.render(state, size: Size(width: 120, height: 40)), named: "seed-adam-step3-120x40")
        state.options.ascii = true
        GoldenFile.assertMatches(
            Frame.render(state, size: Size(width: 80, height: 24)), named: "seed-adam-ascii-step3-80x24")
    }
}
