import BackpropCore
import Foundation
import Testing

@testable import BackpropUI

/// The quiz (`t`) driven by keys as `--snapshot --keys` drives it: answers judged right and
/// wrong against the step the trainer then takes, numbers within the tolerance or not, Esc, Tab
/// through the kinds of question, the score through `x` and `b`, and the panes that must keep
/// the answer hidden until Enter.
@Suite("quiz: t asks about the next step")
struct QuizTests {
    private static let wide = Size(width: 120, height: 40)
    /// The article's data through a linear layer at lr 1: every step overshoots, and C grows
    /// until it is infinite.
    private static let overshooting = try! Scenario(
        inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]], weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
        learningRate: 1, activation: .linear)

    private func seed(size: Size = QuizTests.wide) -> AppState {
        AppState(scenario: Preset.seed.scenario, scenarioName: "seed", size: size)
    }

    private func xorHidden(steps: Int = 30, size: Size = QuizTests.wide) -> AppState {
        var state = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden", size: size)
        state.apply(.training(.advance(steps: steps)))
        return state
    }

    private func press(_ keys: String, on state: inout AppState) {
        try! KeySequence(parsing: keys).press(on: &state)
    }

    /// The trainer of `state` one plain step later: what the answer's step must be.
    private func stepped(_ state: AppState) -> Trainer {
        var trainer = state.trainer
        trainer.step()
        return trainer
    }

    // MARK: - The default question: the selected parameter's gradient

    @Test(
        "t + Enter on the article's example: ∂C/∂ω11 = 0.7458516 is positive, right; the step taken is the article's step 1"
    )
    func rightSign() {
        var state = seed()
        let expected = stepped(state)
        press("t+<Enter>", on: &state)
        let verdict = try! #require(state.quiz?.verdict)
        #expect(verdict.question == .gradient(.weight(layer: 0, row: 0, column: 0)))
        #expect(verdict.answer == .plus)
        // The article's ∂C/∂ω11 of step 1, x1 · g'(a1) · 2(ŷ1 - y1) summed over the two samples.
        #expect(abs(verdict.truth.value - 0.7458516) < 5e-8)
        #expect(verdict.isRight)
        #expect(state.quizScore == score(right: 1, of: 1))
        #expect(state.trainer.state == expected.state, "the step the quiz took is the trainer's own")
        #expect(state.entry == nil)
        #expect(state.message?.kind == .info)
        #expect(state.message?.text.hasPrefix("right, score 1/1: step 1 taken") == true, "\(state.message as Any)")
        let frame = Frame.render(state).text
        #expect(frame.contains("right: ∂C/∂ω11 = 0.7458516 is positive; you said +"), "\(frame)")
        #expect(frame.contains("score 1/1  paused"), "the status bar keeps the score: \(frame)")
        // The inspector's chain-rule lines of the step taken, not of the next one.
        #expect(frame.contains("sample 2:  x1 · g'(a1) · 2(ŷ1 - y1) = 3 · 0.1586849 · 1.6043678"), "\(frame)")
        #expect(frame.contains("ω11: 0.1000000 → 0.0254148"), "\(frame)")
    }

    @Test("t - Enter is wrong, counted, and the step is taken all the same")
    func wrongSign() {
        var state = seed()
        let expected = stepped(state)
        press("t-<Enter>", on: &state)
        let verdict = try! #require(state.quiz?.verdict)
        #expect(!verdict.isRight)
        #expect(state.quizScore == score(right: 0, of: 1))
        #expect(state.trainer.state == expected.state)
        #expect(state.message?.kind == .error)
        let frame = Frame.render(state).text
        #expect(frame.contains("wrong: ∂C/∂ω11 = 0.7458516 is positive; you said -"), "\(frame)")
        #expect(frame.contains("score 0/1"), "\(frame)")
    }

    @Test(
        "a number is right within 10% of ∂C/∂ω11 = 0.7458516 (0.0746), wrong outside",
        arguments: [
            ("0.7459", true), ("0.68", true), ("0.82", true), ("0.67", false), ("0.83", false), ("-0.75", false),
        ])
    func numbers(typed: String, right: Bool) {
        var state = seed()
        press("t\(typed)<Enter>", on: &state)
        let verdict = try! #require(state.quiz?.verdict)
        #expect(verdict.answer == .value(Double(typed)!, typed: typed))
        #expect(verdict.isRight == right, "\(typed)")
        #expect(state.quizScore.answered == 1)
        let frame = Frame.render(state).text
        #expect(frame.contains("you said \(typed), off by"), "\(frame)")
    }

    @Test("near 0 a number is right within 0.005: ∂C/∂ω12 after 2000 steps")
    func numbersNearZero() {
        var state = seed()
        state.apply(.training(.advance(steps: 2000)))
        state.selection = .weight(layer: 0, row: 0, column: 1)
        let gradient = state.trainer.nextStep().gradient(of: state.selection)
        #expect(abs(gradient) < 0.004, "the case needs a gradient near 0, not \(gradient)")
        var right = state
        press("t\(gradient + 0.0049)<Enter>", on: &right)
        #expect(right.quiz?.verdict?.isRight == true)
        var wrong = state
        press("t\(gradient + 0.0051)<Enter>", on: &wrong)
        #expect(wrong.quiz?.verdict?.isRight == false)
    }

    @Test("Esc leaves the question: nothing counted, no step, the inspector back")
    func escape() {
        var state = seed()
        press("t+<Enter>", on: &state)
        let before = state.trainer.state
        press("t0.3<Esc>", on: &state)
        #expect(state.quiz == nil)
        #expect(state.entry == nil)
        #expect(state.trainer.state == before)
        #expect(state.quizScore == score(right: 1, of: 1))
        #expect(state.message?.text == "question left unanswered: no step taken (score stays 1/1)")
        #expect(Frame.render(state).text.contains("Inspector ω11"))
    }

    @Test("an unreadable answer keeps the question open with its text and says what is read")
    func unreadable() {
        var state = seed()
        press("tabc<Enter>", on: &state)
        #expect(state.quiz?.isAsking == true)
        #expect(state.entry?.text == "abc")
        #expect(state.quizScore.answered == 0)
        #expect(state.trainer.stepCount == 0)
        #expect(state.message?.text == "\"abc\"? type + or -, or a number like -0.02")
        press("<BS><BS><BS>y<Enter>", on: &state)
        #expect(state.message?.text == "\"y\" answers \"will C fall?\" only: type + or -, or a number")
        press("<BS>+<Enter>", on: &state)
        #expect(state.quiz?.verdict?.isRight == true)
    }

    // MARK: - The other kinds, through Tab

    @Test("Tab goes through the kinds, the gradient first; the error only with hidden layers")
    func kinds() {
        var state = seed()
        press("t", on: &state)
        #expect(
            state.quiz?.questions == [
                .gradient(.weight(layer: 0, row: 0, column: 0)), .cost, .prediction(sample: 0, output: 0),
            ])
        press("0.1<Tab>", on: &state)
        #expect(state.quiz?.question == .cost)
        #expect(state.entry?.text == "", "another question clears the answer typed")
        press("<S-Tab><S-Tab>", on: &state)
        #expect(state.quiz?.question == .prediction(sample: 0, output: 0))

        var hidden = xorHidden()
        press("<gt><PgDn><Down>t", on: &hidden)
        // ω²21 is selected: the error question goes to h¹2, which feeds it, for sample 2.
        #expect(hidden.quiz?.questions.last == .errorSentBack(layer: 0, neuron: 1, sample: 1))
        #expect(hidden.quiz?.questions.dropLast().last == .prediction(sample: 1, output: 0))
    }

    @Test(
        "a question about the error sent back hides that neuron's δ in the network pane until it is answered",
        arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func errorQuestionHidesTheDelta(size: Size) throws {
        var state = xorHidden(steps: 200, size: size)
        press("<gt>t<S-Tab>", on: &state)
        guard case .errorSentBack(let layer, let neuron, let sample)? = state.quiz?.question else {
            Issue.record("the last kind is the error sent back: \(String(describing: state.quiz?.question))")
            return
        }
        #expect(state.selectedSample == sample)
        // δ¹1 = g'(a¹1)·e¹1 has the answer's sign, and here nearly its value.
        let delta = state.trainer.nextStep().layers[layer].delta[sample, neuron]
        let shown = EquationText(number: NumberFormat(width: 7, decimals: 4), glyphs: .unicode, loss: .sse)
        // h¹1's row of the network pane: the first whose bus forks into the next column.
        func neuronRow(_ screen: String) -> String? {
            screen.split(separator: "\n").first { $0.contains("─┬→") }.map(String.init)
        }
        let asking = Frame.render(state).text
        #expect(asking.contains("Network · sample \(sample + 1)"), "the pane is on screen: \(asking)")
        let row = try #require(neuronRow(asking))
        #expect(row.contains("?"), "\(asking)")
        #expect(!row.contains(shown.value(delta)), "δ \(shown.value(delta)) gives the answer away: \(asking)")
        press("-<Enter>", on: &state)
        let answered = Frame.render(state).text
        #expect(neuronRow(answered)?.contains("?") == false, "the answer shows it again: \(answered)")
    }

    @Test("will C fall? y and n against the step's cost, and the new C as a number")
    func cost() {
        var state = seed()
        let expected = stepped(state)
        var yes = state
        press("t<Tab>y<Enter>", on: &yes)
        #expect(
            yes.quiz?.verdict?.truth
                == QuizTruth(
                    value: expected.cost, before: state.trainer.cost))
        #expect(yes.quiz?.verdict?.isRight == true)
        var no = state
        press("t<Tab>N<Enter>", on: &no)
        #expect(no.quiz?.verdict?.isRight == false)
        press("t<Tab>\(expected.cost * 1.09)<Enter>", on: &state)
        #expect(state.quiz?.verdict?.isRight == true)
        let frame = Frame.render(state).text
        #expect(
            frame.contains("the gradient predicts ΔC ≈"), "\(frame)")

        // A linear layer at lr 1 overshoots from the start: C rises, and n is right.
        var steep = AppState(scenario: QuizTests.overshooting, scenarioName: "linear", size: QuizTests.wide)
        let after = stepped(steep)
        #expect(after.cost > steep.trainer.cost, "the case needs a step that raises C")
        press("t<Tab>no<Enter>", on: &steep)
        #expect(steep.quiz?.verdict?.isRight == true)
        #expect(Frame.render(steep).text.contains("the step overshot"))
    }

    @Test("the new ŷ of the selected sample is the next step's prediction, bit for bit")
    func prediction() {
        var state = xorHidden(steps: 200)
        press("<gt><gt>", on: &state)
        let expected = stepped(state)
        let before = state.trainer.nextStep().prediction[2, 0]
        let after = expected.nextStep().prediction[2, 0]
        press("t<Tab><Tab>+<Enter>", on: &state)
        let verdict = try! #require(state.quiz?.verdict)
        #expect(verdict.question == .prediction(sample: 2, output: 0))
        #expect(verdict.truth.value.bitPattern == after.bitPattern)
        #expect(verdict.truth.before == before)
        #expect(verdict.isRight == (after > before))
    }

    @Test("a clue's number is written by the rule for every number (C 1.3e-5 after 200,000 steps)")
    func clueNotation() {
        var state = seed(size: Size(width: 80, height: 24))
        state.apply(.training(.advance(steps: 200_000)))
        #expect(state.trainer.cost < 1e-4)
        var prediction = state
        press("<Right>t<Tab><Tab>", on: &prediction)
        #expect(Frame.render(prediction).text.contains("ŷ2 of sample 1 is 0.0018 now, and y2 is 0"))
        press("t<Tab>", on: &state)
        #expect(Frame.render(state).text.contains("C is 1.3e-5 now"))
    }

    @Test("a sample's ŷ can move away from its target in a step that lowers C, and the answer says so")
    func predictionAwayFromTarget() {
        var state = seed(size: Size(width: 80, height: 24))
        press("t<Tab><Tab>-<Enter>", on: &state)
        #expect(state.quiz?.verdict?.isRight == true)
        let frame = Frame.render(state).text
        #expect(frame.contains("right: ŷ1 of sample 1 went down, 0.9002 → 0.8764; you said -"), "\(frame)")
        #expect(frame.contains("it moved away from y1 = 1: |ŷ1 - y1|: 0.0998 → 0.1236"), "\(frame)")
        #expect(frame.contains("the step lowers the total C, not every sample's error"), "\(frame)")
    }

    @Test("where the inspector's lines drop their symbols for room, the answer names them in a line")
    func symbolsNamed() {
        var state = xorHidden(steps: 80)
        press("<PgDn><Down>t0.06<Enter>", on: &state)
        let frame = Frame.render(state).text
        #expect(frame.contains("right: ∂C/∂ω²21 = 0.0650; you said 0.06, off by 0.0050"), "\(frame)")
        #expect(frame.contains("∂C/∂ω²21 = Σ over the samples of h¹2 · g'(a²1) · 2(ŷ1 - y1):"), "\(frame)")
        #expect(frame.contains("sample 1:  0.3282 · 0.1367 · 0.3267"), "\(frame)")
    }

    @Test("the error sent back to h¹1 is Σk δ²k ω²1k of the step, and the explanation shows the sum")
    func errorSentBack() {
        var state = xorHidden()
        let trace = state.trainer.nextStep()
        let sum = trace.layers[1].delta[0, 0] * trace.networkBefore[.weight(layer: 1, row: 0, column: 0)]
        press("t<S-Tab>\(sum)<Enter>", on: &state)
        let verdict = try! #require(state.quiz?.verdict)
        #expect(verdict.question == .errorSentBack(layer: 0, neuron: 0, sample: 0))
        #expect(verdict.truth.value == trace.layers[0].error[0, 0])
        #expect(abs(verdict.truth.value - sum) < 1e-15)
        #expect(verdict.isRight)
        let frame = Frame.render(state).text
        #expect(frame.contains("sample 1: e¹1 = δ²1·ω²11 = "), "\(frame)")
        #expect(frame.contains("δ¹1 = g'(a¹1) · e¹1 = "), "\(frame)")
    }

    // MARK: - Score, reset, back

    @Test("x keeps the score; t asks again at the new state; b takes the step back, not the answer")
    func scoreThroughResetAndBack() {
        var state = seed()
        press("t+<Enter>t+<Enter>", on: &state)
        #expect(state.quizScore == score(right: 2, of: 2))
        #expect(state.trainer.stepCount == 2)
        press("b", on: &state)
        #expect(state.quiz == nil, "b closes the explanation")
        #expect(state.trainer.stepCount == 1)
        #expect(state.quizScore == score(right: 2, of: 2))
        press("x", on: &state)
        #expect(state.trainer.stepCount == 0)
        #expect(state.quizScore == score(right: 2, of: 2))
        press("t", on: &state)
        #expect(state.quiz?.number == 3)
        #expect(Frame.render(state).text.contains("Quiz · question 3 · score 2/2"))
    }

    @Test("the explanation stays while only the view changes, and closes with the next step")
    func explanationLifetime() {
        var state = seed()
        press("t+<Enter>", on: &state)
        press("g]<gt>", on: &state)
        state.apply(.terminal(.resize(Size(width: 100, height: 30))))
        #expect(state.quiz?.verdict != nil)
        press("s", on: &state)
        #expect(state.quiz == nil)
        #expect(state.trainer.stepCount == 2)
        press("t+<Enter><Esc>", on: &state)
        #expect(state.quiz == nil)
        #expect(state.trainer.stepCount == 3)
    }

    @Test("t pauses a run and ends a walk; after divergence it refuses")
    func pausesAndRefuses() {
        var state = seed()
        press("rt", on: &state)
        #expect(!state.isRunning)
        press("<Esc>nn", on: &state)
        #expect(state.walkPhase != nil)
        press("t", on: &state)
        #expect(state.walkPhase == nil)
        #expect(state.quiz?.isAsking == true)

        var diverged = AppState(scenario: QuizTests.overshooting, scenarioName: "linear", size: QuizTests.wide)
        diverged.apply(.training(.advance(steps: 5000)))
        #expect(diverged.hasDiverged)
        press("t", on: &diverged)
        #expect(diverged.quiz == nil)
        #expect(diverged.message?.kind == .error)
    }

    @Test("in a race the answer's step moves every runner, and the race goes on")
    func inARace() {
        var state = seed()
        press("R", on: &state)
        press("t+<Enter>", on: &state)
        let race = try! #require(state.race)
        #expect(race.rivals.allSatisfy { $0.trainer.stepCount == 1 })
    }

    // MARK: - What stays hidden until the answer

    @Test("while a gradient is asked, its layer-pane cell is ? and the gradient check is covered")
    func gradientHidden() {
        var state = seed()
        press("c", on: &state)
        let open = Frame.render(state).text
        #expect(open.contains("0.7458516"))
        press("t", on: &state)
        let asking = Frame.render(state).text
        #expect(!asking.contains("0.7458516"), "\(asking)")
        #expect(!asking.contains("0.745852"), "\(asking)")
        #expect(asking.contains("x1  0.1000000           ?  0.2000000   0.0267876"), "\(asking)")
        #expect(asking.contains("hidden until the"), "\(asking)")
        press("<Tab>", on: &state)
        #expect(Frame.render(state).text.contains("0.7458516"), "the cost question hides no gradient")
    }

    @Test("while 'will C fall?' is asked, the lr preview is covered")
    func costHidden() {
        var state = seed()
        press("v", on: &state)
        #expect(Frame.render(state).text.contains("lowers"))
        press("t<Tab>", on: &state)
        let asking = Frame.render(state).text
        #expect(!asking.contains("lowers"), "\(asking)")
        #expect(asking.contains("hidden until the"), "\(asking)")
    }

    @Test("while the gradient of an axis or the cost is asked, the landscape is covered")
    func landscapeHidden() {
        var state = seed()
        state.apply(.terminal(.resize(Size(width: 120, height: 40))))
        press("S", on: &state)
        #expect(Frame.render(state).text.contains("Slice C(ω11, ω12)"))
        press("t", on: &state)
        let asking = Frame.render(state).text
        #expect(!asking.contains("C low"), "\(asking)")
        #expect(asking.contains("hidden until the"), "\(asking)")
        press("<Tab>", on: &state)
        let cost = Frame.render(state).text
        #expect(!cost.contains("C low") && cost.contains("hidden until the"), "\(cost)")
    }

    private func score(right: Int, of answered: Int) -> QuizScore {
        var score = QuizScore()
        let truth = QuizTruth(value: 1)
        for index in 0..<answered {
            score.record(QuizVerdict(question: .cost, answer: index < right ? .plus : .minus, truth: truth))
        }
        return score
    }
}

