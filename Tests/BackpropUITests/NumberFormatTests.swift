import BackpropUI
import Testing

/// The one rule every pane writes computed numbers by, each number on its own.
struct NumberFormatTests {
    private let narrow = NumberFormat(width: 7, decimals: 4)
    private let wide = NumberFormat(width: 10, decimals: 7)

    @Test func everyValueTakesExactlyTheWidthInAColumn() {
        let values: [Double] = [
            0, -0.0, 0.1, -1.7939658, 1.8182769, 123.456, -9999.5, 1e6, -1.5e7, 1e300, -1e-300, 3e-9,
            .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.leastNonzeroMagnitude,
        ]
        for format in [narrow, wide, NumberFormat(width: 8, decimals: 4)] {
            for value in values {
                #expect(format.string(value).count == format.width, "\(value) -> \"\(format.string(value))\"")
            }
        }
    }

    @Test func ordinaryValuesStayFixedPointWhateverElseIsShown() {
        #expect(narrow.compact(1) == "1.0000")
        #expect(narrow.compact(0.25) == "0.2500")
        #expect(narrow.compact(-1.7939658) == "-1.7940")
        #expect(narrow.compact(0.0525) == "0.0525")
        #expect(wide.compact(0.25) == "0.2500000")
    }

    @Test func onlyAValueThatWouldReadAsZeroTakesTheExponentForm() {
        #expect(narrow.compact(-4.918e-5) == "-4.9e-5")
        #expect(narrow.compact(4.918e-5) == "4.9e-5", "the same digits whatever the sign")
        #expect(narrow.compact(9.836e-5) == "0.0001", "a value that shows a digit stays fixed point")
        #expect(narrow.compact(2.752e-6) == "2.8e-6")
        #expect(wide.compact(2.752e-9) == "2.7520e-9")
        #expect(narrow.compact(7.459e-10) == "7e-10", "a two-digit exponent leaves room for one digit")
    }

    @Test func zeroIsWrittenAsZeroAndNeverNegative() {
        #expect(narrow.compact(0) == "0.0000")
        #expect(narrow.compact(-0.0) == "0.0000")
        #expect(narrow.compact(-1e-30).hasPrefix("-1"), "a tiny negative value is not -0.0000")
        for value in [-1e-5, -4e-5, -1e-12, -0.00004999] {
            #expect(!narrow.compact(value).contains("-0.0000"))
            #expect(!narrow.string(value).contains("-0.0000"))
        }
    }

    @Test func aValueTooWideKeepsFewerDecimalsThenTakesTheExponentForm() {
        #expect(narrow.compact(-107.9) == "-107.90")
        #expect(narrow.compact(107.9) == "107.90", "the decimals of its negation")
        #expect(narrow.compact(39_749_455) == "3.97e7")
        #expect(narrow.compact(-39_749_455) == "-3.97e7")
        #expect(wide.compact(39_749_455) == "39749455", "no decimal left for its negation")
        #expect(narrow.compact(3.871156828e17) == "3.9e17")
        #expect(NumberFormat(width: 8, decimals: 4).compact(3.871156828e17) == "3.87e17")
    }

    @Test func nonFiniteValuesAreSpelled() {
        #expect(narrow.compact(.nan) == "NaN")
        #expect(narrow.compact(.infinity) == "inf")
        #expect(narrow.string(-.infinity) == "   -inf")
    }

    @Test func aColumnLinesUpOnTheDecimalPoint() {
        let column = [0.25, -1.75, 4.9e-5, -4.9e-5, 0, 3.97e7].map(narrow.string)
        let points = column.map { text in text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) }
        }
        #expect(Set(points).count == 1, "\(column)")
        #expect(narrow.string(0.25) == " 0.2500")
        #expect(narrow.data(0) == " 0     ", "a data value's units digit where the column's are")
        #expect(narrow.data(-0.5) == "-0.5   ")
        #expect(narrow.data(-12) == "    -12", "too long an integer part for the column: right-aligned")
    }

    @Test func beforeAndAfterNeverReadTheSameWhenTheValueChanged() {
        let changes: [(Double, Double)] = [
            (2.49501, 2.49504), (2.4950301, 2.4950302), (0.2, 0.2 - 4e-11), (0.0023, 0.0022), (-4.9e-5, -4.91e-5),
            (1e12, 1e12 + 1),
        ]
        for (before, after) in changes {
            let (old, new) = narrow.change(from: before, to: after)
            #expect(old != new, "\(before) → \(after) read \(old) → \(new)")
        }
        #expect(narrow.change(from: 2.49501, to: 2.49504) == ("2.49501", "2.49504"))
        #expect(narrow.change(from: 0.2, to: 0.2 - 4e-11) == ("0.2000", "0.2000 (-4e-11)"))
        #expect(narrow.change(from: 0.5, to: 0.25) == ("0.5000", "0.2500"))
        #expect(narrow.change(from: 0.5, to: 0.5) == ("0.5000", "0.5000"), "no change, nothing added")
    }

    @Test func aChangeMarkNeedsDigitsThatMoved() {
        #expect(!narrow.showsChange(from: 0.25, to: 0.25 + 1e-9))
        #expect(narrow.showsChange(from: 0.25, to: 0.2501))
    }

    @Test func anAxisSharesItsDecimals() {
        #expect(narrow.axisLabels([124.935, 70.2761, 0]) == ["124.935", " 70.276", "  0.000"])
        #expect(narrow.axisLabels([1.0629, 0.5314, 0]) == [" 1.0629", " 0.5314", " 0.0000"])
        #expect(narrow.axisLabels([2e-6, 1e-6, 0])[0].contains("e-6"), "not 0.0000 for a tiny cost")
    }
}
