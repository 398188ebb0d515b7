import BackpropCore
import Foundation

/// How the inspector, the step walk and the quiz write numbers and symbols inside equations:
/// computed numbers by the frame's `NumberFormat` without padding, data (inputs and targets) as
/// written in the data, negative factors in parentheses, and the symbols of the activation and
/// loss in force (g'(a), 2(ŷ - y) or 2(ŷ - y)/(N·m)).
struct EquationText {
    let number: NumberFormat
    let glyphs: Glyphs
    let loss: Loss

    /// Equation text whose numbers follow `number`, the frame's rule for every number.
    init(number: NumberFormat, glyphs: Glyphs, loss: Loss) {
        self.number = number
        self.glyphs = glyphs
        self.loss = loss
    }

    /// A number as it stands alone: "0.7459", "-0.0179", "9.8e-5".
    func value(_ value: Double) -> String {
        number.compact(value)
    }

    /// A value before and after a step, never reading the same when it changed: "ω11: 0.4000 →
    /// 0.3987" (`NumberFormat.change(from:to:step:)`); without a name, "0.4000 → 0.3987".
    func change(_ name: String? = nil, from before: Double, to after: Double, step: Double? = nil) -> String {
        let (old, new) = number.change(from: before, to: after, step: step)
        return (name.map { "\($0): " } ?? "") + "\(old) \(glyphs.arrow) \(new)"
    }

    /// A number as a factor of a product: negative ones in parentheses, "(-0.1995)".
    func factor(_ value: Double) -> String {
        let text = self.value(value)
        return text.hasPrefix("-") ? "(\(text))" : text
    }

    /// A data value (an input x) as a factor, in its shortest form when that is short: "3",
    /// "0.5", "(-1)"; data are usually small integers, and the short form leaves room.
    func dataFactor(_ value: Double) -> String {
        let text = dataValue(value)
        return text.hasPrefix("-") ? "(\(text))" : text
    }

    /// ŷ - y with numbers: "0.7311 - 1", "0.7311 - (-1)". The target is data, in its short
    /// form when that is short.
    func difference(_ prediction: Double, _ target: Double) -> String {
        "\(value(prediction)) - \(dataFactor(target))"
    }

    /// A data value standing alone, in its shortest form when that is short: "1", "0.5".
    func dataValue(_ value: Double) -> String {
        number.compactData(value)
    }

    /// Factors joined by the product dot: "1.0000 · 0.0898 · (-0.1995)"; with `firstIsData`
    /// the first is an input x, written as the data writes it: "1 · 0.0898 · (-0.1995)".
    func product(_ values: [Double], firstIsData: Bool = false) -> String {
        values.enumerated().map { firstIsData && $0.offset == 0 ? dataFactor($0.element) : factor($0.element) }
            .joined(separator: " \(glyphs.times) ")
    }

    /// ∂C/∂ŷ_j for output `output` (0-based) in this loss: "2(ŷ1 - y1)"; for the
    /// cross-entropies, whose δ is written ŷ - y instead, its name "∂C/∂ŷ1".
    func costGradientSymbol(output: Int) -> String {
        let j = output + 1
        let difference = "2(\(glyphs.prediction)\(j) - y\(j))"
        switch loss {
        case .sse: return difference
        case .mse: return "\(difference)/(N\(glyphs.times)m)"
        case .bce, .ce: return "\(glyphs.partial)C/\(glyphs.partial)\(glyphs.prediction)\(j)"
        }
    }

    /// ∂C/∂θ for a parameter name: "∂C/∂ω11".
    func gradientSymbol(_ name: String) -> String {
        "\(glyphs.partial)C/\(glyphs.partial)\(name)"
    }

    /// `lefts[k] = rights[k]` for every k, with the "=" signs in one column and the right-hand
    /// sides right-aligned, so a column of results reads like the article's.
    static func aligned(_ lefts: [String], _ rights: [String]) -> [String] {
        let leftWidth = lefts.map(\.count).max() ?? 0
        let rightWidth = rights.map(\.count).max() ?? 0
        return zip(lefts, rights).map { left, right in
            left.padding(toLength: leftWidth, withPad: " ", startingAt: 0) + " = "
                + String(repeating: " ", count: rightWidth - right.count) + right
        }
    }
}
