import BackpropCore
import Testing

/// The one rule for a number a person types (the lr and parameter
/// entries, `--lr`, `--until-cost`).
@Suite struct DecimalNumberTests {
    @Test(
        "a sign, digits with an optional point, an optional exponent",
        arguments: [
            ("-0.5", -0.5), (".5", 0.5), ("5.", 5), ("2e-3", 0.002), ("1E+2", 100), ("+7", 7), ("0", 0),
            ("0.1", 0.1), ("-.25e1", -2.5), ("00012", 12),
        ])
    func decimals(text: String, value: Double) {
        #expect(DecimalNumber.isDecimal(text))
        #expect(DecimalNumber.value(of: text) == value)
    }

    @Test(
        "what Double(_:) takes but a person does not mean, and what is not a number at all",
        arguments: [
            "0x10", "inf", "-inf", "nan", "infinity", "1_000", "0.1e", "1e+", "e5", ".", "-", "+", "", " 1", "1 ",
            "1.2.3", "--1", "1e2.5", "１", "0.1f", "1,5",
        ])
    func notDecimals(text: String) {
        #expect(!DecimalNumber.isDecimal(text))
        #expect(DecimalNumber.value(of: text) == nil)
    }

    @Test("a decimal beyond a double's range is still a decimal; the caller's range rule refuses it")
    func outOfRange() {
        #expect(DecimalNumber.value(of: "1e999") == .infinity)
        #expect(DecimalNumber.value(of: "-1e999") == -.infinity)
        #expect(DecimalNumber.value(of: "1e-999") == 0)
    }
}
