import BackpropCore
@testable import BackpropUI
import XCTest

/// The inspector's chain rule against the article's example worked by hand.
final class InspectorTests: XCTestCase {
    private func inspection(_ parameter: ParameterIndex, _ state: AppState) -> ParameterInspection {
        ParameterInspection(parameter, in: state.trainer.nextStep(), rows: 0..<state.trainer.scenario.sampleCount)
    }

    private func text(_ state: AppState, width: Int = 80, height: Int = 24) -> String {
        Frame.render(state, size: Size(width: width, height: height)).text
    }

    func testOmega11AtStepZeroMatchesTheArticleWorkedByHand() {
        let hand = ArticleByHand()
        let state = TestScenarios.seed()
        let omega11 = inspection(.weight(layer: 0, row: 0, column: 0), state)
        for s in 0..<2 {
            XCTAssertEqual(omega11.samples[s].factors[0], hand.x[s][0])
            XCTAssertEqual(omega11.samples[s].factors[1], hand.derivative(s, 0), accuracy: 1e-14)
            XCTAssertEqual(omega11.samples[s].factors[2], hand.costGradient(s, 0), accuracy: 1e-14)
            XCTAssertEqual(omega11.samples[s].term, hand.weightTerm(s, 0, 0), accuracy: 1e-14)
        }
        XCTAssertEqual(omega11.gradient, hand.weightGradient(0, 0), accuracy: 1e-14)
        XCTAssertEqual(omega11.change, -0.1 * hand.weightGradient(0, 0), accuracy: 1e-14)
        XCTAssertEqual(omega11.before, 0.1)
        XCTAssertEqual(omega11.after, 0.1 - 0.1 * hand.weightGradient(0, 0), accuracy: 1e-14)

        // The screen shows the same numbers, four decimals, in the article's form; the input x
        // is data, written as the data writes it.
        let screen = text(state)
        let four = ArticleByHand.four
        let sample1 =
            "sample 1:  x1 · g'(a1) · 2(ŷ1 - y1) = \(Int(hand.x[0][0])) · \(four(hand.derivative(0, 0))) · (\(four(hand.costGradient(0, 0))))"
        XCTAssertTrue(screen.contains(sample1), "missing \(sample1) in\n\(screen)")
        XCTAssertTrue(screen.contains("= \(four(hand.weightTerm(0, 0, 0)))"), screen)
        XCTAssertTrue(screen.contains("=  \(four(hand.weightTerm(1, 0, 0)))"), screen)
        XCTAssertTrue(screen.contains("∂C/∂ω11 = \(four(hand.weightGradient(0, 0)))"), screen)
        XCTAssertTrue(
            screen.contains(
                "Δω11 = -lr · \(four(hand.weightGradient(0, 0))) = \(four(-0.1 * hand.weightGradient(0, 0)))"),
            screen)
        XCTAssertTrue(screen.contains("ω11: 0.1000 → \(four(0.1 - 0.1 * hand.weightGradient(0, 0)))"), screen)
        // The article's digits, as its printed trace has them.
        for quoted in ["0.0898", "(-0.1995)", "-0.0179", "0.1587", "1.6044", "0.7638", "0.7459", "-0.0746", "0.0254"] {
            XCTAssertTrue(screen.contains(quoted), "\(quoted) missing")
        }
    }

    func testAnotherWeightAndABiasAtStepOne() {
        var hand = ArticleByHand()
        hand.step()
        var state = TestScenarios.seed()
        state.apply(.training(.step))

        // ω32: input 3, output 2.
        let omega32 = inspection(.weight(layer: 0, row: 2, column: 1), state)
        for s in 0..<2 {
            XCTAssertEqual(omega32.samples[s].term, hand.weightTerm(s, 2, 1), accuracy: 1e-12)
        }
        XCTAssertEqual(omega32.gradient, hand.weightGradient(2, 1), accuracy: 1e-12)
        XCTAssertEqual(omega32.before, hand.w[2][1], accuracy: 1e-12)

        // b1: the seed reduction steps by the mean of δ1 over the samples.
        let b1 = inspection(.bias(layer: 0, column: 0), state)
        XCTAssertEqual(b1.gradient, hand.biasGradient(0), accuracy: 1e-12)
        XCTAssertTrue(b1.isAveraged)
        XCTAssertEqual(b1.stepAmount, hand.biasGradient(0) / 2, accuracy: 1e-12)
        XCTAssertEqual(b1.after, hand.b[0] - 0.1 * hand.biasGradient(0) / 2, accuracy: 1e-12)

        for _ in 0..<3 { state.apply(.selection(.move(.down))) }
        XCTAssertEqual(state.selection, .bias(layer: 0, column: 0), "b is the row under W")
        let screen = text(state)
        let four = ArticleByHand.four
        XCTAssertTrue(
            screen.contains(
                "sample 2:  g'(a1) · 2(ŷ1 - y1) = \(four(hand.derivative(1, 0))) · \(four(hand.costGradient(1, 0)))"),
            screen)
        XCTAssertTrue(screen.contains("∂C/∂b1 = Σ δ1 = \(four(hand.biasGradient(0)))"), screen)
        XCTAssertTrue(
            screen.contains("mean = \(four(hand.biasGradient(0))) / 2 = \(four(hand.biasGradient(0) / 2))"), screen)
        XCTAssertTrue(screen.contains("b1: \(four(hand.b[0]))"), screen)
    }