/// The judging rules alone.
@Suite("quiz: answers and verdicts")
struct QuizVerdictTests {
    private func verdict(_ answer: QuizAnswer, value: Double, before: Double? = nil) -> QuizVerdict {
        return QuizVerdict(
            question: before == nil ? .gradient(.bias(layer: 0, column: 0)) : .cost, answer: answer,
            truth: QuizTruth(value: value, before: before))
    }

    @Test("signs: + for positive, - for negative, neither for an exact 0")
    func signs() {
        #expect(verdict(.plus, value: 1e-300).isRight)
        #expect(!verdict(.minus, value: 1e-300).isRight)
        #expect(verdict(.minus, value: -2).isRight)
        #expect(!verdict(.plus, value: 0).isRight)
        #expect(!verdict(.minus, value: 0).isRight)
    }

    @Test("will C fall: y when it fell, n when it stayed, rose or stopped being a number")
    func yesAndNo() {
        #expect(verdict(.yes, value: 0.5, before: 0.6).isRight)
        #expect(!verdict(.no, value: 0.5, before: 0.6).isRight)
        #expect(verdict(.no, value: 0.6, before: 0.6).isRight)
        #expect(verdict(.no, value: 0.7, before: 0.6).isRight)
        #expect(verdict(.no, value: .nan, before: 0.6).isRight)
        #expect(!verdict(.yes, value: .nan, before: 0.6).isRight)
        #expect(verdict(.minus, value: 0.5, before: 0.6).isRight, "- for a falling C")
    }

