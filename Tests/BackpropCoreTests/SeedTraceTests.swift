import BackpropCore
import Foundation
import Testing

/// The article's own run (preset `seed`: x 2x3, y one-hot, W 3x2, b 0, sigmoid, SSE, lr 0.1,
/// the article's reduction) must reproduce its printed trace.
@Suite struct SeedTraceTests {
    /// The costs after steps 1, 2, 3 and 1000 as today's numpy (2.4.6, Fixtures/article_seed.py)
    /// computes them. The article's older numpy printed 1.2216201634346886 and
    /// 0.0027846224530159356 for steps 3 and 1000, a few ulps away; 1e-12 accepts both.
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

    /// Every cost the article's printout shows, copied from the article: its page keeps steps
    /// 1-19 and 988-1000 of the 1000 it printed.
    static let articlePrintedCosts: [(step: Int, cost: Double)] = Array(
        zip(
            Array(1...19) + Array(988...1000),
            [
                1.4556414717601052, 1.3382380273209387, 1.2216201634346886, 1.1250926413642042,
                1.050964830757349, 0.9880224900744513, 0.9253306342190869, 0.8564368364354394,
                0.7792136510576879, 0.6965017597370333, 0.6159759746541653, 0.5458174231304158,
                0.48903961977358096, 0.4435277424325401, 0.4059519984224861, 0.3739098246421919,
                0.3459953751213052, 0.3213801718742878, 0.29951983756020983,
                0.002820371366327034, 0.002817357738697952, 0.002814350458880144,
                0.0028113495069739336, 0.002808354863162452, 0.0028053665077110495,
                0.002802384420967047, 0.002799408583359122, 0.002796438975397068,
                0.002793475577671274, 0.0027905183708523346, 0.002787567335690624,
                0.0027846224530159356,
            ]))

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

    /// The whole printed trace, to 1e-12. With glibc's exp the digits are the article's exactly
    /// (numpy 2.4.6 itself now differs in the last bits at steps 3 and 1000, see goldenCosts);
    /// another libm may round exp differently, so the exact check is limited to Linux.
    @Test func everyCostTheArticlePrintsIsReproduced() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        for printed in Self.articlePrintedCosts {
            trainer.run(steps: printed.step - trainer.stepCount)
            #expect(
                Self.relativeError(trainer.cost, printed.cost) < 1e-12,
                "step \(printed.step): cost \(trainer.cost), article \(printed.cost)")
            #if os(Linux)
                #expect(trainer.cost.bitPattern == printed.cost.bitPattern, "step \(printed.step) to the last digit")
            #endif
        }
    }

    @Test func finalWeightsAndBiasMatchNumpy() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        trainer.run(steps: 1000)
        let weights = trainer.network.layer(0).weights.rowArrays
        for (i, row) in Self.numpyWeights.enumerated() {
            for (j, reference) in row.enumerated() {
                // Entries near 0.012 and 0.016 come from cancellation, so compare them against the
                // row's scale rather than their own size.
                let scale = max(abs(reference), 1)
                #expect(
                    abs(weights[i][j] - reference) / scale < 1e-12,
                    "w[\(i + 1)][\(j + 1)] = \(weights[i][j]), numpy \(reference)")
            }
        }
        for (j, reference) in Self.numpyBias.enumerated() {
            let value = trainer.network.layer(0).bias[j]
            #expect(abs(value - reference) < 1e-12, "b[\(j + 1)] = \(value), numpy \(reference)")
        }
    }

    @Test func predictionAfterStep1MatchesTheArticlesPrintout() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        trainer.step()
        let prediction = trainer.prediction.rowArrays
        for (i, row) in Self.articlePredictionAfterStep1.enumerated() {
            for (j, printed) in row.enumerated() {
                #expect(
                    abs(prediction[i][j] - printed) < 1e-8,
                    "ŷ[\(i + 1)][\(j + 1)] = \(prediction[i][j]), article \(printed)")
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
        #expect(bulk.network.bitPatterns == stepped.network.bitPatterns)
        #expect(bulk.cost.bitPattern == stepped.cost.bitPattern)
        #expect(recorder.costs.map(\.bitPattern) == steppedCosts.map(\.bitPattern))
        #expect(bulk.prediction.elements.map(\.bitPattern) == stepped.prediction.elements.map(\.bitPattern))
    }
}
