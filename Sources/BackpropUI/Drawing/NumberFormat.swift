import BackpropCore
import Foundation

/// How every pane writes a computed number (a weight, an activation, a gradient, a cost): one
/// rule, applied to each number on its own, so the same value reads the same wherever it shows.
///
/// - Fixed point with the frame's `decimals` (`0.2500`, `-1.7940`): what a class reads.
/// - A non-zero value that would read as zero there takes a short exponent form instead
///   (`9.8e-5`, never `0.0000` or `-0.0000`); an exact zero stays `0.0000`.
/// - A value too wide for `width` columns keeps fewer decimals (`-107.90`), and only when even
///   none fit takes the short exponent form (`3.97e7`).
/// - Exponent forms keep as many digits as fit the width whatever the sign, so `9.8e-5` and
///   `-9.8e-5` have the same digits; the exponent is short (`e-5`, `e17`, never `e-05`, `e+17`).
/// - Non-finite values are spelled `NaN`, `inf` and `-inf`.
///
/// In a column (`string(_:)`) numbers are padded to `width` with their decimal points lined
/// up where fixed-point values put theirs; a value whose integer part is too long for that is
/// right-aligned.
public struct NumberFormat: Equatable, Hashable, Sendable {
    /// Columns every number takes in a column; the longest a number is written.
    public let width: Int
    /// Decimals shown in fixed point.
    public let decimals: Int

    /// A format of at most `width` columns with `decimals` decimals.
    public init(width: Int, decimals: Int) {
        self.width = max(1, width)
        self.decimals = max(0, decimals)
    }

    /// `value` in exactly `width` columns, its decimal point lined up with the column's (wider
    /// only when nothing shorter can say it).
    public func string(_ value: Double) -> String {
        lined(compact(value))
    }

    /// A data value (an input x, a target y) lined up in the column like `string(_:)`.
    public func data(_ value: Double) -> String {
        lined(compactData(value))
    }

    /// A data value without padding: as the data writes it (`0`, `1`, `0.5`), or by the usual
    /// rule when that is longer than `width`.
    public func compactData(_ value: Double) -> String {
        let short = DecimalNumber.text(value)
        return short.count <= width ? short : compact(value)
    }

    /// `text`, a number, padded to `width` with its decimal point where the column's are.
    private func lined(_ text: String) -> String {
        NumberFormat.lined(text, integerWidth: width - decimals - 1, fractionWidth: decimals + 1)
            ?? NumberFormat.pad(text, width)
    }

    /// `text`, a number, with `integerWidth` columns before its decimal point and
    /// `fractionWidth` from it on; `nil` when it does not fit them, or is an exponent form with
    /// no digits after the point (`-1e155`, an extreme value: lined up it would stand apart from
    /// its change mark, so the caller right-aligns it).
    static func lined(_ text: String, integerWidth: Int, fractionWidth: Int) -> String? {
        let (integer, rest) = split(text)
        guard integer.count <= integerWidth, rest.count <= fractionWidth, !rest.hasPrefix("e") else { return nil }
        return pad(integer, integerWidth) + rest.padding(toLength: fractionWidth, withPad: " ", startingAt: 0)
    }

    /// `value` without padding: for equations and sentences, where numbers stand between words.
    public func compact(_ value: Double) -> String {
        compact(value, decimals: decimals)
    }

    /// `before` and `after` written so that they never read the same when they differ: up to
    /// four more decimals when those tell them apart (`2.49503 → 2.49508`), else each as usual
    /// with the change after the second (`2.4950 → 2.4950 (+4.9e-9)`): `step`, the change the
    /// line states (Δω), when there is one, so the two never disagree by the rounding of
    /// `before + step`; else `after - before`.
    public func change(from before: Double, to after: Double, step: Double? = nil) -> (before: String, after: String) {
        let plain = (compact(before), compact(after))
        guard plain.0 == plain.1, before != after, before.isFinite, after.isFinite else { return plain }
        for extra in 1...4 {
            let finer = (compact(before, decimals: decimals + extra), compact(after, decimals: decimals + extra))
            if finer.0 != finer.1 { return finer }
        }
        let difference = step ?? (after - before)
        let sign = difference > 0 ? "+" : ""
        return (plain.0, plain.1 + " (\(sign)\(compact(difference)))")
    }

    /// The labels of one axis, each in `width` columns: fixed point with one count of decimals
    /// for all, the most up to `decimals` that fit every label (`124.935`, `70.276`, `0.000`),
    /// so the labels read as one scale; each by the usual rule when no count fits them all or
    /// a non-zero label would read as zero.
    public func axisLabels(_ values: [Double]) -> [String] {
        let finite = values.filter(\.isFinite)
        for places in stride(from: decimals, through: 0, by: -1) {
            let texts = values.map { String(format: "%.*f", places, $0 == 0 ? 0 : $0) }
            guard texts.allSatisfy({ $0.count <= width }) else { continue }
            let readAsZero = zip(values, texts).contains { value, text in
                value != 0 && !text.contains { $0 >= "1" && $0 <= "9" }
            }
            if readAsZero || finite.count < values.count { break }
            return texts.map { NumberFormat.pad($0, width) }
        }
        return values.map(string)
    }

    /// Whether `before` and `after` read differently in a column: what a change mark needs.
    public func showsChange(from before: Double, to after: Double) -> Bool {
        compact(before) != compact(after)
    }

    private func compact(_ value: Double, decimals: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        // -0 is a rounding artefact here, never information a student needs.
        let value = value == 0 ? 0 : value
        let room = max(width, decimals + 3)
        // Fixed point, measured with a sign so that a value and its negation get the same
        // decimals.
        var places = decimals
        while places >= 0 {
            let text = String(format: "%.*f", places, value)
            let measured = value < 0 ? text.count : text.count + 1
            if measured <= room {
                // A non-zero value whose digits are all zero would read as zero.
                if value != 0, !text.contains(where: { $0 >= "1" && $0 <= "9" }) { break }
                return text
            }
            places -= 1
        }
        return NumberFormat.exponent(value, width: room)
    }

    /// The short exponent form with the most digits that fit `width` columns with a sign.
    static func exponent(_ value: Double, width: Int) -> String {
        for places in stride(from: max(0, width - 5), through: 1, by: -1) {
            let signed = exponent(-abs(value), places: places)
            if signed.count <= width { return exponent(value, places: places) }
        }
        return exponent(value, places: 0)
    }

    /// `%.*e` with the exponent written short (`e6`, `e-9`).
    static func exponent(_ value: Double, places: Int) -> String {
        DecimalNumber.shortExponent(String(format: "%.*e", places, value))
    }

    /// A number's text cut where its decimal point stands: before it the integer part with its
    /// sign, from it the rest (`"-0.25"` → `("-0", ".25")`, `"9e-5"` → `("9", "e-5")`,
    /// `"12"` → `("12", "")`).
    static func split(_ text: String) -> (integer: Substring, rest: Substring) {
        let point =
            text.firstIndex(of: ".")
            ?? text.firstIndex(where: { $0 == "e" || $0 == "E" }) ?? text.endIndex
        return (text[..<point], text[point...])
    }

    static func pad(_ text: some StringProtocol, _ width: Int) -> String {
        text.count >= width ? String(text) : String(repeating: " ", count: width - text.count) + text
    }
}
