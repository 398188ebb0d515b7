/// The one rule for a number typed by a person, at the keyboard (`l`, Enter on a parameter) or
/// on the command line (`--lr`, `--until-cost`): a plain decimal number.
///
/// An optional sign, digits with an optional point (digits on at least one side of it), then
/// an optional exponent, `e` or `E` with an optional sign and at least one digit: `-0.5`, `.5`,
/// `5.`, `2e-3`, `1E+2`. Nothing else, not even surrounding spaces: `Double(_:)` alone would
/// also take `0x10` (16), `inf`, `nan` and `infinity`, which a teacher typing an lr never means
/// and which would be applied without a word.
public enum DecimalNumber {
    /// Whether `text` is written by the rule above.
    public static func isDecimal(_ text: some StringProtocol) -> Bool {
        var bytes = text.utf8.makeIterator()
        var next = bytes.next()
        func skipDigits() -> Int {
            var count = 0
            while let byte = next, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                count += 1
                next = bytes.next()
            }
            return count
        }
        if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { next = bytes.next() }
        var digits = skipDigits()
        if next == UInt8(ascii: ".") {
            next = bytes.next()
            digits += skipDigits()
        }
        guard digits > 0 else { return false }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            next = bytes.next()
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { next = bytes.next() }
            guard skipDigits() > 0 else { return false }
        }
        return next == nil
    }

    /// The value of `text` if it is a decimal number by the rule above, else `nil`. The value is
    /// the nearest double, so it may be infinite (`1e999`) or zero (`1e-999`): whether that is
    /// acceptable is the caller's rule (an lr must be finite and > 0).
    public static func value(of text: some StringProtocol) -> Double? {
        guard isDecimal(text) else { return nil }
        return Double(String(text))
    }
}
