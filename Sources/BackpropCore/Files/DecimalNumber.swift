/// The one rule for a decimal number, wherever one is read: typed at the keyboard (`l`, Enter on
/// a parameter), given on the command line (`--lr`, `--until-cost`), in a CSV data cell and in
/// a scenario file.
///
/// An optional sign, digits with an optional point (digits on at least one side of it), then
/// an optional exponent, `e` or `E` with an optional sign and at least one digit: `-0.5`, `.5`,
/// `5.`, `+7`, `007`, `2e-3`, `1E+2`. Nothing else, not even surrounding spaces: `Double(_:)`
/// alone would also take `0x10` (16), `inf`, `nan` and `infinity`, which a teacher typing an lr
/// never means and which would be applied without a word.
///
/// Scenario files follow this rule too, rather than JSON's stricter one (which refuses `.5`,
/// `5.`, `+1` and `007`): a number a teacher may type anywhere else means the same there, and
/// each of those spellings has only one possible meaning.
public enum DecimalNumber {
    /// 10⁰ through 10²²: the powers of ten a Double holds exactly, which is what makes
    /// `value(in:_:)`'s one-operation path exact.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    #if arch(x86_64) && !(os(Windows) || os(Android))
        /// 10⁰ through 10²⁷: the powers of ten a Float80 holds exactly (5²⁷ < 2⁶⁴), each made by
        /// exact multiplications rather than trusted to a literal's conversion.
        private static let extendedPowersOfTen: [Float80] = (0...27).map { exponent in
            (0..<exponent).reduce(Float80(1)) { power, _ in power * 10 }
        }
    #endif

    /// Whether `text` is written by the rule above.
    public static func isDecimal(_ text: some StringProtocol) -> Bool {
        value(of: text) != nil
    }

    /// The value of `text` if it is a decimal number by the rule above, else `nil`. The value is
    /// the nearest double, so it may be infinite (`1e999`) or zero (`1e-999`): whether that is
    /// acceptable is the caller's rule (an lr must be finite and > 0).
    public static func value(of text: some StringProtocol) -> Double? {
        var text = String(text)
        return text.withUTF8 { value(in: $0, 0..<$0.count) }
    }

    /// Whether `byte` may be part of a decimal number (a digit, a sign, a point or an exponent's
    /// `e`). A reader that finds numbers inside longer text (a JSON document) takes the run of
    /// such bytes as the number and lets `value(in:_:)` judge it, so this rule is the only one.
    static func mayContinue(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte | 0x20 == UInt8(ascii: "e")
    }

    /// The value of the UTF-8 bytes at `range` if they are a decimal number by the rule above,
    /// else nil: the very Double `Double(String)` gives (so it may be infinite or zero), read
    /// straight from the bytes, as a CSV file of 100,000 rows has every cell read here.
    ///
    /// `Double(String)` is correct but slow (a String per number, then glibc's strtod, which
    /// works in arbitrary precision), so two exact short cuts come first; each rounds once,
    /// correctly:
    /// - Clinger's: when the digits fit in 53 bits and the power of ten is at most 10²², both
    ///   are exact Doubles, so one multiplication or division is correctly rounded;
    /// - on x86-64, the same in Float80 for up to 19 digits and 10²⁷ (its 64-bit significand
    ///   holds both exactly); rounding that result to Double is then correct unless it landed
    ///   exactly halfway between two Doubles, the one case a second rounding can get wrong, which
    ///   goes to `Double(String)`. The 17-digit numbers that printed Doubles have mostly need this.
    /// Longer numbers and larger exponents go to `Double(String)`, after the grammar check here
    /// (which is what refuses hex, `nan` and `inf`).
    static func value(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        let end = range.upperBound
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        // Digits before and after the point; leading zeros are not significant.
        var afterPoint = false
        while index < end {
            let byte = bytes[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                sawDigit = true
                if mantissa != 0 || digit != 0 { significantDigits += 1 }
                // 19 digits always fit in a UInt64; longer numbers take the slow path anyway.
                if significantDigits <= 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if afterPoint { exponent -= 1 }
                }
            } else if byte == UInt8(ascii: "."), !afterPoint {
                afterPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
                // Far beyond any Double's range already; capping keeps the Int from overflowing.
                if written < 100_000 { written = written * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == end else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if significantDigits <= 19, mantissa <= 1 << 53, -22 <= exponent, exponent <= 22 {
            let value =
                exponent >= 0
                ? Double(mantissa) * powersOfTen[exponent] : Double(mantissa) / powersOfTen[-exponent]
            return negative ? -value : value
        }
        #if arch(x86_64) && !(os(Windows) || os(Android))
            if significantDigits <= 19, -27 <= exponent, exponent <= 27 {
                let power = extendedPowersOfTen[abs(exponent)]
                let extended = exponent >= 0 ? Float80(mantissa) * power : Float80(mantissa) / power
                // Float80 has 11 more significand bits than Double: 0x400 in them is a midpoint.
                if extended.significandBitPattern & 0x7FF != 0x400 {
                    let value = Double(extended)
                    return negative ? -value : value
                }
            }
        #endif
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }

    /// The shortest text this rule reads back as `value`, as a person would type it: no
    /// trailing ".0", a short exponent (`0.1`, `2`, `1e-9`, `1.5e20`); `NaN`, `inf` and `-inf`
    /// by name, and -0 as `0`.
    public static func text(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = shortExponent("\(value == 0 ? 0 : value)")
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A C or Swift number text with its exponent written short: `1e-09` → `1e-9`, `3.8e+17` →
    /// `3.8e17`; text without an exponent is returned as it is.
    public static func shortExponent(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
            let power = Int(text[text.index(after: e)...])
        else { return text }
        return String(text[..<e]) + "e" + String(power)
    }
}
