import BackpropCore
import Testing

@testable import BackpropUI

/// `<` `>` with a test split: after the next step's samples they go on to the held-out test
/// samples (then wrap), so the predictions pane scrolls to them, while the panes that explain the
/// step follow the step's first sample, as for any sample the step does not use.
@Suite struct TestSampleChoiceTests {
    private static let size = Size(width: 120, height: 40)

    private func circle(batch: Int?) throws -> AppState {
        var scenario = try Preset.circle.scenario(seed: 7, features: nil, hidden: [3])
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 7))
        try scenario.setBatchSize(batch)
        return AppState(scenario: scenario, scenarioName: "circle", size: TestSampleChoiceTests.size)
    }

    @Test(arguments: [8, nil] as [Int?])
    func chooseSampleGoesOnFromTheStepIntoTheTestSamplesAndWraps(batch: Int?) throws {
        var state = try circle(batch: batch)
        let step = state.trainer.nextBatch
        let test = state.trainer.scenario.split.test
        try #require(!test.isEmpty)
        state.selectedSample = step[0]
        var seen: [Int] = []
        for _ in 0..<(step.count + test.count) {
            state.apply(.selection(.chooseSample(backwards: false)))
            seen.append(state.selectedSample)
        }
        #expect(seen == Array(step[1...]) + test + [step[0]])
        state.apply(.selection(.chooseSample(backwards: true)))
        #expect(state.selectedSample == test[test.count - 1])
        #expect(state.followedSample == step[0], "a test sample is in no step: the step's panes follow its first")
    }

    @Test func predictionsPaneScrollsToTheChosenTestSampleUnderItsHeading() throws {
        var state = try circle(batch: nil)
        let step = state.trainer.nextBatch
        let test = state.trainer.scenario.split.test
        state.selectedSample = step[step.count - 1]
        for _ in 0..<test.count { state.apply(.selection(.chooseSample(backwards: false))) }
        let chosen = try #require(test.last)
        #expect(state.selectedSample == chosen)
        let canvas = Frame.render(state, size: TestSampleChoiceTests.size)
        let lines = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex { $0.contains("test samples (") })
        // The sample number drawn in reverse video: the one the predictions pane marks as chosen.
        let marked = (0..<canvas.size.height).filter { y in
            let reversed = (0..<canvas.size.width).filter { canvas[$0, y].style.reverse }
                .map { String(canvas[$0, y].character) }.joined().trimmingCharacters(in: .whitespaces)
            return reversed == "\(chosen + 1)"
        }
        #expect(marked.contains { $0 > heading }, "\(canvas.text)")
    }
}
