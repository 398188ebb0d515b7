import BackpropCore
import BackpropUI
import Foundation
import Testing

/// The inspector of every weight and bias of a three-layer network, read off the screen the way
/// a student reads it: its total against finite differences of the cost, its per-sample
/// products against the total, and each hidden neuron's error line against the sum it writes.
@Suite("the inspector through the layers")
struct NetworkInspectorTests {
    /// A 2-4-3-2 network with three activations, mean reduction on a sum loss: every layer and
    /// both kinds of reduction are exercised.
    private func state() throws -> AppState {
        // Fixed numbers in (-0.9, 0.9), different everywhere, the same on every machine.
        var k = 0.0
        func matrix(_ rows: Int, _ columns: Int) -> [[Double]] {
            (0..<rows).map { _ in
                (0..<columns).map { _ in
                    k += 1
                    return 0.9 * sin(k * 12.9898)
                }
            }
        }
        let scenario = try Scenario(
            inputs: matrix(5, 2), targets: matrix(5, 2).map { $0.map { $0 > 0 ? 1 : 0 } },
            layers: [
                ScenarioLayer(weights: matrix(2, 4), bias: matrix(1, 4)[0], activation: .tanh),
                ScenarioLayer(weights: matrix(4, 3), bias: matrix(1, 3)[0], activation: .sigmoid),
                ScenarioLayer(weights: matrix(3, 2), bias: matrix(1, 2)[0], activation: .sigmoid),
            ], learningRate: 0.3, reduction: .mean)
        var state = AppState(scenario: scenario, scenarioName: "three layers")
        // The data has two inputs; the plane's column would narrow the numbers to 4 decimals.
        state.planeChoice = false
        return state
    }

    /// A terminal wide enough for the three layer panes side by side, so numbers get 7 decimals.
    private let wide = Size(width: 240, height: 60)

    /// The number after `prefix` on the first line of `screen` that has it.
    private func value(after prefix: String, in screen: String) -> Double? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(prefix) }),
            let range = line.range(of: prefix)
        else { return nil }
        let rest = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
        return Double(rest.split(separator: " ").first ?? "")
    }

    @Test("every parameter's ∂C/∂θ on screen agrees with finite differences to the digits shown")
    func totalsAgreeWithFiniteDifferences() throws {
        var state = try state()
        let estimate = FiniteDifference(at: state.trainer)
        let network = state.trainer.network
        let names = network.parameterIndices.map { index -> String in
            let mark = ["¹", "²", "³"][index.layer]
            switch index {
            case .weight(_, let i, let j): return "ω\(mark)\(i + 1)\(j + 1)"
            case .bias(_, let j): return "b\(mark)\(j + 1)"
            }
        }
        for (offset, index) in network.parameterIndices.enumerated() {
            #expect(state.selection == index)
            // Wide enough for 7 decimals: three layer panes side by side.
            let screen = Frame.render(state, size: wide).text
            // A bias line reads "∂C/∂b = Σ δ = VALUE".
            let prefix =
                index.isWeight
                ? "∂C/∂\(names[offset]) = "
                : "∂C/∂\(names[offset]) = Σ δ\(["¹", "²", "³"][index.layer])\(index.column + 1) = "
            let total = try #require(value(after: prefix, in: screen), "\(screen)")
            let finite = try #require(estimate[index])
            #expect(abs(total - finite) <= 1e-6, "\(names[offset]): \(total) vs \(finite)")
            state.apply(.selection(.cycle(backwards: false)))
        }
    }

    @Test("a hidden weight's error line is the sum of δ·ω it writes, and equals the e of the step")
    func errorLineAddsUp() throws {
        var state = try state()
        // ω¹23: input x2 to neuron 3 of layer 1, whose error comes back from layer 2's deltas.
        try KeySequence(parsing: "<Down><Right><Right>").press(on: &state)
        #expect(state.selection == .weight(layer: 0, row: 1, column: 2))
        let trace = state.trainer.nextStep()
        let screen = Frame.render(state, size: wide).text
        let lines = screen.split(separator: "\n").map(String.init)
        let errorLines = lines.filter { $0.contains("e¹3 = δ²1·ω²31 + δ²2·ω²32 + δ²3·ω²33 = ") }
        #expect(errorLines.count >= 1, "\(screen)")
        for (position, line) in errorLines.enumerated() {
            // "... = (a)·b + (c)·d + e·f = total"
            let parts = line.components(separatedBy: " = ")
            let products = parts[2].components(separatedBy: " + ").map { term -> Double in
                let factors = term.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
                    .components(separatedBy: "·").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                return factors.reduce(1, *)
            }
            let total = try #require(Double(parts[3].split(separator: " ").first ?? ""))
            #expect(products.count == 3)
            #expect(abs(products.reduce(0, +) - total) <= 1e-6, "\(line)")
            #expect(abs(total - trace.layers[0].error[position, 2]) <= 5e-8, "sample \(position + 1): \(line)")
        }
    }

    @Test("the sample lines' products add up to the total, whichever sample < > puts first")
    func sampleLinesAddUp() throws {
        var state = try state()
        try KeySequence(parsing: "<PgDn><PgDn><Down>").press(on: &state)
        #expect(state.selection == .weight(layer: 2, row: 1, column: 0))
        let screen = Frame.render(state, size: wide).text
        let terms = screen.split(separator: "\n").filter { $0.contains("sample ") && $0.contains("h²2 · g'(a³1)") }
            .compactMap { line -> Double? in
                let parts = line.components(separatedBy: " = ")
                return Double(parts.last?.split(separator: " ").first ?? "")
            }
        #expect(terms.count == 5, "\(screen)")
        let total = try #require(value(after: "∂C/∂ω³21 = ", in: screen))
        #expect(abs(terms.reduce(0, +) - total) <= 5e-7, "\(terms) vs \(total)")
        // At 80x24 not every sample's line is shown; > moves them on, and the total still sums all five.
        try KeySequence(parsing: ">>").press(on: &state)
        let small = Frame.render(state, size: Size(width: 80, height: 24)).text
        #expect(small.contains("sample 3:"), "\(small)")
        #expect(small.contains("(Σ of all 5 samples, "), "the total says how many it sums: \(small)")
    }
}

/// Samples 9 and 10 on screen together: their labels differ in width, their equations must not.
@Suite("sample labels of one and two digits")
struct SampleLabelTests {
    /// Where the text after "sample n:" starts on each line that has one.
    private func equationColumns(_ frame: String) -> [Int] {
        frame.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: #"sample \d+: +"#, options: .regularExpression) else { return nil }
            return line.distance(from: line.startIndex, to: range.upperBound)
        }
    }

    @Test("the inspector and the walk start every sample's equation in one column", arguments: ["", "nnn", "nnnnn"])
    func aligned(walk: String) throws {
        var state = AppState(
            scenario: Preset.circle.scenario, scenarioName: "circle", size: Size(width: 100, height: 40))
        try KeySequence(parsing: String(repeating: "<gt>", count: 9) + walk).press(on: &state)
        let frame = Frame.render(state).text
        #expect(frame.contains("sample 9:") && frame.contains("sample 10:"), "\(frame)")
        let columns = equationColumns(frame)
        #expect(columns.count >= 2)
        #expect(Set(columns).count == 1, "\(columns)\n\(frame)")
    }
}
