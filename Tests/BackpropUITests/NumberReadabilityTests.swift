import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// Many screens a class sees (every preset, three terminal sizes, before and after training,
/// with the panes the teaching keys open) read as numbers a class can read: no `-0.0000`, an
/// exponent form only on a value that would read as zero or not fit, and no value before and
/// after a step that reads the same when it changed.
@Suite("numbers a class can read, on many screens")
struct NumberReadabilityTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)]
    /// The walk's update phase, the gradient check, the lr preview, the quiz, Adam's inspector,
    /// the landscape, the gradient flow, the plane or the image panes (`m`), a drawing's ŷ (on
    /// pictures; elsewhere D says why not), the Confusion pane with its cell moved, the wrong ones,
    /// the inspector and the walk (its cost, a backward phase, its update) in matrix form.
    static let keys = [
        "", "nnnn", "c", "v", "t", "oooo", "S", "Fsss", "m", "D <Up>.<Left><Left> ", "K<Right>", "X", "M", "nnnM",
        "nnnnM", "nnnnnnM",
    ]

    /// A number in exponent form: "4.9e-5", "-3.97e7", "1e-9".
    private static let exponentForm = try! NSRegularExpression(pattern: #"(?<![\w.])-?\d+(\.\d+)?e-?\d+(?![\w.])"#)
    /// A negative zero in fixed point: "-0.0000", "-0.0".
    private static let negativeZero = try! NSRegularExpression(pattern: #"(?<![\w.])-0(\.0+)?(?![\d.])"#)
    /// "ω11: 0.1000 → 0.0254", "C: 1.5563 -> 1.4556", "w[1]11: …": a name, then before and after.
    private static let beforeAfter = try! NSRegularExpression(pattern: #"(\S+): (\S+) (?:→|->) (\S+)(?! \()"#)

    private static func matches(_ expression: NSRegularExpression, in text: String) -> [[String]] {
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    private func trained(_ preset: Preset, steps: Int) -> AppState {
        var state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue)
        if steps > 0 { state.apply(.training(.advance(steps: steps))) }
        return state
    }

    /// 500 samples of two inputs with 1 to 3 decimals ("-0.912", "0.39", "0.8"), through a
    /// 2-4-3-1 network: a data file of the kind a teacher brings.
    private func fiveHundredRows() throws -> AppState {
        var generator = SeededGenerator(seed: 7)
        let inputs: [[Double]] = (0..<500).map { s in
            (0..<2).map { i in
                let places = Double((s + i) % 3 + 1)
                let scale = pow(10, places)
                return (Double.random(in: -1.5...1.5, using: &generator) * scale).rounded() / scale
            }
        }
        let targets = inputs.map { [$0[0] * $0[1] > 0 ? 1.0 : 0.0] }
        let layers = zip([2, 4, 3], [4, 3, 1]).enumerated().map { index, shape in
            ScenarioLayer(
                weights: (0..<shape.0).map { _ in
                    (0..<shape.1).map { _ in Double.random(in: -1...1, using: &generator) }
                },
                activation: index == 2 ? .sigmoid : .tanh)
        }
        return AppState(
            scenario: try Scenario(inputs: inputs, targets: targets, layers: layers, learningRate: 0.5),
            scenarioName: "five-hundred.csv")
    }

    @Test(arguments: Preset.allCases, [0, 300])
    func everyPresetsScreensReadWell(preset: Preset, steps: Int) throws {
        try check(trained(preset, steps: steps), place: "\(preset.rawValue) after \(steps) steps")
    }

    @Test("500 rows of data through 2-4-3-1, before and after training, and with a typed lr of 1e-9")
    func dataFileScreensReadWell() throws {
        var state = try fiveHundredRows()
        try check(state, place: "500 rows at step 0")
        state.apply(.training(.advance(steps: 200)))
        try check(state, place: "500 rows after 200 steps")
        try KeySequence(parsing: "l1e-9<Enter>s").press(on: &state)
        #expect(state.trainer.learningRate == 1e-9)
        try check(state, place: "500 rows after lr 1e-9")
        let screen = Frame.render(state, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("lr 1e-9 "), "the status bar writes the lr the way it was typed: \(screen)")
    }

    /// The screens of `start` with each of `keys` pressed, at each of `sizes`.
    private func check(_ start: AppState, place: String) throws {
        for keys in Self.keys {
            var state = start
            try KeySequence(parsing: keys).press(on: &state)
            for size in Self.sizes {
                let screen = Frame.render(state, size: size).text
                let place = "\(place), keys \"\(keys)\" at \(size.width)x\(size.height)"
                for match in Self.matches(Self.negativeZero, in: screen) {
                    Issue.record("\(match[0]) on \(place):\n\(screen)")
                }
                for match in Self.matches(Self.exponentForm, in: screen) {
                    let value = try #require(Double(match[0]))
                    #expect(
                        abs(value) < 1e-4 || abs(value) >= 1e5,
                        "an ordinary value in exponent form, \(match[0]), on \(place):\n\(screen)")
                }
                let trace = state.trainer.nextStep()
                for match in Self.matches(Self.beforeAfter, in: screen) where match[2] == match[3] {
                    // Reading the same is right only where the value did not change.
                    let name = match[1]
                    if name == "C" {
                        #expect(trace.costBefore == trace.costAfter, "\(match[0]) on \(place):\n\(screen)")
                    } else {
                        let selection = state.selection
                        #expect(
                            trace.networkBefore[selection] == trace.networkAfter[selection],
                            "\(match[0]) on \(place):\n\(screen)")
                    }
                }
            }
        }
    }

    @Test("a value that moved reads differently before and after, at every magnitude")
    func beforeAndAfterDifferWheneverTheValueDid() {
        var generator = SeededGenerator(seed: 2026)
        for format in [NumberFormat(width: 7, decimals: 4), NumberFormat(width: 10, decimals: 7)] {
            for _ in 0..<5000 {
                let magnitude = pow(10, Double.random(in: -12...12, using: &generator))
                let before = Double.random(in: -1...1, using: &generator) * magnitude
                let relative = pow(10, Double.random(in: -15...0, using: &generator))
                let after = before + before * relative * (Bool.random(using: &generator) ? 1 : -1)
                guard after != before else { continue }
                let (old, new) = format.change(from: before, to: after)
                #expect(old != new, "\(before) → \(after) read \(old) → \(new)")
            }
        }
    }
}
