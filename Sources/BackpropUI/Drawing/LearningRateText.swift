/// How the status line writes a learning rate and a cost.
enum LearningRateText {
    /// Shortest round-trip form without a trailing ".0": `0.1`, `2`, `1e-05`.
    static func string(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// NaN, inf or -inf spelled the way every pane spells them; finite costs in full.
    static func cost(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return "\(value)"
    }
}
