/// A number rounded to a few decimals for a worksheet, half away from zero, decided on the
/// double's exact binary value: the rule a person applies to the digits a calculator shows.
///
/// `String(format: "%.4f")` is not that rule: it rounds an exact tie (0.03125) to even, and
/// scaling by 10⁴ first (`(x * 10000).rounded()`) can carry a value across the tie. Here the
/// double m·2ᵖ is multiplied by 10ᵈ exactly in 128 bits, so the decision is exact.
public enum DecimalRounding {
    /// The most decimals the rule handles exactly (10ᵈ·2⁵³ must stay well inside 128 bits).
    public static let maximumDecimals = 8

    /// `value` rounded half away from zero to `decimals` decimals, written with exactly that
    /// many ("0.1200", "-3.0000"); a value that rounds to zero is "0.0000", never "-0.0000".
    /// Magnitudes of 10¹⁵ and more, where decimals stop meaning anything, and NaN and the
    /// infinities are written by `DecimalNumber.text`.
    public static func text(_ value: Double, decimals: Int = 4) -> String {
        precondition((0...maximumDecimals).contains(decimals), "at most \(maximumDecimals) decimals")
        guard value.isFinite, value.magnitude < 1e15 else { return DecimalNumber.text(value) }
        let units = roundedUnits(value.magnitude, decimals: decimals)
        var scale: UInt128 = 1
        for _ in 0..<decimals { scale *= 10 }
        let whole = String(units / scale)
        let sign = value < 0 && units != 0 ? "-" : ""
        guard decimals > 0 else { return sign + whole }
        let fraction = String(units % scale)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// `value` rounded as `text` writes it, as the double nearest that decimal: what the
    /// worksheet prints is then exactly the number it computes with.
    public static func rounded(_ value: Double, decimals: Int = 4) -> Double {
        let written = text(value, decimals: decimals)
        return DecimalNumber.value(of: written) ?? value
    }

    /// The shortest decimal text of `value` once rounded to `decimals` decimals: trailing zeros
    /// dropped ("0.5", "-1", "0.1235"), as a given is written.
    public static func shortText(_ value: Double, decimals: Int = 4) -> String {
        var written = text(value, decimals: decimals)
        guard written.contains("."), value.isFinite, value.magnitude < 1e15 else { return written }
        while written.hasSuffix("0") { written.removeLast() }
        if written.hasSuffix(".") { written.removeLast() }
        return written == "-0" ? "0" : written
    }

    /// Whether `value` lies within `tolerance` units of the last decimal of a tie between two
    /// roundings (…x5 exactly): a calculator of ten or twelve digits could land on either side.
    public static func isNearTie(_ value: Double, decimals: Int = 4, tolerance: Double = 1e-6) -> Bool {
        guard value.isFinite, value.magnitude < 1e15 else { return false }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value.magnitude * scale
        return abs(scaled - scaled.rounded(.down) - 0.5) < tolerance
    }

    /// |value|·10ᵈ rounded half up, exactly: value = m·2ᵖ with m < 2⁵³, and m·10ᵈ < 2⁸⁰.
    private static func roundedUnits(_ magnitude: Double, decimals: Int) -> UInt128 {
        guard magnitude > 0 else { return 0 }
        let bits = magnitude.bitPattern
        let biased = Int((bits >> 52) & 0x7FF)
        let fraction = bits & ((1 << 52) - 1)
        let significand = biased == 0 ? fraction : fraction | (1 << 52)
        let power = biased == 0 ? -1074 : biased - 1075
        var scaled = UInt128(significand)
        for _ in 0..<decimals { scaled *= 10 }
        if power >= 0 { return scaled << UInt128(power) }
        let shift = -power
        // Below half a unit: rounds to 0 (scaled < 2⁸⁰ ≤ 2^(shift - 1)).
        guard shift <= 81 else { return 0 }
        let whole = scaled >> UInt128(shift)
        let remainder = scaled & ((1 << UInt128(shift)) - 1)
        return remainder >= (1 << UInt128(shift - 1)) ? whole + 1 : whole
    }
}
