import BackpropCore
import Testing

@testable import BackpropUI

/// With a test split the network pane's rows are the training samples: its title must not put
/// the sample's number in the data beside the step's row count as if they were one numbering.
@Suite struct NetworkPaneSplitTitleTests {
    private static let size = Size(width: 120, height: 40)

    @Test func titleSaysTheSamplesPlaceInTheStepApartFromItsNumber() throws {
        var scenario = try Preset.circle.scenario(seed: 7, features: nil, hidden: [3])
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 7))
        var state = AppState(scenario: scenario, scenarioName: "circle", size: NetworkPaneSplitTitleTests.size)
        let step = state.trainer.nextBatch
        // A training sample whose number in the data is not its row in the step.
        let row = try #require(step.indices.first { step[$0] != $0 && $0 > 0 })
        state.selectedSample = step[row]
        // The quiz opens the network pane (it asks about the step it draws).
        state.apply(.quiz(.ask))
        let text = Frame.render(state, size: NetworkPaneSplitTitleTests.size).text
        let title = try #require(text.split(separator: "\n").first { $0.contains("Network") })
        let place = row + 1
        let ordinal = "\(place)" + (place % 100 / 10 == 1 ? "th" : [1: "st", 2: "nd", 3: "rd"][place % 10] ?? "th")
        #expect(
            title.contains("sample \(step[row] + 1) (\(ordinal) of \(step.count) in the step)"), "\(title)")
        #expect(!title.contains("sample \(step[row] + 1) of \(step.count)"), "\(title)")
    }
}
