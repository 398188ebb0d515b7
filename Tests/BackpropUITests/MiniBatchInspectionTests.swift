import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// The panes that explain the maths over a mini-batch step, a penalty and input features: the
/// inspector's sums run over the batch and say so, a penalised weight's step is the data's
/// gradient plus λω, and the first layer's inputs carry the features' names.
@Suite("the inspector, the walk and the check over a mini-batch, a penalty and features")
struct MiniBatchInspectionTests {
    /// circle with one hidden layer of 3, batches of 8 and, when given, a penalty.
    static func circle(batch: Int? = 8, penalty: Penalty = .none, size: Size = Size(width: 80, height: 24))
        -> AppState
    {
        var scenario = try! Preset.circle.scenario(seed: 7, features: nil, hidden: [3])
        try! scenario.setBatchSize(batch)
        try! scenario.setPenalty(penalty)
        return AppState(scenario: scenario, scenarioName: "circle", size: size)
    }

    /// circle seen through x1², x2² and x1·x2 by a single layer.
    static func features(size: Size = Size(width: 80, height: 24)) -> AppState {
        let scenario = try! Preset.circle.scenario(seed: 7, features: [.x1Squared, .x2Squared, .product], hidden: [])
        return AppState(scenario: scenario, scenarioName: "circle", size: size)
    }

    private func text(_ state: AppState) -> String {
        Frame.render(state, size: state.size).text
    }

    /// A number as the inspector writes it in a product: four decimals, a negative in brackets.
    private func factor(_ value: Double) -> String {
        let text = String(format: "%.4f", value)
        return value < 0 ? "(\(text))" : text
    }

    @Test("every number of a penalised mini-batch step adds up: data + λω is the step")
    func inspectionAddsUp() {
        for penalty in [Penalty.l2(0.01), .l1(0.01)] {
            let state = Self.circle(penalty: penalty)
            let trace = state.trainer.nextStep()
            #expect(trace.samples.count == 8 && trace.isMiniBatch)
            let network = trace.networkBefore
            for offset in 0..<network.parameters.count {
                let parameter = ParameterIndex(offset: offset, in: network)
                let inspection = ParameterInspection(parameter, in: trace, rows: 0..<8)
                let before = network[parameter]
                // The mean over the batch's 8 samples, not over every sample.
                #expect(inspection.sampleCount == 8)
                let sum = inspection.samples.reduce(0.0) { $0 + $1.term }
                #expect(abs(sum - inspection.gradient) <= 1e-12 * max(1, abs(sum)))
                #expect(abs(inspection.dataStep - inspection.gradient / 8) <= 1e-15)
                switch (parameter, penalty) {
                case (.bias, _):
                    #expect(inspection.penaltyStep == 0 && !inspection.isPenalized)
                case (.weight, .l2(let lambda)):
                    #expect(inspection.penaltyStep == lambda * before && inspection.isPenalized)
                case (.weight, _):
                    #expect(inspection.penaltyStep == (before > 0 ? 0.01 : -0.01))
                }
                // The data's share and the penalty's add up to the step, bit for bit.
                #expect(inspection.dataStep + inspection.penaltyStep == inspection.stepAmount)
                #expect(inspection.after == before - trace.learningRate * inspection.stepAmount)
                // Rows are the batch's samples, named by their number in the data.
                #expect(inspection.samples.map(\.sample) == trace.samples)
            }
        }
    }

