import BackpropCore
import Foundation
import Testing

/// The article's own run (preset `seed`: x 2x3, y one-hot, W 3x2, b 0, sigmoid, SSE, lr 0.1,
/// the article's reduction) must reproduce its printed trace.
@Suite struct SeedTraceTests {
    /// The article's printed costs after steps 1, 2 and 1000 (step 3 as numpy 2.4.6 gives it; the
    /// article's own printout, 1.2216201634346886, is 2 ulp away, which the tolerance allows).
    static let goldenCosts: [(step: Int, cost: Double)] = [
        (1, 1.4556414717601052), (2, 1.3382380273209387), (3, 1.2216201634346888),
        (1000, 0.002784622453015934),
    ]

    /// W and b after the article's 1000 steps, produced by running the article's numpy code
    /// (Fixtures/article_seed.py, numpy 2.4.6, `python3 Fixtures/article_seed.py`) and printing
    /// each entry with Python's repr, the shortest text that reads back to the same double.
    static let numpyWeights: [[Double]] = [
        [-1.7939657878416282, 1.8182768665830638],
        [0.012000000000004602, 0.015999999999999518],
        [1.8179657878416273, -1.7862768665830637],
    ]
    static let numpyBias: [Double] = [-0.07199999999999876, -0.09599999999999975]

    /// ŷ after step 1 as the article prints it (8 decimals).
    static let articlePredictionAfterStep1: [[Double]] = [
        [0.87638772, 0.93574933], [0.74070904, 0.87317416],
    ]

    static func relativeError(_ value: Double, _ reference: Double) -> Double {
        abs(value - reference) / abs(reference)
    }

    @Test func costsAfterSteps1To3And1000MatchTheArticle() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        for golden in Self.goldenCosts {
            trainer.run(steps: golden.step - trainer.stepCount)
            #expect(trainer.stepCount == golden.step)
            #expect(
                Self.relativeError(trainer.cost, golden.cost) < 1e-12,
                "step \(golden.step): cost \(trainer.cost), article \(golden.cost)")
        }
    }

    @Test func finalWeightsAndBiasMatchNumpy() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        trainer.run(steps: 1000)
        let weights = trainer.layer.weights.rowArrays
        for (i, row) in Self.numpyWeights.enumerated() {
            for (j, reference) in row.enumerated() {
                // Entries near 0.012 and 0.016 come from cancellation, so compare them against the
                // row's scale rather than their own size.
                let scale = max(abs(reference), 1)
                #expect(abs(weights[i][j] - reference) / scale < 1e-12, "w[\(i + 1)][\(j + 1)] = \(weights[i][j]), numpy \(reference)")
            }
        }
        for (j, reference) in Self.numpyBias.enumerated() {
            let value = trainer.layer.bias[j]
            #expect(abs(value - reference) < 1e-12, "b[\(j + 1)] = \(value), numpy \(reference)")
        }
    }

    @Test func predictionAfterStep1MatchesTheArticlesPrintout() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        trainer.step()
        let prediction = trainer.prediction.rowArrays
        for (i, row) in Self.articlePredictionAfterStep1.enumerated() {
            for (j, printed) in row.enumerated() {
                #expect(abs(prediction[i][j] - printed) < 1e-8, "ŷ[\(i + 1)][\(j + 1)] = \(prediction[i][j]), article \(printed)")
            }
        }
    }

    /// The interactive path (`step`) and the fast path (`run`) must be the same maths in the same
    /// order, or the UI and `--headless` would disagree in the last digits.
    @Test func stepByStepAndRunAreBitIdentical() {
        var stepped = Trainer(scenario: Preset.seed.scenario)
        var steppedCosts: [Double] = []
        for _ in 0..<1000 { steppedCosts.append(stepped.step().costAfter) }

        var bulk = Trainer(scenario: Preset.seed.scenario)
        var recorder = CostRecorder()
        let taken = bulk.run(steps: 1000, observer: &recorder)

        #expect(taken == 1000)
        #expect(bulk.stepCount == stepped.stepCount)
        #expect(bulk.layer.bitPatterns == stepped.layer.bitPatterns)
        #expect(bulk.cost.bitPattern == stepped.cost.bitPattern)
        #expect(recorder.costs.map(\.bitPattern) == steppedCosts.map(\.bitPattern))
        #expect(bulk.prediction.elements.map(\.bitPattern) == stepped.prediction.elements.map(\.bitPattern))
    }
}
