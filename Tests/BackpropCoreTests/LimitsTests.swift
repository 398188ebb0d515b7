import BackpropCore
import Foundation
import Testing

/// `Limits`: the parameter count without overflow, each limit at its edge, and every way a
/// scenario is made (a preset's arrays, `--data` with hidden sizes, a scenario file) refused
/// past them before anything is built.
@Suite("limits")
struct LimitsTests {
    @Test("the parameter count is that of the network the sizes make")
    func parameterCountMatchesTheNetwork() throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20 {
            let scenario = try generator.networkScenario(activations: [.tanh], loss: .sse, reduction: .mean)
            #expect(Limits.parameterCount(sizes: scenario.network.sizes) == scenario.network.parameters.count)
        }
    }

    @Test("a count beyond Int is nil, not a trap")
    func parameterCountOverflow() {
        #expect(Limits.parameterCount(sizes: [2, Int.max, 1]) == nil)
        #expect(Limits.parameterCount(sizes: [Int.max, 1]) == nil)
        #expect(Limits.parameterCount(sizes: [3_037_000_500, 3_037_000_500]) == nil)
        #expect(Limits.excess(sizes: [2, Int.max, 1], samples: 4) == .parameters(nil))
    }

    @Test("each limit holds at its edge and refuses one past it")
    func edges() {
        // Parameters: (inputs + 1) x outputs.
        #expect(Limits.excess(sizes: [Limits.parameters - 1, 1], samples: 1) == nil)
        #expect(Limits.excess(sizes: [Limits.parameters, 1], samples: 1) == .parameters(Limits.parameters + 1))
        // Samples.
        #expect(Limits.excess(sizes: [1, 1], samples: Limits.samples) == nil)
        #expect(Limits.excess(sizes: [1, 1], samples: Limits.samples + 1) == .samples(Limits.samples + 1))
        // Work: 100,000 samples x 500 parameters is exactly the limit.
        let perSample = Limits.workPerStep / Limits.samples
        #expect(Limits.excess(sizes: [perSample - 1, 1], samples: Limits.samples) == nil)
        #expect(
            Limits.excess(sizes: [perSample, 1], samples: Limits.samples)
                == .work(samples: Limits.samples, parameters: perSample + 1))
        // Memory: 5 numbers per sample and neuron, 2 per parameter.
        let hidden = 62
        let numbers = { (hidden: Int) in 5 * Limits.samples * (hidden + 1) + 2 * (3 * hidden + 1) }
        #expect(numbers(hidden) <= Limits.stepNumbers && numbers(hidden + 1) > Limits.stepNumbers)
        #expect(Limits.excess(sizes: [1, hidden, 1], samples: Limits.samples) == nil)
        #expect(
            Limits.excess(sizes: [1, hidden + 1, 1], samples: Limits.samples)
                == .memory(numbers: numbers(hidden + 1)))
        // Layers.
        #expect(Limits.excess(sizes: Array(repeating: 1, count: Limits.layers + 1), samples: 1) == nil)
        #expect(Limits.excess(sizes: Array(repeating: 1, count: Limits.layers + 2), samples: 1) == .layers(33))
    }

    @Test("the stated numbers")
    func statedNumbers() {
        #expect(Limits.inputFileBytes == 32 * 1024 * 1024)
        #expect(Limits.samples == 100_000)
        #expect(Limits.parameters == 1_000_000)
        #expect(Limits.workPerStep == 50_000_000)
    }

    @Test("thousands are separated by commas")
    func thousands() {
        let cases: [(Int, String)] = [
            (0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (100_000, "100,000"), (25_010_001, "25,010,001"),
            (-1234, "-1,234"), (Int.max, "9,223,372,036,854,775,807"),
        ]
        for (value, text) in cases { #expect(thousandsSeparated(value) == text) }
    }

    @Test("--data with huge hidden sizes is refused with the count, before anything is allocated")
    func hiddenSizesAreCheckedFirst() throws {
        let table = try DataTable(csv: "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
        let hidden = 999_999_999
        // Allocating 3 x 10⁹ weights would take 24 GB; the refusal comes at once.
        let error = #expect(throws: ScenarioError.self) { try table.scenario(seed: 1, hidden: [hidden]) }
        #expect(error == .overLimit(.parameters(3 * hidden + hidden + 1), source: .values))
        ScenarioValidationTests.expectOneLine(
            error?.description ?? "",
            mentioning: ["the network would have 3,999,999,997 parameters; the most is 1,000,000", "use fewer neurons"])
        // Far more than a lesson on XOR could want still fits: (2 + 1) x 100,000 + 100,001.
        let wide = try table.scenario(seed: 1, hidden: [100_000])
        #expect(wide.network.parameters.count == 400_001)
    }

    @Test("a scenario file with more samples than the limit names the file")
    func scenarioFileSamples() throws {
        func json(samples: Int) -> Data {
            let rows = Array(repeating: "[1]", count: samples).joined(separator: ",")
            return Data(#"{"x": [\#(rows)], "y": [\#(rows)], "w": [[0.5]]}"#.utf8)
        }
        #expect(try Scenario(json: json(samples: Limits.samples), path: "big.json").sampleCount == Limits.samples)
        let error = #expect(throws: ScenarioError.self) {
            try Scenario(json: json(samples: Limits.samples + 1), path: "big.json")
        }
        #expect(error == .overLimit(.samples(100_001), source: .scenarioFile(path: "big.json")))
        ScenarioValidationTests.expectOneLine(
            error?.description ?? "",
            mentioning: [
                "scenario file \"big.json\": there are 100,001 samples; the most is 100,000: use a sample of the data"
            ])
    }

    @Test("a scenario file's layers count against the parameter limit")
    func scenarioFileParameters() throws {
        // 1 input, a layer of 1,000,000 neurons (2 parameters each), then 1 output neuron.
        let wide = "[" + String(repeating: "0,", count: 999_999) + "0]"
        let text = #"{"x": [[1]], "y": [[1]], "layers": [{"w": [\#(wide)]}, {"w": [[1]]}]}"#
        let error = #expect(throws: ScenarioError.self) { try Scenario(json: Data(text.utf8), path: "wide.json") }
        #expect(error == .overLimit(.parameters(2 * 1_000_000 + 1_000_001), source: .scenarioFile(path: "wide.json")))
        ScenarioValidationTests.expectOneLine(
            error?.description ?? "", mentioning: ["scenario file \"wide.json\"", "make its layers smaller"])
    }
}
