import ArgumentParser
import BackpropCore

/// A number given as a flag's value, read by the program's own rules rather than by
/// swift-argument-parser's (whose `The value '-1' is invalid for '--seed <s>'` reads unlike every
/// other message here), so that a wrong one gets one line in the program's words, exit 64, and
/// says which it is: not a number at all (`--lr 0.1e`), or a number outside the flag's range
/// (`--lr 0`, `--seed -1`).
enum NumberArgument {
    /// `text` as a decimal number by `DecimalNumber`'s rule (the one typed entries follow: no
    /// `0x10`, `inf` or `nan`), or a usage error that says it is not a number and then `rule`.
    /// A number too large for a double (`1e999`) is refused too, as `inf` is: read as it is it
    /// would be infinity, which no flag means. One too small reads as 0 (or -0), which the
    /// flag's range check judges.
    static func decimal(_ text: String, flag: String, rule: String) throws -> Double {
        guard let value = DecimalNumber.value(of: text) else {
            throw ValidationError("\(flag) \(TerminalSafe.argument(text)) is not a number; \(rule)")
        }
        guard value.isFinite else {
            throw ValidationError(
                "\(flag) \(TerminalSafe.argument(text)) is too large: it would be infinity; \(rule)")
        }
        return value
    }

    /// `text` as a whole number (an optional sign and digits) within `range`, or a usage error
    /// that says it is not a whole number, or which end of the range it passes.
    static func whole<Value: FixedWidthInteger>(
        _ text: String, flag: String, in range: ClosedRange<Value>, like example: Value
    ) throws -> Value {
        let shown = "\(flag) \(TerminalSafe.argument(text))"
        let rule =
            range.upperBound == Value.max
            ? "it must be \(range.lowerBound) or more, like \(example)"
            : "it must be from \(range.lowerBound) to \(range.upperBound), like \(example)"
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError("\(shown) is not a whole number; \(rule)")
        }
        // The digits are a whole number, so Value(text) fails only beyond Value's own range.
        let value = Value(text)
        if value.map({ $0 < range.lowerBound }) ?? (text.first == "-") {
            throw ValidationError("\(shown) is less than \(range.lowerBound); \(rule)")
        }
        guard let value, value <= range.upperBound else {
            throw ValidationError("\(shown) is more than \(range.upperBound), the largest \(flag) takes")
        }
        return value
    }
}
