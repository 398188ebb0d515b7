import Foundation

/// Prints a number in exactly `width` columns, right-aligned, so a pane's columns line up
/// whatever the value: fixed point with `decimals` digits when it fits, fewer decimals for
/// larger values, exponent form (`1.2346e6`, `-3.1e-9`) when fixed point would overflow or
/// round a non-zero value to zero, and `NaN`, `inf`, `-inf` spelled out.
public struct NumberFormat: Equatable, Hashable, Sendable {
    /// Columns every number takes.
    public let width: Int
    /// Decimals shown for ordinary values.
    public let decimals: Int

    /// A format of `width` columns with `decimals` decimals.
    public init(width: Int, decimals: Int) {
        self.width = max(1, width)
        self.decimals = max(0, decimals)
    }

    /// `value` in exactly `width` columns.
    public func string(_ value: Double) -> String {
        pad(unpadded(value))
    }

    private func unpadded(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        // -0 is a rounding artefact here, never information a student needs.
        let value = value == 0 ? 0 : value
        let smallestShown = 0.5 * pow(10, -Double(decimals))
        if value == 0 || abs(value) >= smallestShown {
            for places in stride(from: decimals, through: 0, by: -1) {
                let text = String(format: "%.*f", places, value)
                if text.count <= width { return text }
            }
        }
        for places in stride(from: max(0, width - 3), through: 0, by: -1) {
            let text = NumberFormat.exponent(value, places: places)
            if text.count <= width { return text }
        }
        return String(repeating: "*", count: width)
    }

    /// `%.*e` with the exponent written short (`e6`, `e-9`) to leave room for digits.
    private static func exponent(_ value: Double, places: Int) -> String {
        let text = String(format: "%.*e", places, value)
        guard let e = text.firstIndex(of: "e"), let power = Int(text[text.index(after: e)...]) else { return text }
        return String(text[..<e]) + "e" + String(power)
    }

    private func pad(_ text: String) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
