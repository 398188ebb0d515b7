import BackpropCore
@testable import BackpropUI
import Testing

/// The inspector's total line agrees with what is shown: when not every sample's line fits, it
/// says how many samples the total sums, for a bias as for a weight.
@Suite("the inspector's total says what it sums")
struct InspectorTotalTests {
    /// The sample lines the inspector shows ("sample 3:"), and its total line.
    private func inspector(_ lines: [String], name: String) throws -> (samples: Int, total: String) {
        let top = try #require(
            lines.firstIndex { $0.contains("Inspector \(name) ") }, "\(lines.joined(separator: "\n"))")
        let below = lines[(top + 1)...]
        let samples = below.prefix { !$0.contains("∂C/∂\(name) =") }.filter {
            $0.contains("sample ") && $0.contains(":  ")
        }
        let total = try #require(below.first { $0.contains("∂C/∂\(name) =") })
        return (samples.count, total)
    }

    @Test("b²1 of xor-hidden at 80x24: 3 of the 4 samples shown, and the total line says so")
    func biasOfTheOutputLayer() throws {
        let lines = try PresetScreen.lines(
            .xorHidden, size: Size(width: 80, height: 24), keys: "<PgDn><Down><Down><Down>")
        let (samples, total) = try inspector(lines, name: "b²1")
        #expect(samples == 3, "\(lines.joined(separator: "\n"))")
        #expect(total.contains("∂C/∂b²1 = Σ δ²1 = "), "\(total)")
        #expect(total.contains("(Σ of all 4 samples, 3 shown"), "\(total)")
    }

    @Test(
        "every bias and weight of xor-hidden: a total over samples not all shown says how many",
        arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30)])
    func everyParameter(size: Size) throws {
        let count = Preset.xorHidden.scenario.network.parameters.count
        for tabs in 0..<count {
            let state = try PresetScreen.state(.xorHidden, size: size, keys: String(repeating: "<Tab>", count: tabs))
            let lines = Frame.render(state, size: size).text.components(separatedBy: "\n")
            let name = state.names.parameter(state.selection)
            let (samples, total) = try inspector(lines, name: name)
            if samples < 4 {
                #expect(total.contains("4 samples, \(samples) shown"), "\(name): \(total)")
            } else {
                #expect(!total.contains("shown"), "\(name): \(total)")
            }
        }
    }
}
