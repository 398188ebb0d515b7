import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// The walk's forward phases write each weighted sum term by term wherever the line has room,
/// in numbers if they fit, else in symbols, and fall back to Σ only when neither fits.
@Suite("the walk spells out weighted sums")
struct WalkWeightedSumTests {
    /// The walk's sample lines ("sample n:") in `lines`.
    private func sampleLines(_ lines: [String]) -> [String] {
        let top = lines.firstIndex { $0.contains(" in phases, ") } ?? lines.count
        return lines[top...].filter { $0.contains("sample ") && ($0.contains(":  a") || $0.contains(": a")) }
    }

    @Test("xor-hidden's layer 2 at 80x24: every term in symbols, no Σ")
    func hiddenLayerInSymbols() throws {
        let lines = try PresetScreen.lines(.xorHidden, size: Size(width: 80, height: 24), keys: "nn")
        let samples = sampleLines(lines)
        #expect(samples.count == 4, "\(lines.joined(separator: "\n"))")
        for line in samples {
            #expect(line.contains("a²1 = h¹1·ω²11 + h¹2·ω²21 + h¹3·ω²31 + b²1 = "), "\(line)")
            #expect(!line.contains("Σ"), "\(line)")
        }
    }

    @Test("xor-hidden's layer 2 at 160x50: every term in numbers, and they add up to a²1")
    func hiddenLayerInNumbers() throws {
        let state = try PresetScreen.state(.xorHidden, size: Size(width: 160, height: 50), keys: "nn")
        let lines = Frame.render(state, size: Size(width: 160, height: 50)).text.components(separatedBy: "\n")
        let samples = sampleLines(lines)
        #expect(samples.count == 4, "\(lines.joined(separator: "\n"))")
        let layer = state.trainer.network
        for (s, line) in samples.enumerated() {
            // "a²1 = 0.0997·0.7000 + (-0.0997)·(-0.6000) + 0.1974·0.5000 + 0.0000 =  0.2283"
            let sum = try #require(line.components(separatedBy: "a²1 = ").last?.components(separatedBy: " = ").first)
            let terms = sum.components(separatedBy: " + ")
            #expect(terms.count == 4, "\(line)")
            let products = terms.dropLast().map { term -> Double in
                let factors = term.components(separatedBy: "·").map {
                    Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "()"))) ?? .nan
                }
                return factors.reduce(1, *)
            }
            let bias = Double((terms.last ?? "").trimmingCharacters(in: .whitespaces)) ?? .nan
            let a = products.reduce(0, +) + bias
            let shown = try #require(Double(line.components(separatedBy: " = ")[2].split(separator: " ")[0]))
            #expect(abs(a - shown) < 2e-4, "sample \(s + 1): \(line)")
            #expect(layer[.bias(layer: 1, column: 0)] == bias)
        }
    }

    @Test("the article's example walks step 2 at 80x24 with terms, as it walks step 1")
    func secondStepKeepsTheTerms() throws {
        for keys in ["n", "sn", "snnnnn"] {
            let lines = try PresetScreen.lines(.seed, size: Size(width: 80, height: 24), keys: keys)
            let samples = sampleLines(lines)
            #expect(samples.count == 2, "\(keys): \(lines.joined(separator: "\n"))")
            // The terms in numbers where they fit (step 1's, with one space after the label), in
            // symbols where they do not (step 2's, whose negative weights take parentheses).
            for line in samples {
                let numbers = line.range(of: #"a1 = \(?-?\d·"#, options: .regularExpression) != nil
                #expect(
                    numbers || line.contains("a1 = x1·ω11 + x2·ω21 + x3·ω31 + b1 = "), "\(keys): \(line)")
                #expect(!line.contains("Σ"), "\(keys): \(line)")
            }
        }
    }

    @Test("eight inputs do not fit 80 columns: rings' layer 2 falls back to Σ, within the box")
    func wideLayerFallsBackToSum() throws {
        let lines = try PresetScreen.lines(.rings, size: Size(width: 80, height: 24), keys: "nn")
        let samples = sampleLines(lines)
        #expect(!samples.isEmpty, "\(lines.joined(separator: "\n"))")
        for line in samples {
            #expect(line.contains("a²1 = Σi h¹iω²i1 + b²1 = "), "\(line)")
            #expect(line.hasSuffix(" │"), "one blank column before the border: \(line)")
        }
    }

    @Test("in ASCII the symbols are spelled plainly")
    func ascii() throws {
        let lines = try PresetScreen.lines(.xorHidden, size: Size(width: 80, height: 24), keys: "nn", ascii: true)
        let samples = sampleLines(lines)
        #expect(samples.count == 4, "\(lines.joined(separator: "\n"))")
        for line in samples { #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)") }
    }
}
