/// How a number the user gave is written back: a learning rate, a hyperparameter, a typed value,
/// a data value. The shortest text that reads back as the same double, without a trailing ".0"
/// and with a short exponent, as a person would type it: `0.1`, `2`, `1e-9`, `1.5e20`.
enum LearningRateText {
    static func string(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = NumberFormat.shortExponent("\(value == 0 ? 0 : value)")
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// NaN, inf or -inf spelled the way every pane spells them; finite costs in full.
    static func cost(_ value: Double) -> String {
        string(value)
    }
}
