import BackpropCore
import Foundation
import Testing

@testable import BackpropUI

/// With a penalty, the inspector's mean is the data gradient's: the penalty's term is added on
/// the line after, so the mean line must not already hold it.
@Suite("inspector: the mean of the data gradient with a penalty")
struct InspectorPenaltyMeanTests {
    @Test("mean = g / N = g/N, and the line after adds λω", arguments: [Penalty.l2(0.01), .l1(0.01)])
    func meanIsTheDataGradients(penalty: Penalty) throws {
        var scenario = Preset.overfit.scenario(seed: 1)
        try scenario.setBatchSize(1)
        try scenario.setPenalty(penalty)
        let size = Size(width: 80, height: 24)
        var state = AppState(scenario: scenario, scenarioName: "overfit", size: size)
        for _ in 0..<3 { state.apply(.training(.step)) }
        let text = Frame.render(state, size: size).text
        let line = try #require(text.split(separator: "\n").first { $0.contains("mean = ") }, "\(text)")
        let match = try #require(line.firstMatch(of: /mean = (\S+) \/ (\d+) = (\S+)/), "\(line)")
        let (gradient, count, mean) = (Double(match.1)!, Double(match.2)!, Double(match.3)!)
        #expect(abs(gradient / count - mean) < 1e-4, "\(line)")
        #expect(text.contains(penalty == .l2(0.01) ? "+ λω" : "+ λ·sign(ω)"), "\(text)")
    }
}
