import BackpropCore
import Testing

/// How a number the user gave is written back, in the visualiser and in the headless header:
/// the shortest text that reads back as the same double, with a short exponent.
struct DecimalTextTests {
    @Test func theShortestTextReadsBackAsTheSameNumber() {
        let values: [Double] = [0.1, 2, 1e-9, 1.5e20, 0.5, -0.25, 1e-5, 0.0001, 123_456.789, .leastNonzeroMagnitude]
        for value in values {
            let text = DecimalNumber.text(value)
            #expect(DecimalNumber.value(of: text) == value, "\(value) -> \(text)")
        }
        #expect(DecimalNumber.text(2) == "2")
        #expect(DecimalNumber.text(0.1) == "0.1")
        #expect(DecimalNumber.text(1e-9) == "1e-9", "not 1e-09")
        #expect(DecimalNumber.text(1.5e20) == "1.5e20", "not 1.5e+20")
        #expect(DecimalNumber.text(-0.0) == "0")
        #expect(DecimalNumber.text(.nan) == "NaN")
        #expect(DecimalNumber.text(-.infinity) == "-inf")
    }

    @Test func theExponentIsAlwaysShort() {
        #expect(DecimalNumber.shortExponent("1e-09") == "1e-9")
        #expect(DecimalNumber.shortExponent("3.871156828e+17") == "3.871156828e17")
        #expect(DecimalNumber.shortExponent("2.5E-07") == "2.5e-7")
        #expect(DecimalNumber.shortExponent("0.25") == "0.25")
    }
}
