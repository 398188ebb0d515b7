import BackpropCore

/// How a number the user gave is written back: a learning rate, a hyperparameter, a typed value,
/// a data value. The shortest text that reads back as the same double, as a person would type
/// it (`DecimalNumber.text`): `0.1`, `2`, `1e-9`, `1.5e20`.
enum LearningRateText {
    static func string(_ value: Double) -> String {
        DecimalNumber.text(value)
    }

    /// NaN, inf or -inf spelled the way every pane spells them; finite costs in full.
    static func cost(_ value: Double) -> String {
        DecimalNumber.text(value)
    }
}
