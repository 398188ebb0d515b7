import BackpropCore
@testable import BackpropUI
import Foundation
import XCTest

/// The screen with the cross-entropies, against numbers worked out here from the
/// article's x, W and y: the inspector's δ = ŷ - y and the line that says why, the walk's cost
/// and δ, the hint line, and the predictions' "k/N right".
final class ClassificationScreenTests: XCTestCase {
    private let four = ArticleByHand.four
    private let x: [[Double]] = [[1, 2, 3], [3, 2, 1]]
    private let w: [[Double]] = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]
    private let y: [[Double]] = [[1, 0], [0, 1]]

    /// The article's example with `activation` and `loss` instead of sigmoid and sse.
    private func seed(_ activation: Activation, _ loss: Loss, size: Size = Size(width: 80, height: 24)) throws
        -> AppState
    {
        var scenario = Preset.seed.scenario
        try scenario.set(activations: [activation], loss: loss)
        return AppState(scenario: scenario, scenarioName: "seed", size: size)
    }

    /// a = xW (b = 0) for sample `s`, by hand.
    private func a(_ s: Int) -> [Double] {
        (0..<2).map { j in (0..<3).reduce(0.0) { $0 + x[s][$1] * w[$1][j] } }
    }

    private func softmax(_ s: Int) -> [Double] {
        let e = a(s).map { exp($0) }
        return e.map { $0 / e.reduce(0, +) }
    }

    private func sigmoid(_ s: Int) -> [Double] { a(s).map { 1 / (1 + exp(-$0)) } }

    private func text(_ state: AppState) -> String { Frame.render(state).text }

    /// What follows the last "=" on the screen's line that contains `start`, spaces trimmed: a
    /// column of results is right-aligned, so "=  1.0630" reads as "1.0630".
    private func result(after start: String, in screen: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(start) }),
            let equals = line.range(of: " = ", options: .backwards)
        else { return nil }
        return line[equals.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " │"))
    }

    func testSoftmaxInspectorShowsDeltaAsPredictionMinusTargetAndWhy() throws {
        var state = try seed(.softmax, .ce)
        state.apply(.selection(.chooseSample(backwards: false)))
        let screen = text(state)
        XCTAssertTrue(screen.contains("Inspector ω11  g = softmax, loss ce: δ = ŷ - y"), screen)
        for s in 0..<2 {
            let p = softmax(s)
            let line =
                "sample \(s + 1):  x1 · (ŷ1 - y1) = \(Int(x[s][0])) · (\(four(p[0])) - \(Int(y[s][0])))"
            XCTAssertEqual(result(after: line, in: screen), four(x[s][0] * (p[0] - y[s][0])), screen)
        }
        // Sample 2 is chosen: its numbers show the Jacobian's sum ŷ1·Σy - y1.
        let p = softmax(1)
        let why = "sample 2: Σk ∂ŷk/∂a1 · ∂C/∂ŷk = ŷ1 Σk yk - y1 = \(four(p[0])) · 1 - 0 = \(four(p[0]))"
        XCTAssertTrue(screen.contains(why), "missing \(why) in\n\(screen)")
        let gradient = x[0][0] * (softmax(0)[0] - 1) + x[1][0] * p[0]
        XCTAssertTrue(screen.contains("∂C/∂ω11 = \(four(gradient))"), screen)
    }

    func testSigmoidInspectorMultipliesOutTheCancellation() throws {
        var state = try seed(.sigmoid, .bce)
        state.apply(.selection(.cycle(backwards: true)))  // b2
        let screen = text(state)
        XCTAssertTrue(screen.contains("Inspector b2  g = sigmoid, loss bce: δ = ŷ - y"), screen)
        let p = sigmoid(0)
        XCTAssertEqual(result(after: "sample 1:  ŷ2 - y2 = \(four(p[1])) - 0", in: screen), four(p[1]), screen)
        // g'(a) = ŷ(1 - ŷ) times bce's ∂C/∂ŷ = (ŷ - y)/(ŷ(1 - ŷ)) for y = 0.
        let derivative = p[1] * (1 - p[1])
        let error = 1 / (1 - p[1])
        // ∂C/∂ŷ2 is above 10: three decimals fill the number's 7 columns.
        let why =
            "sample 1: g'(a2) · ∂C/∂ŷ2 = \(four(derivative)) · \(String(format: "%.3f", error)) = \(four(p[1])) = ŷ2 - y2"
        XCTAssertTrue(screen.contains(why), "missing \(why) in\n\(screen)")
    }

    /// Where ŷ has rounded to 1 (a = 40), g'(a) · ∂C/∂ŷ is 0 · ∞: the line says so, and δ is
    /// still ŷ - y, exactly 1 for y = 0. Nothing on the screen is NaN.
    func testASaturatedOutputSaysWhyTheProductIsNotUsed() throws {
        let scenario = try Scenario(
            inputs: [[1], [1]], targets: [[0], [1]], weights: [[40]], activation: .sigmoid, loss: .bce, reduction: .sum)
        let screen = text(AppState(scenario: scenario, scenarioName: "saturated"))
        XCTAssertTrue(screen.contains("sample 1: g'(a1) · ∂C/∂ŷ1 = 0.0000 · inf, yet ŷ1 - y1 = 1.0000"), screen)
        XCTAssertFalse(screen.contains("NaN"), screen)
    }

    /// A narrow pane keeps the why in fewer words, or in symbols; never half a number.
    func testTheWhyLineFitsItsWidth() throws {
        let state = try seed(.sigmoid, .bce)
        let trace = state.trainer.nextStep()
        let pane = InspectorPane(trace: trace, names: state.names)
        let context = PaneContext(
            glyphs: .unicode, number: NumberFormat(width: 10, decimals: 4), selection: state.selection, sample: 0,
            walkPhase: nil)
        let product = "sample 1: g'(a1) · ∂C/∂ŷ1 = 0.0898 · (-1.1108) = -0.0998 = ŷ1 - y1"
        let whys = [
            40: "g'(a) cancels: δ = ŷ - y", 50: "g'(a) cancels: δ = ŷ - y", 60: "g'(a) cancels: δ = ŷ - y",
            76: product, 100: product + ": g'(a) cancels",
            160: product + ": sigmoid's g'(a) = ŷ(1 - ŷ) cancels bce's ∂C/∂ŷ = (ŷ - y)/(ŷ(1 - ŷ))",
        ]
        for (width, expected) in whys.sorted(by: { $0.key < $1.key }) {
            let lines = pane.lines(width: width, rows: 6, context: context).map(\.text)
            // The why line follows the two samples' lines.
            let why = try XCTUnwrap(lines.dropFirst(2).first, "\(lines)")
            XCTAssertEqual(why, expected, "at \(width) columns")
            XCTAssertLessThanOrEqual(why.count, width, why)
        }
    }

    /// Below the output layer nothing changes: the error sent back is δᴸ(Wᴸ)ᵀ with δᴸ = ŷ - y.
    func testAHiddenLayerStillShowsTheErrorSentBack() {
        let scenario = Preset.rings.scenario
        var state = AppState(scenario: scenario, scenarioName: "rings", size: Size(width: 160, height: 50))
        state.planeChoice = false
        let screen = text(state)
        XCTAssertTrue(screen.contains("x1 · g'(a¹1) · e¹1 = "), screen)
        XCTAssertTrue(screen.contains("e¹1 = δ²1·ω²11 + δ²2·ω²12 + δ²3·ω²13 = "), screen)
    }

    func testTheWalkWritesTheCrossEntropyAndDelta() throws {
        var state = try seed(.sigmoid, .bce)
        state.apply(.walk(.next))  // forward
        state.apply(.walk(.next))  // cost
        var screen = text(state)
        let p = sigmoid(0)
        let cost = -log(p[0]) - log(1 - p[1])
        XCTAssertEqual(
            result(after: "sample 1:  -log \(four(p[0])) - log(1 - \(four(p[1])))", in: screen), four(cost), screen)
        XCTAssertTrue(screen.contains("cost: C adds up -log of the probability ŷ gave each right answer"), screen)
        state.apply(.walk(.next))  // backward
        screen = text(state)
        XCTAssertEqual(result(after: "sample 1:  δ1 = ŷ1 - y1 = \(four(p[0])) - 1", in: screen), four(p[0] - 1), screen)
        XCTAssertTrue(screen.contains("δ = ŷ - y (sigmoid with bce: g'(a) cancels)"), screen)
        XCTAssertTrue(screen.contains("backward: δ = ŷ - y per sample (g'(a) cancels)"), screen)

        var ce = try seed(.softmax, .ce)
        ce.apply(.walk(.next))
        ce.apply(.walk(.next))
        screen = text(ce)
        for s in 0..<2 {
            let right = y[s].firstIndex(of: 1)!
            let line = "sample \(s + 1):  -log \(four(softmax(s)[right]))"
            XCTAssertEqual(result(after: line, in: screen), four(-log(softmax(s)[right])), screen)
        }
    }

    /// "k/N right": for one-hot targets the largest ŷ names the class; for 0/1 targets each ŷ is
    /// read at 0.5; other targets are not classes and get no count.
    func testThePredictionsTitleCountsTheRightSamples() throws {
        let ce = try seed(.softmax, .ce)
        let argmaxRight = (0..<2).filter { s in
            let p = softmax(s)
            return (p[0] > p[1] ? 0 : 1) == y[s].firstIndex(of: 1)
        }.count
        XCTAssertTrue(text(ce).contains("Predictions ŷ = g(xW + b) · \(argmaxRight)/2 right"), text(ce))

        var xor = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden")
        xor.apply(.training(.advance(steps: 2000)))
        let prediction = xor.trainer.prediction.elements
        let targets: [Double] = [0, 1, 1, 0]
        let right = zip(prediction, targets).filter { ($0 > 0.5) == ($1 == 1) }.count
        XCTAssertTrue(text(xor).contains("· \(right)/4 right"), text(xor))

        let soft = try Scenario(inputs: [[1], [2]], targets: [[0.5], [0.2]], weights: [[0.1]])
        let none = AppState(scenario: soft, scenarioName: "soft")
        XCTAssertFalse(text(none).contains("right"), text(none))
    }
}
