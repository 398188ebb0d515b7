import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// A student following the README's lessons on an 80x24 terminal sees every number a step
/// points at, and a quiz question never asks about a number that is not on screen. Values are
/// worked out from the state's own trace and looked for on screen as numbers (to the 4 decimals
/// an 80-column screen shows), so the test does not depend on how they are spelled.
@Suite("lessons 2 and 3 and the quiz at 80x24")
struct LessonScreensAt80x24Tests {
    private static let size = Size(width: 80, height: 24)

    /// `preset` at 80x24 after `steps` steps and `keys`.
    private static func state(
        _ preset: Preset, steps: Int = 0, keys: String = "", optimizer: OptimizerName = .sgd
    ) throws -> AppState {
        var scenario = preset.scenario
        if optimizer != .sgd { try scenario.setOptimizer(try Optimizer(optimizer)) }
        var state = AppState(scenario: scenario, scenarioName: preset.rawValue, size: size)
        if steps > 0 { state.apply(.training(.advance(steps: steps))) }
        try KeySequence(parsing: keys).press(on: &state)
        return state
    }

    /// Every number written on `screen` (fixed point or exponent form).
    private static func numbers(on screen: String) -> [Double] {
        let pattern = try! NSRegularExpression(pattern: #"-?\d+(\.\d+)?(e-?\d+)?"#)
        let range = NSRange(screen.startIndex..., in: screen)
        return pattern.matches(in: screen, range: range).compactMap { match in
            Range(match.range, in: screen).flatMap { Double(screen[$0]) }
        }
    }

    /// Whether `value` is on `screen`, as a number 4 decimals (or 3 significant digits) give.
    private static func shows(_ value: Double, on screen: String) -> Bool {
        numbers(on: screen).contains { abs($0 - value) <= max(0.00005, abs(value) * 0.005) }
    }

    /// Records every one of `values` (named) that `state`'s frame does not show.
    private static func expectShown(
        _ values: [(String, Double)], in state: AppState, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let screen = Frame.render(state).text
        for (name, value) in values where !shows(value, on: screen) {
            Issue.record("\(name) = \(value) is not on screen\n\(screen)", sourceLocation: sourceLocation)
        }
    }

    @Test("lesson 2, step 1 (xor): samples 3 and 4's terms of ∂C/∂ω11, x1 · δ1, are in the inspector")
    func lesson2Step1() throws {
        let state = try Self.state(.xor)
        let trace = FrameData(for: state).trace
        let terms = [2, 3].map { s in ("sample \(s + 1)'s term", trace.inputs[s, 0] * trace.layers[0].delta[s, 0]) }
        Self.expectShown(terms, in: state)
    }

    @Test("lesson 2, step 2 (xor, 2000 steps): every sample's ŷ is in the predictions")
    func lesson2Step2() throws {
        let state = try Self.state(.xor, steps: 2000)
        let trace = FrameData(for: state).trace
        let screen = Frame.render(state).text
        let rows = screen.split(separator: "\n").filter {
            $0.range(of: #"^│ [1-4] "#, options: .regularExpression) != nil
        }
        #expect(rows.count == 4, "all four samples' rows\n\(screen)")
        Self.expectShown((0..<4).map { ("ŷ of sample \($0 + 1)", trace.prediction[$0, 0]) }, in: state)
    }

    @Test("lesson 2, step 4 (xor-hidden, ω¹22, sample 4): the e¹2 line's δ²1 and ω²21 are on screen")
    func lesson2Step4() throws {
        let state = try Self.state(.xorHidden, steps: 80, keys: "<Down><Right><gt><gt><gt>")
        let trace = FrameData(for: state).trace
        let weight = state.trainer.network[.weight(layer: 1, row: 1, column: 0)]
        Self.expectShown(
            [
                ("δ²1 of sample 4", trace.layers[1].delta[3, 0]), ("ω²21", weight),
                ("e¹2 of sample 4", trace.layers[0].error[3, 1]),
            ], in: state)
    }

    @Test("lesson 3, step 3 (adam, 150 steps, >, n): the network pane shows sample 2's hidden values")
    func lesson3Step3() throws {
        let state = try Self.state(.xorHidden, steps: 150, keys: "<gt>n", optimizer: .adam)
        let trace = FrameData(for: state).trace
        Self.expectShown((0..<3).map { ("h¹\($0 + 1) of sample 2", trace.layers[0].output[1, $0]) }, in: state)
        #expect(Frame.render(state).text.contains("sample 2 of 4"))
    }

    /// The values the formula of `question` is made of, for the selected sample.
    private static func questionInputs(_ state: AppState, _ question: QuizQuestion) -> [(String, Double)] {
        let trace = FrameData(for: state).trace
        let network = state.trainer.network
        let s = state.selectedSample
        switch question {
        case .gradient(let parameter):
            let l = parameter.layer
            let j = parameter.column
            // One layer: x, ŷ and y of the predictions make the formula; a network's neurons
            // have their h and δ in the network pane.
            var values = [("θ", network[parameter])]
            if trace.layers.count == 1 {
                values += [("ŷ", trace.prediction[s, j]), ("y", trace.targets[s, j])]
            } else {
                values.append(("δ of its neuron", trace.layers[l].delta[s, j]))
            }
            if case .weight(_, let i, _) = parameter {
                let input = l == 0 ? trace.inputs[s, i] : trace.layers[l - 1].output[s, i]
                values.append(("its input", input))
            }
            return values
        case .cost:
            return [("C", trace.costBefore)]
        case .prediction(let sample, let j):
            return [("ŷ", trace.prediction[sample, j]), ("y", trace.targets[sample, j])]
        case .errorSentBack(let l, let j, let sample):
            let next = trace.layers[l + 1]
            return (0..<next.delta.columns).flatMap { k in
                [
                    ("δ\(l + 2)_\(k + 1)", next.delta[sample, k]),
                    ("ω\(l + 2)_\(j + 1)\(k + 1)", network[.weight(layer: l + 1, row: j, column: k)]),
                ]
            }
        case .whichBug:
            // About the program, not the numbers: the list of bugs is its whole formula.
            return []
        }
    }

    @Test(
        "every question the quiz asks at 80x24 has its numbers on screen while it waits",
        arguments: [
            (Preset.xorHidden, 200, "<gt>"), (.xorHidden, 80, "<PgDn><Down>"), (.xorHidden, 0, "<Down><Right>"),
            (.circle, 0, "<gt>"), (.seed, 0, ""), (.xor, 0, "<gt><gt>"),
        ])
    func quizQuestionsShowTheirNumbers(preset: Preset, steps: Int, keys: String) throws {
        var state = try Self.state(preset, steps: steps, keys: keys + "t")
        let count = try #require(state.quiz).questions.count
        for _ in 0..<count {
            let question = try #require(state.quiz).question
            Self.expectShown(Self.questionInputs(state, question), in: state)
            try KeySequence(parsing: "<Tab>").press(on: &state)
        }
    }
}
