import BackpropCore
import Foundation
import Testing

/// A scenario file keeps how it trains: batch size, order, seed, test split, penalty, features
/// and noise. Each is read back as the same `Scenario`, and a wrong value is refused in one line
/// at its line and column.
@Suite("scenario file training keys")
struct ScenarioFileTrainingKeysTests {
    /// Circle drawn from seed 3: 50 samples of two inputs, two layers.
    static func circle() -> Scenario { Preset.circle.scenario(seed: 3) }

    static func roundTrip(_ scenario: Scenario) throws -> Scenario {
        try Scenario(json: Data(scenario.jsonText().utf8))
    }

    @Test("the batch size, order and seed come back")
    func batchOrderSeed() throws {
        var scenario = Self.circle()
        try scenario.setBatchSize(8)
        scenario.shuffles = false
        // JSON numbers are doubles: seeds up to 2^53 are written and read exactly.
        scenario.seed = 9_007_199_254_740_992
        let text = scenario.jsonText()
        #expect(text.contains(#""batchSize": 8"#) && text.contains(#""shuffle": false"#))
        #expect(try Self.roundTrip(scenario) == scenario)
    }

    @Test("the test split comes back")
    func testSplit() throws {
        var scenario = Self.circle()
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.3, seed: 9))
        #expect(scenario.split.test.count == 15)
        #expect(try Self.roundTrip(scenario) == scenario)
    }

    @Test("an L1 or L2 penalty comes back", arguments: [Penalty.l1(0.01), .l2(0.25)])
    func penalty(_ penalty: Penalty) throws {
        var scenario = Self.circle()
        try scenario.setPenalty(penalty)
        #expect(scenario.jsonText().contains("\"\(penalty.name)\": \(penalty.strength)"))
        #expect(try Self.roundTrip(scenario) == scenario)
    }

    @Test("features come back, with x as the data's two inputs, in either form", arguments: [[Int](), [3]])
    func features(hidden: [Int]) throws {
        let scenario = try Preset.circle.scenario(
            seed: 2, features: [.x1Squared, .x2Squared, .sineOfX1], hidden: hidden)
        #expect(scenario.jsonText().contains(#""features": ["x1^2", "x2^2", "sin(x1)"]"#))
        let back = try Self.roundTrip(scenario)
        #expect(back == scenario)
        #expect(back.dataInputs.columns == 2 && back.inputs.columns == 3)
    }

    @Test("the noise comes back")
    func noise() throws {
        var scenario = Self.circle()
        scenario.noise = 0.15
        #expect(try Self.roundTrip(scenario) == scenario)
    }

    @Test("a file without the keys trains as before, and writes none of them")
    func defaults() throws {
        let article = Preset.seed.scenario
        for key in ["batchSize", "shuffle", "seed", "test", "l1", "l2", "features", "noise"] {
            #expect(!article.jsonText().contains("\"\(key)\":"))
        }
        #expect(try Self.roundTrip(article) == article)
    }

    /// The article's scenario with `extra` on line 5 (its value's column given by the caller).
    static func problem(_ extra: String) -> ScenarioError? {
        #expect(throws: ScenarioError.self) {
            try Scenario(json: Data(ScenarioFilePositionTests.lines(extra).utf8), path: "s.json")
        }
    }

    @Test(
        "a wrong value is refused at its line and column",
        arguments: [
            (#""batchSize": 0"#, 16, "\"batchSize\" must be a whole number of 1 or more"),
            (#""batchSize": 2.5"#, 16, "\"batchSize\" must be a whole number of 1 or more"),
            (#""shuffle": "no""#, 14, "\"shuffle\" must be true or false"),
            (#""seed": -1"#, 11, "\"seed\" must be a whole number of 0 or more"),
            (#""test": [0, 2]"#, 15, "\"test\" holds out row 2, but x has 2 rows (0 to 1)"),
            (#""test": [1, 1]"#, 15, "\"test\" holds out row 1 twice"),
            (#""test": [0, 1]"#, 11, "\"test\" holds out every row of x"),
            (#""test": [0.5]"#, 12, "\"test\" must be a list of the rows of x held out to test"),
            (#""l2": -0.1"#, 9, "\"l2\" must be a finite number of at least 0"),
            (#""l1": 0.1, "l2": 0.1"#, 20, "give either \"l1\" or \"l2\", not both"),
            (#""noise": "big""#, 12, "\"noise\" must be a finite number of at least 0"),
            (#""features": ["x1", "x3"]"#, 22, "unknown feature \"x3\"; choose one of: x1, x2, x1^2"),
            (#""features": ["x1", "x1"]"#, 22, "feature x1 is named twice"),
        ])
    func refused(extra: String, column: Int, message: String) throws {
        let error = try #require(Self.problem(extra))
        guard case .inFile(let path, let line, let at, _) = error else {
            Issue.record("not placed in the file: \(error)")
            return
        }
        #expect(path == "s.json" && line == 5 && at == column, "\(error)")
        #expect(error.description.contains(message), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test("features on x of three inputs are refused in one line")
    func featuresNeedTwoInputs() {
        let error = Self.problem(#""features": ["x1"]"#)
        #expect(error?.description.contains("features are computed from two inputs x1 and x2") == true)
    }
}