    @Test("values: within 10%, or within 0.005, whichever is larger")
    func values() {
        func value(_ guess: Double, _ truth: Double) -> Bool {
            verdict(.value(guess, typed: "\(guess)"), value: truth).isRight
        }
        #expect(value(1.1, 1))
        #expect(!value(1.1001, 1))
        #expect(value(-0.9, -1))
        #expect(!value(0.9, -1))
        #expect(value(0.005, 0))
        #expect(!value(0.0051, 0))
        #expect(value(0.0149, 0.01))
        #expect(!value(0.0151, 0.01))
        #expect(!value(1, .nan))
    }

    @Test("what is read as an answer, spaces and case ignored")
    func reading() throws {
        #expect(try QuizAnswer(reading: " + ", takesYesOrNo: false) == .plus)
        #expect(try QuizAnswer(reading: "-", takesYesOrNo: false) == .minus)
        #expect(try QuizAnswer(reading: "Yes", takesYesOrNo: true) == .yes)
        #expect(try QuizAnswer(reading: "N", takesYesOrNo: true) == .no)
        #expect(try QuizAnswer(reading: "-2e-3", takesYesOrNo: false) == .value(-0.002, typed: "-2e-3"))
        #expect(try QuizAnswer(reading: "+.5", takesYesOrNo: true) == .value(0.5, typed: "+.5"))
        #expect(throws: QuizAnswer.Refusal.nothing) { try QuizAnswer(reading: "  ", takesYesOrNo: false) }
        #expect(throws: QuizAnswer.Refusal.notYesOrNo("y")) { try QuizAnswer(reading: "y", takesYesOrNo: false) }
        #expect(throws: QuizAnswer.Refusal.tooLarge("1e999")) { try QuizAnswer(reading: "1e999", takesYesOrNo: false) }
        #expect(throws: QuizAnswer.Refusal.unreadable("up", takesYesOrNo: true)) {
            try QuizAnswer(reading: "up", takesYesOrNo: true)
        }
    }
}
