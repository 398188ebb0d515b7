import Foundation

/// Prints a number in exactly `width` columns, right-aligned, so a pane's columns line up.
///
/// One rule for every pane (`fitting(_:)`): a pane looks at the numbers it is about to show and
/// picks one notation for all of them, so the arithmetic on screen reads right. Fixed point,
/// with as many of the frame's decimals as let the largest value fit; or, when the largest does
/// not fit at all or every value would round to zero, exponent form for all (`3.45e-7`, short
/// exponent, the same count of digits for every value). Non-finite values are spelled `NaN`,
/// `inf` and `-inf` everywhere. A format that was never fitted chooses per value (for axis
/// labels and single numbers).
public struct NumberFormat: Equatable, Hashable, Sendable {
    /// How values are written.
    public enum Notation: Equatable, Hashable, Sendable {
        /// Per value: fixed point when it fits, else fewer decimals, else exponent form.
        case adaptive
        /// Fixed point with `decimals` decimals for every value.
        case fixed
        /// Exponent form with this many digits after the point for every value.
        case scientific(places: Int)
    }

    /// Columns every number takes.
    public let width: Int
    /// Decimals shown in fixed point.
    public let decimals: Int
    /// The notation chosen for a pane, or `.adaptive`.
    public let notation: Notation

    /// A format of `width` columns with `decimals` decimals, choosing the notation per value.
    public init(width: Int, decimals: Int) {
        self.init(width: width, decimals: decimals, notation: .adaptive)
    }

    private init(width: Int, decimals: Int, notation: Notation) {
        self.width = max(1, width)
        self.decimals = max(0, decimals)
        self.notation = notation
    }

    /// The one notation for a pane that shows `values`: fixed point with the most decimals (up
    /// to this format's) that fit every finite value in `width`, unless nothing fits or every
    /// non-zero value would show as zero; then exponent form with the most digits that fit all.
    public func fitting(_ values: some Sequence<Double>) -> NumberFormat {
        fitting(values, keepsSmallValues: false)
    }

    /// The one notation for an equation whose numbers are `values`: as `fitting(_:)`, but when
    /// any non-zero value would show as zero in fixed point, every number goes to exponent form
    /// with `decimals` significant digits, so that each product and sum on screen still reads
    /// right (`-lr · (-2.299e-8) = 1.150e-8`, not `-lr · (-0.0000) = 0.0000`).
    public func fittingEquation(_ values: some Sequence<Double>) -> NumberFormat {
        fitting(values, keepsSmallValues: true)
    }

    private func fitting(_ values: some Sequence<Double>, keepsSmallValues: Bool) -> NumberFormat {
        var largest = 0.0
        var smallest = Double.infinity
        for value in values where value.isFinite && value != 0 {
            largest = max(largest, abs(value))
            smallest = min(smallest, abs(value))
        }
        if largest == 0 { return NumberFormat(width: width, decimals: decimals, notation: .fixed) }
        let zeroBelow = 0.5 * pow(10, -Double(decimals))
        if keepsSmallValues && smallest < zeroBelow {
            return NumberFormat(width: width, decimals: decimals, notation: .scientific(places: max(1, decimals - 1)))
        }
        // The largest value, negated for its sign, is the longest in fixed point.
        if largest >= zeroBelow {
            for places in stride(from: decimals, through: 0, by: -1)
            where String(format: "%.*f", places, -largest).count <= width {
                return NumberFormat(width: width, decimals: places, notation: .fixed)
            }
        }
        // In exponent form the longest are the extremes: the largest and the smallest non-zero.
        for places in stride(from: max(0, width - 4), through: 1, by: -1)
        where NumberFormat.exponent(-largest, places: places).count <= width
            && NumberFormat.exponent(-smallest, places: places).count <= width
        {
            return NumberFormat(width: width, decimals: decimals, notation: .scientific(places: places))
        }
        return NumberFormat(width: width, decimals: decimals, notation: .scientific(places: 0))
    }

    /// `value` in exactly `width` columns (wider only when nothing shorter can say it).
    public func string(_ value: Double) -> String {
        pad(unpadded(value), width)
    }

    /// `value` without the padding: for equations, where numbers stand between words.
    public func compact(_ value: Double) -> String {
        unpadded(value)
    }

    private func unpadded(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        // -0 is a rounding artefact here, never information a student needs.
        let value = value == 0 ? 0 : value
        switch notation {
        case .fixed:
            let text = String(format: "%.*f", decimals, value)
            if text.count <= width { return text }
        case .scientific(let places):
            // An exact zero needs no exponent.
            if value == 0 { return "0" }
            let text = NumberFormat.exponent(value, places: places)
            if text.count <= width { return text }
        case .adaptive:
            break
        }
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
        return NumberFormat.exponent(value, places: 0)
    }

    /// `%.*e` with the exponent written short (`e6`, `e-9`) to leave room for digits.
    static func exponent(_ value: Double, places: Int) -> String {
        let text = String(format: "%.*e", places, value)
        guard let e = text.firstIndex(of: "e"), let power = Int(text[text.index(after: e)...]) else { return text }
        return String(text[..<e]) + "e" + String(power)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
