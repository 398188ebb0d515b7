import BackpropCore
import Testing

@testable import BackpropUI

/// With a penalty the inspector names the data's share of a weight's gradient "data ∂C/∂ω" and
/// keeps the bare name for the total the step takes; the quiz asks about the data's share, so it
/// must use the inspector's name for it, or one screen gives one name to two numbers.
@Suite struct QuizPenaltyTests {
    private static let size = Size(width: 120, height: 40)

    private func circle(penalty: Bool) throws -> AppState {
        var scenario = Preset.circle.scenario
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 7))
        if penalty { try scenario.setPenalty(.l2(0.01)) }
        var state = AppState(scenario: scenario, scenarioName: "circle", size: QuizPenaltyTests.size)
        state.apply(.training(.advance(steps: 20)))
        return state
    }

    private func lines(of state: AppState) -> [String] {
        Frame.render(state, size: QuizPenaltyTests.size).text.split(separator: "\n").map(String.init)
    }

    @Test(arguments: [true, false])
    func gradientQuestionAndVerdictNameTheDataShareWhenAPenaltyIsOn(penalty: Bool) throws {
        var state = try circle(penalty: penalty)
        try KeySequence(parsing: "t").press(on: &state)
        let question = try #require(lines(of: state).first { $0.contains("Which way will") })
        #expect(question.contains("Which way will data ∂C/∂") == penalty, "\(question)")
        try KeySequence(parsing: "-<Enter>").press(on: &state)
        let verdict = try #require(lines(of: state).first { $0.contains("you said -") })
        #expect(verdict.contains(": data ∂C/∂") == penalty, "\(verdict)")
    }
}