    func testMeanReductionShowsTheDivisionByN() throws {
        var scenario = Preset.seed.scenario
        scenario.reduction = .mean
        let state = AppState(scenario: scenario, scenarioName: "mean")
        let hand = ArticleByHand()
        let screen = text(state)
        let four = ArticleByHand.four
        XCTAssertTrue(
            screen.contains(
                "Δω11 = -lr · \(four(hand.weightGradient(0, 0))) / N = \(four(-0.1 * hand.weightGradient(0, 0) / 2))"),
            screen)
    }

    func testNotationFollowsTheActivationAndLoss() throws {
        var scenario = try Scenario(
            inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
            weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], activation: .tanh, loss: .mse)
        scenario.reduction = .sum
        let state = AppState(scenario: scenario, scenarioName: "tanh")
        let screen = text(state, width: 120, height: 40)
        XCTAssertTrue(screen.contains("g'(a) = 1 - g(a)²"), screen)
        XCTAssertTrue(screen.contains("2(ŷ1 - y1)/(N·m)"), screen)
        // tanh: g'(a) = 1 - ŷ²; mse: ∂C/∂ŷ = 2(ŷ - y)/(N·m), checked by hand for sample 1 of ω11.
        let a = 1 * 0.1 + 2 * 0.3 + 3 * 0.5
        let g = tanh(a)
        let expected = 1 * (1 - g * g) * 2 * (g - 1) / 4
        XCTAssertEqual(
            inspection(.weight(layer: 0, row: 0, column: 0), state).samples[0].term, expected, accuracy: 1e-14)
    }

    func testManySamplesShowWhatFitsAndHowManyMore() throws {
        let inputs = (0..<30).map { [Double($0 % 3), 1] }
        let scenario = try Scenario(
            inputs: inputs, targets: inputs.map { [$0[0] > 1 ? 1 : 0] }, weights: [[0.1], [0.2]])
        let state = AppState(scenario: scenario, scenarioName: "many")
        let screen = text(state, width: 100, height: 30)
        XCTAssertTrue(screen.contains("sample 1:"), screen)
        XCTAssertTrue(screen.contains("Σ of all 30 samples"), screen)
    }

    func testSelectionMovesOverEveryParameter() {
        var state = TestScenarios.seed()
        var seen: [ParameterIndex] = []
        for _ in 0..<8 {
            seen.append(state.selection)
            state.apply(.selection(.cycle(backwards: false)))
        }
        XCTAssertEqual(Set(seen).count, 8, "Tab visits all 6 weights and 2 biases")
        XCTAssertEqual(state.selection, .weight(layer: 0, row: 0, column: 0), "and wraps around")
        state.apply(.selection(.cycle(backwards: true)))
        XCTAssertEqual(state.selection, .bias(layer: 0, column: 1))
        // b is the row under W: left moves along it, up goes into W, down stops at the edge.
        state.apply(.selection(.move(.left)))
        XCTAssertEqual(state.selection, .bias(layer: 0, column: 0))
        state.apply(.selection(.move(.up)))
        XCTAssertEqual(state.selection, .weight(layer: 0, row: 2, column: 0))
        for _ in 0..<3 { state.apply(.selection(.move(.down))) }
        XCTAssertEqual(state.selection, .bias(layer: 0, column: 0), "stops at the edge")
        state.apply(.selection(.move(.up)))
        state.apply(.selection(.move(.up)))
        XCTAssertEqual(state.selection, .weight(layer: 0, row: 1, column: 0))
        // The selected weight is drawn in reverse video.
        let canvas = Frame.render(state, size: Size(width: 80, height: 24))
        let reversed = canvas.cells.filter { $0.style.reverse }.map(\.character)
        XCTAssertTrue(String(reversed).contains("0.3000"), String(reversed))
    }

    func testWalkGoesThroughThePhasesAndTakesTheStepAtTheUpdate() {
        var state = TestScenarios.seed()
        let hand = ArticleByHand()
        state.apply(.walk(.next))
        XCTAssertEqual(state.walkPhase, .forward(layer: 0))
        // Every term in numbers where the line has room for them.
        var screen = text(state, width: 100, height: 30)
        XCTAssertTrue(
            screen.contains(
                "a1 = 1·0.1000 + 2·0.3000 + 3·0.5000 + 0.0000 = \(ArticleByHand.four(hand.a(0, 0)))"),
            screen)
        // At 80x24 the numbers too, with one space after the sample's label to make room.
        screen = text(state)
        XCTAssertTrue(
            screen.contains(
                "sample 1: a1 = 1·0.1000 + 2·0.3000 + 3·0.5000 + 0.0000 = \(ArticleByHand.four(hand.a(0, 0)))"),
            screen)
        XCTAssertTrue(screen.contains("ŷ1 = \(ArticleByHand.four(hand.prediction(0, 0)))"), screen)
        state.apply(.walk(.next))
        XCTAssertEqual(state.walkPhase, .cost)
        screen = text(state)
        XCTAssertTrue(screen.contains(ArticleByHand.four(hand.cost)), screen)
        state.apply(.walk(.next))
        XCTAssertEqual(state.walkPhase, .backward(layer: 0))
        XCTAssertEqual(state.trainer.stepCount, 0, "no step before the update phase")
        screen = text(state)
        XCTAssertTrue(screen.contains("δ1 = g'(a1) · 2(ŷ1 - y1)"), screen)
        XCTAssertTrue(screen.contains(ArticleByHand.four(hand.delta(0, 0))), screen)
        state.apply(.walk(.next))
        XCTAssertEqual(state.walkPhase, .update)
        XCTAssertEqual(state.trainer.stepCount, 1)
        XCTAssertEqual(state.trainer.cost, 1.4556414717601052, accuracy: 1e-15)
        state.apply(.walk(.next))
        XCTAssertEqual(state.walkPhase, .forward(layer: 0), "the walk goes on with the next step")
        // s cancels the walk and takes a whole step.
        state.apply(.training(.step))
        XCTAssertNil(state.walkPhase)
        XCTAssertEqual(state.trainer.stepCount, 2)
        XCTAssertEqual(state.trainer.cost, 1.3382380273209387, accuracy: 1e-15)
        // Esc ends a walk without changing anything.
        state.apply(.walk(.next))
        XCTAssertEqual(KeyMap.action(for: .escape, in: state), .walk(.end))
        state.apply(.walk(.end))
        XCTAssertNil(state.walkPhase)
        XCTAssertEqual(state.trainer.stepCount, 2)
    }

    func testGradientCheckShowsEstimatesThatAgree() {
        var state = TestScenarios.seed()
        state.apply(.view(.toggleGradientCheck))
        let hand = ArticleByHand()
        let screen = text(state)
        XCTAssertTrue(screen.contains("Gradient check"), screen)
        XCTAssertTrue(screen.contains("f.diff"), "the estimates column, short at 80 columns: \(screen)")
        // Each weight's line: backprop and the estimate agree to the shown digits, tiny error.
        let line = screen.split(separator: "\n").first { $0.contains("ω11 ") && $0.contains("e-") }
        XCTAssertNotNil(line, screen)
        // The numbers after the name (the layer pane may share the line, to its left).
        let entry = line.flatMap { $0.components(separatedBy: "ω11 ").last }
        let numbers = entry.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
        // Backprop's value, the estimate and their relative error.
        XCTAssertEqual(numbers.count, 3, "\(String(describing: line))")
        guard numbers.count == 3 else { return }
        XCTAssertEqual(numbers[0], hand.weightGradient(0, 0), accuracy: 1e-4)
        XCTAssertEqual(numbers[1], hand.weightGradient(0, 0), accuracy: 1e-4)
        XCTAssertLessThan(numbers[2], 1e-6, "relative error")
        state.apply(.view(.toggleGradientCheck))
        XCTAssertFalse(text(state).contains("Gradient check"))
    }

    func testLearningRatePreviewMarksTheRatesThatRaiseTheCost() {
        var state = TestScenarios.seed()
        state.apply(.view(.toggleLearningRatePreview))
        let screen = text(state, width: 120, height: 40)
        let lines = screen.split(separator: "\n").map(String.init)
        XCTAssertEqual(LearningRateLadder.previewRates, [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10])
        for rate in LearningRateLadder.previewRates {
            var copy = state.trainer
            try? copy.setLearningRate(rate)
            copy.step()
            let rises = copy.cost > state.trainer.cost
            let label = DecimalNumber.text(rate)
            let line = lines.first {
                $0.range(of: #"[ →] *\#(label) +[0-9.]+ [▲▼]"#, options: .regularExpression) != nil
            }
            XCTAssertNotNil(line, "no line for lr \(label)\n\(screen)")
            XCTAssertEqual(line?.contains("raises C"), rises, "lr \(label): \(line ?? "")")
            XCTAssertEqual(line?.contains("lowers"), !rises, "lr \(label): \(line ?? "")")
        }
        XCTAssertTrue(screen.contains("→  0.1"), "the current lr is marked")
        let preview = LearningRatePreview(at: state.trainer, rates: LearningRateLadder.previewRates)
        XCTAssertTrue(preview.entries.contains { $0.raisesCost }, "the ladder reaches a rate that overshoots")
        XCTAssertTrue(preview.entries.contains { !$0.raisesCost })
    }
}
