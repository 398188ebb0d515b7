import BackpropCore
import Testing

@testable import BackpropUI

/// A run with mini-batches or a split draws its costs per sample from step 0, not from the first
/// batch's cost on, and the title names the faint series in words that cannot read as a
/// dimension.
@Suite struct CostPanePerSampleTests {
    private static let size = Size(width: 120, height: 40)

    private func title(of state: AppState) throws -> String {
        let text = Frame.render(state, size: CostPanePerSampleTests.size).text
        return String(try #require(text.split(separator: "\n").first { $0.contains("(linear") }))
    }

    @Test func miniBatchRunIsPerSampleFromStepZeroAndStaysSo() throws {
        var scenario = Preset.circle.scenario
        try scenario.setBatchSize(8)
        var state = AppState(scenario: scenario, scenarioName: "circle", size: CostPanePerSampleTests.size)
        let first = try title(of: state)
        #expect(first.contains("Cost per sample") && !first.contains("Cost C"), "\(first)")
        for _ in 0..<3 { state.apply(.training(.step)) }
        let stepped = try title(of: state)
        #expect(stepped.contains("each batch's cost faint"), "\(stepped)")
        #expect(!stepped.contains("dim"), "\(stepped)")
        // Back to the full batch: the curve began per sample and keeps its unit.
        while state.trainer.miniBatchSize != nil { state.apply(.training(.cycleBatchSize)) }
        state.apply(.training(.step))
        #expect(try title(of: state).contains("Cost per sample"))
    }

    @Test func batchSizeChosenAtStepZeroSwitchesAtOnce() throws {
        var state = AppState(
            scenario: Preset.circle.scenario, scenarioName: "circle", size: CostPanePerSampleTests.size)
        #expect(try title(of: state).contains("Cost C"))
        state.apply(.training(.cycleBatchSize))
        #expect(try title(of: state).contains("Cost per sample"))
    }
}
