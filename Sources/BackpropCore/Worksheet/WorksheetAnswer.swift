/// One number a worksheet asks for, with the working that reaches it.
public struct WorksheetAnswer: Equatable, Sendable {
    /// The number's name as the inspector writes it: "a¹1", "ŷ1", "∂C/∂ω²21", "b¹2".
    public let name: String
    /// The formula for this one number in symbols: "x1·ω¹11 + x2·ω¹21 + b¹1".
    public let formula: String
    /// The same formula with the numbers put in: givens as printed, earlier answers rounded as
    /// printed ("0.3·0.4 + (-0.5)·0.2 + 0.1").
    public let numbers: String
    /// The trainer's exact result, which the sheet prints rounded.
    public let value: Double

    /// An answer from its parts; `Worksheet` is the usual source.
    public init(name: String, formula: String, numbers: String, value: Double) {
        self.name = name
        self.formula = formula
        self.numbers = numbers
        self.value = value
    }

    /// The answer as printed: 4 decimals, half away from zero.
    public var text: String { DecimalRounding.text(value) }

    /// "a¹1 = x1·ω¹11 + x2·ω¹21 + b¹1 = 0.3·0.4 + (-0.5)·0.2 + 0.1 = 0.0200": the whole working.
    /// A formula that is only its numbers (a linear g's h = a) is written once.
    public var working: String {
        let steps = formula == numbers ? [name, formula] : [name, formula, numbers]
        return (steps + [text]).joined(separator: " = ")
    }

    /// Equal when every text is the same and the value has the same bits.
    public static func == (left: WorksheetAnswer, right: WorksheetAnswer) -> Bool {
        left.name == right.name && left.formula == right.formula && left.numbers == right.numbers
            && left.value.bitPattern == right.value.bitPattern
    }
}