    @Test("the inspector says the sum is the batch's, names samples by data number and adds the penalty")
    func inspectorScreenSaysBatchAndPenalty() {
        let state = Self.circle(penalty: .l2(0.01))
        let trace = state.trainer.nextStep()
        let inspection = ParameterInspection(.first, in: trace, rows: 0..<1)
        let screen = text(state)
        #expect(screen.contains("Σ over the 8 samples of batch 1/7"), "\(screen)")
        #expect(screen.contains("sample \(trace.samples[0] + 1):  x1 · g'(a¹1)"), "\(screen)")
        #expect(
            screen.contains(
                "∂C/∂ω¹11 = data \(factor(inspection.gradient)) / 8 + λω \(factor(inspection.penaltyStep)) = "),
            "\(screen)")
        #expect(screen.contains("Δω¹11 = -lr · \(factor(inspection.stepAmount)) = "), "\(screen)")
        // The article's path says nothing of batches or penalties.
        let plain = text(Self.circle(batch: nil))
        #expect(!plain.contains("batch") && !plain.contains("λ") && !plain.contains("data ∂C"), "\(plain)")
        // In ASCII the penalty's term is spelled out.
        var ascii = Self.circle(penalty: .l1(0.01))
        ascii.options = RenderOptions(ascii: true, color: false)
        let asciiScreen = text(ascii)
        #expect(asciiScreen.contains("lambda*sign(w)"), "\(asciiScreen)")
        #expect(asciiScreen.contains("sum over the 8 samples of batch 1/7"), "\(asciiScreen)")
    }

    @Test("the gradient check differentiates the batch's cost, which is not every sample's")
    func gradientCheckIsTheBatchs() {
        let state = Self.circle(penalty: .l2(0.01))
        let trainer = state.trainer
        let trace = trainer.nextStep()
        let count = trainer.network.parameters.count
        var batch = FiniteDifference(at: trainer, offsets: 0..<count, samples: trace.samples)
        while !batch.isComplete { batch.estimateNext(at: trainer) }
        let whole = FiniteDifference(at: trainer)
        var wholeDiffers = false
        for (offset, backprop) in trace.gradient.enumerated() {
            #expect(FiniteDifference.relativeError(backprop, batch.gradient[offset]) < 1e-6)
            wholeDiffers = wholeDiffers || FiniteDifference.relativeError(backprop, whole.gradient[offset]) > 1e-3
        }
        #expect(wholeDiffers)
        var shown = state
        shown.apply(.view(.toggleGradientCheck))
        let screen = text(shown)
        #expect(screen.contains("of batch 1/7") && screen.contains("data cost only"), "\(screen)")
    }

    @Test("< and > go through the next step's batch, in its order, and wrap")
    func chooseSampleGoesThroughTheBatch() {
        var state = Self.circle()
        let batch = state.trainer.nextBatch
        #expect(state.followedSample == batch[0])
        var seen: [Int] = []
        for _ in 0..<batch.count {
            state.apply(.selection(.chooseSample(backwards: false)))
            seen.append(state.selectedSample)
        }
        #expect(seen == Array(batch[1...]) + [batch[0]])
        state.apply(.selection(.chooseSample(backwards: true)))
        #expect(state.selectedSample == batch[batch.count - 1])
        // After the step the next batch is another: the panes follow its first sample.
        state.apply(.training(.step))
        let next = state.trainer.nextBatch
        if !next.contains(state.selectedSample) { #expect(state.followedSample == next[0]) }
    }

    @Test("the quiz asks about a sample of the batch, by its number in the data")
    func quizAsksAboutTheBatch() {
        var state = Self.circle()
        state.apply(.quiz(.ask))
        state.apply(.quiz(.cycleQuestion(backwards: false)))
        state.apply(.quiz(.cycleQuestion(backwards: false)))
        let trace = state.trainer.nextStep()
        guard case .prediction(let sample, let output)? = state.quiz?.question else {
            Issue.record("no prediction question: \(String(describing: state.quiz?.question))")
            return
        }
        #expect(sample == trace.samples[0])
        // Without a split the trainer's ŷ has every sample, in data order.
        #expect(state.quiz?.question.truth(in: trace).before == state.trainer.prediction[sample, output])
        #expect(text(state).contains("ŷ1 of sample \(sample + 1) "))
    }

    @Test("frames: the inspector with a batch and a penalty, the walk over a batch, features' names")
    func goldenFrames() {
        for (size, suffix) in [(Size(width: 80, height: 24), "80x24"), (Size(width: 120, height: 40), "120x40")] {
            let penalised = Self.circle(penalty: .l2(0.01), size: size)
            GoldenFile.expectMatches(Frame.render(penalised, size: size), named: "minibatch-l2-inspector-\(suffix)")
            var walk = Self.circle(size: size)
            for _ in 0..<5 { walk.apply(.walk(.next)) }
            GoldenFile.expectMatches(Frame.render(walk, size: size), named: "minibatch-walk-backward-\(suffix)")
            let features = Self.features(size: size)
            let screen = Frame.render(features, size: size)
            #expect(screen.text.contains("│ x1^2 ") && screen.text.contains("│ x1*x2 "), "\(screen.text)")
            GoldenFile.expectMatches(screen, named: "features-layer-labels-\(suffix)")
        }
    }
}
