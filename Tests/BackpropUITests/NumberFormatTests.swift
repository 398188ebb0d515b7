import BackpropUI
import XCTest

final class NumberFormatTests: XCTestCase {
    func testEveryValueTakesExactlyTheWidth() {
        let values: [Double] = [
            0, -0.0, 0.1, -1.7939658, 1.8182769, 123.456, -9999.5, 1e6, -1.5e7, 1e300, -1e-300, 3e-9,
            .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.leastNonzeroMagnitude,
        ]
        for format in [NumberFormat(width: 8, decimals: 4), NumberFormat(width: 11, decimals: 7)] {
            for value in values {
                XCTAssertEqual(format.string(value).count, format.width, "\(value) -> \"\(format.string(value))\"")
            }
        }
    }

    func testReadableForms() {
        let format = NumberFormat(width: 8, decimals: 4)
        XCTAssertEqual(format.string(0.1), "  0.1000")
        XCTAssertEqual(format.string(-1.7939658), " -1.7940")
        XCTAssertEqual(format.string(-0.0), "  0.0000")
        XCTAssertEqual(format.string(-9999.5), "-9999.50", "fewer decimals before exponent form")
        XCTAssertEqual(format.string(1_234_567), " 1234567")
        XCTAssertEqual(format.string(123_456_789), "1.2346e8", "exponent form rather than overflow")
        XCTAssertTrue(format.string(-3e-9).hasSuffix("e-9"), "tiny values keep their digits: \(format.string(-3e-9))")
        XCTAssertEqual(format.string(.nan), "     NaN")
        XCTAssertEqual(format.string(.infinity), "     inf")
        XCTAssertEqual(format.string(-.infinity), "    -inf")
    }

    /// One notation per pane: the rule `fitting` applies to the numbers a pane shows.
    func testAPaneFitsOneNotationToWhatItShows() {
        let narrow = NumberFormat(width: 7, decimals: 4)
        // Ordinary values: fixed point with every decimal, whatever else is small.
        let ordinary = narrow.fitting([0.1453882, -0.0201, 1.35919e-10])
        XCTAssertEqual(ordinary.notation, .fixed)
        XCTAssertEqual(ordinary.string(0.1453882), " 0.1454")
        XCTAssertEqual(ordinary.string(1.35919e-10), " 0.0000", "not 1.35919e-10 beside 0.0000000")
        // A larger value costs every number the same decimals: -107.90 beside -99.50.
        let larger = narrow.fitting([-107.9, -99.5])
        XCTAssertEqual(larger.string(-107.9), "-107.90")
        XCTAssertEqual(larger.string(-99.5), " -99.50")
        // Everything would round to zero: exponent form for all, one count of digits.
        let tiny = narrow.fitting([3.606543e-8, -7.2e-8, 1e-7])
        XCTAssertEqual(tiny.string(3.606543e-8), " 3.6e-8")
        XCTAssertEqual(tiny.string(-7.2e-8), "-7.2e-8")
        // Too large for fixed point: exponent form, short exponent.
        XCTAssertEqual(narrow.fitting([2.5e12, 1]).string(2.5e12), " 2.5e12")
        // Non-finite values are spelled the same in any notation, and do not choose it.
        XCTAssertEqual(narrow.fitting([.nan, 0.5]).string(.nan), "    NaN")
        XCTAssertEqual(narrow.fitting([.infinity, 0.5]).notation, .fixed)
    }

    /// Equations keep every number readable: a value that would show as zero turns them all to
    /// exponent form with the format's count of significant digits.
    func testAnEquationNeverShowsANonZeroValueAsZero() {
        let narrow = NumberFormat(width: 11, decimals: 4)
        let equation = narrow.fittingEquation([1.0, 0.6644, 3.587e-6, -1.402e-6, 7.009e-7])
        XCTAssertEqual(equation.compact(-1.402e-6), "-1.402e-6")
        XCTAssertEqual(equation.compact(1.0), "1.000e0")
        XCTAssertEqual(equation.compact(0), "0")
        // Ordinary numbers stay in fixed point.
        XCTAssertEqual(narrow.fittingEquation([1.0, 0.0898, -0.1995]).compact(-0.1995), "-0.1995")
    }
}
